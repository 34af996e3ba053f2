/**
 * Saving one page's capture: one transaction, idempotent. A reload or revisit changes nothing; an
 * updated article replaces its quotes (quotes no longer on the page go, new ones come). Quotes the
 * user deleted stay deleted, speakers the user set stay set, quotes the user saved by hand stay.
 */
import Dexie from 'dexie';
import type { CapturedQuote, PageCapture, SaveResult } from '../messaging';
import { writing, type QuotemarkDB } from './db';
import { guardWrite } from './errors';
import { findCandidates, groupNewQuotes, settleGroups } from './groups';
import { SiteChanges } from './sites';
import { speakerSortKey, NO_SPEAKER_SORT } from './names';
import { normalizeQuote, searchWords } from './normalize';
import { sketch } from './similarity';
import { countQuote, SpeakerResolver, uncountQuote } from './speakers';
import type { ArticleRow, QuoteRow, SpeakerRow } from './types';

export function dateOf(published: string | null | undefined, fallback: number): number {
  if (!published) return fallback;
  const t = Date.parse(published);
  return Number.isFinite(t) ? t : fallback;
}

/** A page's quotes, through the `[articleId+norm]` index. */
export function quotesOfArticle(db: QuotemarkDB, articleId: number) {
  return db.quotes.where('[articleId+norm]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]);
}

export function deletionsOfArticle(db: QuotemarkDB, articleId: number) {
  return db.deletions.where('[articleId+norm]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]);
}

/** The search words of a quote: its text and the names of its speaker. */
export function quoteWords(text: string, ...names: (string | null | undefined)[]): string[] {
  return searchWords([text, ...names.filter(Boolean)].join(' \n '));
}

/** Fill a quote's derived fields (sort key, search words) for its speaker. */
export function applySpeaker(q: QuoteRow, speaker: SpeakerRow | null | undefined): void {
  q.speakerId = speaker?.id ?? null;
  q.speakerSort = speaker ? speakerSortKey(speaker.name, speaker.type) : NO_SPEAKER_SORT;
  q.words = quoteWords(q.text, speaker?.name, q.speakerName);
}

/** Find the article stored for any of these addresses (canonical first). */
export async function findArticle(db: QuotemarkDB, urls: string[]): Promise<ArticleRow | undefined> {
  // one equality read per address (a cursor over anyOf costs a step per key)
  const found = (await Promise.all([...new Set(urls)].map((u) => db.articles.where('urls').equals(u).toArray()))).flat();
  for (const u of urls) {
    const hit = found.find((a) => a.url === u);
    if (hit) return hit;
  }
  return found.sort((a, b) => a.id! - b.id!)[0];
}

function sameQuoteFields(a: QuoteRow, b: QuoteRow): boolean {
  const keys: (keyof QuoteRow)[] = ['text', 'speakerId', 'speakerName', 'mention', 'role', 'cue', 'kind', 'confidence', 'block', 'start', 'end', 'before', 'after', 'site', 'url', 'date', 'speakerSort'];
  return keys.every((k) => a[k] === b[k]) && a.words.join(' ') === b.words.join(' ');
}

export async function savePage(db: QuotemarkDB, capture: PageCapture, now: number): Promise<SaveResult> {
  return guardWrite(() => writing(db, (db) => saveInTransaction(db, capture, now)));
}

async function saveInTransaction(db: QuotemarkDB, capture: PageCapture, now: number): Promise<SaveResult> {
  const { meta } = capture;
  const article = await findArticle(db, [meta.canonicalUrl, meta.url]);
  const firstSeen = article?.firstSeen ?? now;
  const date = dateOf(meta.published, article?.date ?? firstSeen);
  const urls = [...(article?.urls ?? [])];
  for (const u of [meta.canonicalUrl, meta.url]) if (!urls.includes(u)) urls.push(u);
  const articleRow: ArticleRow = {
    url: article?.url ?? meta.canonicalUrl,
    urls,
    site: meta.site,
    siteName: meta.siteName,
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    date,
    firstSeen,
    lastSeen: now,
    quoteCount: article?.quoteCount ?? 0,
  };
  const articleId = article?.id ?? (await db.articles.add(articleRow));

  // a page seen for the first time has no quotes and no deletions yet: one round trip less
  const [existing, deleted] = article ? await Promise.all([quotesOfArticle(db, articleId).toArray(), deletionsOfArticle(db, articleId).toArray()]) : [[], []];
  const byNorm = new Map(existing.map((q) => [q.norm, q]));
  const gone = new Set(deleted.map((d) => d.norm));

  // what the page says now: one quote per normalised text, less what the user deleted
  const wanted = new Map<string, CapturedQuote>();
  for (const q of capture.quotes) {
    const norm = normalizeQuote(q.quote);
    if (norm && !gone.has(norm) && !wanted.has(norm)) wanted.set(norm, q);
  }

  // new statements: look for them in other articles while the speakers are being found
  const sketches = new Map<string, number[]>();
  for (const [norm, q] of wanted) if (!byNorm.has(norm)) sketches.set(norm, sketch(q.quote));
  const candidatesFound = findCandidates(db, [...sketches.values()]);
  const speakers = new SpeakerResolver(db, articleId);
  const [, resolved, candidateLists] = await Promise.all([
    speakers.load(existing.map((q) => q.speakerId).filter((id): id is number => id != null)),
    speakers.resolve([...wanted.values()].filter((q) => q.speaker).map((q) => ({ name: q.speaker!, type: q.speakerType }))),
    candidatesFound,
  ]);
  const candidatesOf = new Map([...sketches.keys()].map((norm, i) => [norm, candidateLists[i]]));
  const speakerOf = (q: CapturedQuote): SpeakerRow | null => (q.speaker ? (resolved.get(speakers.keyOf({ name: q.speaker, type: q.speakerType })) ?? null) : null);

  const touchedGroups = new Set<number>();
  // quotes no longer on the page (the user's own quotes stay)
  const removed = existing.filter((q) => q.origin === 'page' && !wanted.has(q.norm));
  for (const q of removed) {
    const s = speakers.get(q.speakerId);
    if (s && uncountQuote(s, q)) speakers.staleDates.add(s);
    if (q.groupId != null) touchedGroups.add(q.groupId);
  }

  const fresh: QuoteRow[] = [];
  const changed: QuoteRow[] = [];
  // the user's own quotes the page does not show follow the article's date, site and address
  for (const q of existing) {
    if (q.origin === 'page' || wanted.has(q.norm) || (q.date === date && q.site === meta.site && q.url === articleRow.url)) continue;
    const s = speakers.get(q.speakerId);
    if (s && uncountQuote(s, q)) speakers.staleDates.add(s);
    const moved = { ...q, date, negDate: -date, site: meta.site, url: articleRow.url };
    if (s) countQuote(s, moved);
    changed.push(moved);
  }
  let kept = 0;
  for (const [norm, q] of wanted) {
    const prev = byNorm.get(norm);
    const userSet = prev && (prev.speakerFixed || prev.origin === 'manual');
    const speaker = userSet ? (speakers.get(prev.speakerId) ?? null) : speakerOf(q);
    const row: QuoteRow = {
      articleId,
      speakerId: null,
      norm,
      text: q.quote,
      speakerName: userSet ? prev.speakerName : q.speaker,
      mention: q.mention,
      role: userSet ? prev.role : q.role,
      cue: q.cue,
      kind: q.kind,
      confidence: q.confidence,
      block: q.block,
      start: q.start,
      end: q.end,
      before: q.before,
      after: q.after,
      site: meta.site,
      url: articleRow.url,
      date,
      negDate: -date,
      seen: prev?.seen ?? now,
      speakerSort: NO_SPEAKER_SORT,
      words: [],
      sketch: prev ? (prev.text === q.quote ? prev.sketch : sketch(q.quote)) : sketches.get(norm)!,
      groupId: prev?.groupId ?? null,
      origin: prev?.origin ?? 'page',
      speakerFixed: prev?.speakerFixed ?? false,
    };
    applySpeaker(row, speaker);
    if (!prev) {
      fresh.push(row);
      if (speaker) countQuote(speaker, row);
      continue;
    }
    kept++;
    row.id = prev.id;
    if (sameQuoteFields(prev, row)) continue;
    changed.push(row);
    if (prev.speakerId !== row.speakerId || prev.role !== row.role || prev.site !== row.site || prev.date !== row.date) {
      const old = speakers.get(prev.speakerId);
      if (old && uncountQuote(old, prev)) speakers.staleDates.add(old);
      if (speaker) countQuote(speaker, row);
    }
  }

  const freshGroups = await groupNewQuotes(db, fresh, now, fresh.map((f) => candidatesOf.get(f.norm) ?? []));
  for (const g of freshGroups) touchedGroups.add(g);

  // writes that do not depend on each other go out together (a transaction runs its requests in
  // order; waiting for each one costs a round trip to the database process)
  const quoteCount = existing.length - removed.length + fresh.length;
  const sites = new SiteChanges();
  if (article) sites.add(article.site, -1, -article.quoteCount);
  sites.add(articleRow.site, 1, quoteCount, now, meta.siteName);
  await Promise.all([
    removed.length ? db.quotes.bulkDelete(removed.map((q) => q.id!)) : null,
    changed.length ? db.quotes.bulkPut(changed) : null,
    fresh.length ? db.quotes.bulkAdd(fresh) : null,
    db.articles.put({ ...articleRow, quoteCount, id: articleId }),
    sites.apply(db),
  ]);
  // these read the quotes just written: group sizes, speakers' dates (and, for a surname-only
  // speaker who got a full name, their quotes' sort keys and search words)
  await settleGroups(db, touchedGroups);
  await speakers.finish(applySpeaker);
  return { articleId, added: fresh.length, removed: removed.length, kept };
}
