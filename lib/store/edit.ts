/**
 * The user's corrections. Extension pages call these directly: each is one Dexie transaction, and
 * IndexedDB makes it atomic across the popup, the library page and the background. Every failure
 * arrives as a `StoreError` with a message to show (a full disk: code `quota`).
 */
import { LIMITS } from '../messaging';
import { writing, type QuotemarkDB } from './db';
import { guardWrite, StoreError } from './errors';
import { groupNewQuotes, settleGroups } from './groups';
import { globalKey, isPersonLike, localKey, parsePerson, speakerKey, speakerNameWords } from './names';
import { fold, normalizeQuote } from './normalize';
import { applySpeaker, dateOf, findArticle } from './save';
import { SiteChanges } from './sites';
import { sketch } from './similarity';
import { addAlias, addKey, countQuote, quotesOfSpeaker, recount, refreshDates, speakerRow, speakerView, SpeakerResolver, uncountQuote } from './speakers';
import type { ArticleRow, DeletedQuotes, ManualQuote, QuoteRow, SpeakerChoice, SpeakerRow, SpeakerView, SplitSpec } from './types';

function rw<T>(db: QuotemarkDB, work: (db: QuotemarkDB) => Promise<T>): Promise<T> {
  return guardWrite(() => writing(db, work));
}

async function mustGet<T>(p: Promise<T | undefined>, what: string): Promise<T> {
  const v = await p;
  if (v === undefined) throw new StoreError('not-found', `${what} no longer exists (it may have been deleted in another window).`);
  return v;
}

function cleanName(name: string): string {
  const n = name.replace(/\s+/g, ' ').trim();
  if (!n) throw new StoreError('invalid', 'A speaker needs a name.');
  if (n.length > LIMITS.shortString) throw new StoreError('invalid', `A name can be at most ${LIMITS.shortString} characters.`);
  return n;
}

/** The speaker a choice names, created if it is a new name (found through the usual name rules if not). */
async function chosenSpeaker(db: QuotemarkDB, choice: SpeakerChoice, articleId: number): Promise<{ row: SpeakerRow; resolver: SpeakerResolver }> {
  const resolver = new SpeakerResolver(db, articleId);
  if ('speakerId' in choice) {
    await resolver.load([choice.speakerId]);
    const row = resolver.get(choice.speakerId);
    if (!row) throw new StoreError('not-found', 'That speaker no longer exists (it may have been merged or deleted in another window).');
    return { row, resolver };
  }
  const request = { name: cleanName(choice.name), type: choice.type ?? null };
  const found = await resolver.resolve([request]);
  return { row: found.get(resolver.keyOf(request))!, resolver };
}

function writeSpeakers(resolver: SpeakerResolver, stale: Iterable<SpeakerRow> = []): Promise<void> {
  return resolver.finish(applySpeaker, stale);
}

/**
 * Set who said a quote: a known speaker, a typed name (an existing speaker with that name, or a
 * new one), or null for "unknown speaker". A later visit of the page keeps the choice.
 */
export function setQuoteSpeaker(db: QuotemarkDB, quoteId: number, choice: SpeakerChoice | null): Promise<SpeakerView | null> {
  return rw(db, async (db) => {
    const q = await mustGet(db.quotes.get(quoteId), 'This quote');
    const picked = choice ? await chosenSpeaker(db, choice, q.articleId) : null;
    const resolver = picked?.resolver ?? new SpeakerResolver(db, q.articleId);
    if (q.speakerId != null) await resolver.load([q.speakerId]);
    const old = resolver.get(q.speakerId);
    const stale = new Set<SpeakerRow>();
    if (old && uncountQuote(old, q)) stale.add(old);
    const target = picked?.row ?? null;
    q.speakerName = target?.name ?? null;
    q.speakerFixed = true;
    applySpeaker(q, target);
    if (target) countQuote(target, q);
    await db.quotes.put(q);
    await writeSpeakers(resolver, stale);
    return target ? speakerView(target) : null;
  });
}

/** Delete quotes. A later visit of their page does not bring them back. Returns how many were deleted. */
export async function deleteQuotes(db: QuotemarkDB, quoteIds: number[], now: number = Date.now()): Promise<number> {
  return (await removeQuotes(db, quoteIds, now)).quotes.length;
}

/** Delete quotes and return them, to undo with `restoreQuotes`. */
export function removeQuotes(db: QuotemarkDB, quoteIds: number[], now: number = Date.now()): Promise<DeletedQuotes> {
  return rw(db, async (db) => {
    const rows = (await db.quotes.bulkGet(quoteIds)).filter((q): q is QuoteRow => !!q);
    if (!rows.length) return { quotes: [] };
    const resolver = new SpeakerResolver(db, rows[0].articleId);
    await resolver.load(rows.map((q) => q.speakerId).filter((id): id is number => id != null));
    const stale = new Set<SpeakerRow>();
    const groups = new Set<number>();
    const perArticle = new Map<number, number>();
    for (const q of rows) {
      const s = resolver.get(q.speakerId);
      if (s && uncountQuote(s, q)) stale.add(s);
      if (q.groupId != null) groups.add(q.groupId);
      perArticle.set(q.articleId, (perArticle.get(q.articleId) ?? 0) + 1);
    }
    await db.quotes.bulkDelete(rows.map((q) => q.id!));
    await db.deletions.bulkPut(rows.map((q) => ({ articleId: q.articleId, norm: q.norm, deleted: now })));
    await settleGroups(db, groups);
    const sites = new SiteChanges();
    for (const [articleId, n] of perArticle) {
      await db.articles.where(':id').equals(articleId).modify((a: ArticleRow) => {
        a.quoteCount = Math.max(0, a.quoteCount - n);
        sites.add(a.site, 0, -n);
      });
    }
    await sites.apply(db);
    await writeSpeakers(resolver, stale);
    return { quotes: rows };
  });
}

/** Delete one quote (see `deleteQuotes`); returns it, to undo with `restoreQuotes`. */
export async function deleteQuote(db: QuotemarkDB, quoteId: number, now: number = Date.now()): Promise<DeletedQuotes> {
  const deleted = await removeQuotes(db, [quoteId], now);
  if (!deleted.quotes.length) throw new StoreError('not-found', 'This quote no longer exists (it may have been deleted in another window).');
  return deleted;
}

/**
 * Undo a deletion: the quotes come back as they were (text, place on the page, speaker, group).
 * A speaker merged away meanwhile is found by name; a quote whose article is gone (everything was
 * deleted) or whose words were saved again meanwhile is skipped. Returns how many came back.
 */
export function restoreQuotes(db: QuotemarkDB, deleted: DeletedQuotes, now: number = Date.now()): Promise<number> {
  return rw(db, async (db) => {
    const back: QuoteRow[] = [];
    const articles = new Map<number, ArticleRow>();
    for (const q of deleted.quotes) {
      const article = articles.get(q.articleId) ?? (await db.articles.get(q.articleId));
      if (!article) continue;
      articles.set(q.articleId, article);
      if (await db.quotes.where('[articleId+norm]').equals([q.articleId, q.norm]).first()) continue;
      if (back.some((b) => b.articleId === q.articleId && b.norm === q.norm)) continue;
      await db.deletions.delete([q.articleId, q.norm]);
      back.push({ ...q, date: article.date, negDate: -article.date, site: article.site, url: article.url, groupId: null });
    }
    if (!back.length) return 0;
    const resolver = new SpeakerResolver(db, back[0].articleId);
    await resolver.load(back.map((q) => q.speakerId).filter((id): id is number => id != null));
    for (const q of back) {
      let s = resolver.get(q.speakerId) ?? null;
      if (!s && q.speakerName) {
        // merged into someone else meanwhile: the merge moved their name keys there
        const heir = await db.speakers.where('keys').equals(speakerKey(q.speakerName, null, q.articleId)).first();
        if (heir) {
          await resolver.load([heir.id!]);
          s = resolver.get(heir.id!) ?? null;
        }
      }
      applySpeaker(q, s);
      if (s) countQuote(s, q);
    }
    const groups = await groupNewQuotes(db, back, now);
    await db.quotes.bulkAdd(back);
    await settleGroups(db, groups);
    const sites = new SiteChanges();
    for (const [id, a] of articles) {
      const n = back.filter((q) => q.articleId === id).length;
      if (!n) continue;
      await db.articles.update(id, { quoteCount: a.quoteCount + n });
      sites.add(a.site, 0, n);
    }
    await sites.apply(db);
    await writeSpeakers(resolver);
    return back.length;
  });
}

/**
 * Merge speaker `fromId` into `intoId`: its quotes, names and roles move, and later visits file
 * its names under `intoId`. Returns the merged speaker.
 */
export function mergeSpeakers(db: QuotemarkDB, intoId: number, fromId: number): Promise<SpeakerView> {
  return rw(db, async (db) => {
    if (intoId === fromId) throw new StoreError('invalid', 'A speaker cannot be merged with itself.');
    const into = await mustGet(db.speakers.get(intoId), 'The speaker to merge into');
    const from = await mustGet(db.speakers.get(fromId), 'The speaker to merge');
    for (const k of from.keys) addKey(into, k);
    addAlias(into, from.name);
    for (const a of from.aliases) addAlias(into, a);
    into.type ??= from.type;
    if (from.scope === 'global' && into.scope === 'article') {
      into.scope = 'global';
      into.articleId = null;
    }
    if (into.scope === 'global') {
      into.surname ??= isPersonLike(into.type) ? (parsePerson(into.name)?.surname ?? null) : null;
      into.nameWords = speakerNameWords([into.name, ...into.aliases]);
    }
    await quotesOfSpeaker(db, fromId).modify((q: QuoteRow) => applySpeaker(q, into));
    // the merged speaker's type may have changed, and with it how all their quotes sort
    await quotesOfSpeaker(db, intoId).modify((q: QuoteRow) => applySpeaker(q, into));
    await db.speakers.delete(fromId);
    await db.tallies.delete(fromId);
    await recount(db, into);
    await db.speakers.put(into);
    return speakerView(into);
  });
}

/**
 * Split a speaker: the chosen quotes (and name forms) move to a new speaker called `name`. Moved
 * quotes keep the new speaker on later visits; moved name forms file later quotes under it.
 */
export function splitSpeaker(db: QuotemarkDB, speakerId: number, spec: SplitSpec): Promise<SpeakerView> {
  return rw(db, async (db) => {
    const src = await mustGet(db.speakers.get(speakerId), 'This speaker');
    const name = cleanName(spec.name);
    if (fold(name) === fold(src.name)) throw new StoreError('invalid', `The new speaker needs a name other than ${src.name} (rename ${src.name} first if that name belongs to the new one).`);
    const quotes = (await db.quotes.bulkGet(spec.quoteIds)).filter((q): q is QuoteRow => !!q);
    if (quotes.some((q) => q.speakerId !== speakerId)) throw new StoreError('invalid', `Some of the chosen quotes are not by ${src.name}.`);
    const nameKey = src.scope === 'global' ? globalKey(name, src.type) : localKey(src.articleId ?? 0, name);
    const movingKeys = new Set([nameKey, ...(spec.aliases ?? []).map((a) => globalKey(a, src.type))]);
    const owner = await db.speakers.where('keys').equals(nameKey).first();
    if (owner && owner.id !== speakerId) throw new StoreError('invalid', `${owner.name} is already a speaker: move the quotes to them instead of splitting.`);
    if (src.keys.every((k) => movingKeys.has(k))) throw new StoreError('invalid', `${src.name} would be left without a name: choose a different name for the new speaker.`);
    const row = speakerRow({ name, type: src.type, scope: src.scope, articleId: src.articleId, keys: [...movingKeys], aliases: [] });
    const movedAliases = new Set((spec.aliases ?? []).map(fold));
    for (const a of src.aliases) if (movedAliases.has(fold(a))) addAlias(row, a);
    src.aliases = src.aliases.filter((a) => !movedAliases.has(fold(a)));
    src.keys = src.keys.filter((k) => !movingKeys.has(k));
    if (row.scope === 'global') {
      row.nameWords = speakerNameWords([row.name, ...row.aliases]);
      src.nameWords = speakerNameWords([src.name, ...src.aliases]);
    }
    row.id = await db.speakers.add(row);
    for (const q of quotes) {
      q.speakerFixed = true;
      q.speakerName = name;
      applySpeaker(q, row);
    }
    await db.quotes.bulkPut(quotes);
    await recount(db, row);
    await recount(db, src);
    await db.speakers.bulkPut([row, src]);
    return speakerView(row);
  });
}

/** Give a speaker another shown name (the old one is kept as an alias; later visits still find them). */
export function renameSpeaker(db: QuotemarkDB, speakerId: number, newName: string): Promise<SpeakerView> {
  return rw(db, async (db) => {
    const row = await mustGet(db.speakers.get(speakerId), 'This speaker');
    const name = cleanName(newName);
    const key = row.scope === 'global' ? globalKey(name, row.type) : localKey(row.articleId ?? 0, name);
    const owner = await db.speakers.where('keys').equals(key).first();
    if (owner && owner.id !== speakerId) throw new StoreError('invalid', `${owner.name} is already a speaker: merge the two instead.`);
    const old = row.name;
    row.aliases = row.aliases.filter((a) => fold(a) !== fold(name));
    row.name = name;
    addAlias(row, old);
    addKey(row, key);
    if (row.scope === 'global') {
      row.surname = isPersonLike(row.type) ? (parsePerson(name)?.surname ?? null) : null;
      row.nameWords = speakerNameWords([row.name, ...row.aliases]);
    }
    await db.speakers.put(row);
    await quotesOfSpeaker(db, speakerId).modify((q: QuoteRow) => applySpeaker(q, row));
    return speakerView(row);
  });
}

function siteOf(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/**
 * Save a quote the user selected ("Save as quote…"). Its page's article is created if it was never
 * collected. A later visit of the page keeps it. Returns the quote's id.
 */
export function saveManualQuote(db: QuotemarkDB, input: ManualQuote, now: number = Date.now()): Promise<number> {
  const text = input.text.trim();
  if (!text) return Promise.reject(new StoreError('invalid', 'Select some text to save as a quote.'));
  if (text.length > LIMITS.quoteChars) return Promise.reject(new StoreError('invalid', `A quote can be at most ${LIMITS.quoteChars} characters.`));
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return Promise.reject(new StoreError('invalid', 'Quotes can only be saved from web pages.'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new StoreError('invalid', 'Quotes can only be saved from web pages (http or https).'));
  const address = url.href.split('#')[0];
  const norm = normalizeQuote(text);
  return rw(db, async (db) => {
    let article = await findArticle(db, [address]);
    const created = !article;
    if (!article) {
      const date = dateOf(input.published, now);
      const row: ArticleRow = {
        url: address,
        urls: [address],
        site: siteOf(url),
        siteName: input.siteName ?? null,
        title: (input.title ?? '').slice(0, LIMITS.title),
        authors: [],
        published: input.published ?? null,
        date,
        firstSeen: now,
        lastSeen: now,
        quoteCount: 0,
      };
      row.id = await db.articles.add(row);
      article = row;
    }
    const articleId = article.id!;
    await db.deletions.delete([articleId, norm]);
    const picked = input.speaker ? await chosenSpeaker(db, input.speaker, articleId) : null;
    const resolver = picked?.resolver ?? new SpeakerResolver(db, articleId);
    const existing = await db.quotes.where('[articleId+norm]').equals([articleId, norm]).first();
    const stale = new Set<SpeakerRow>();
    if (existing) {
      if (picked) {
        if (existing.speakerId != null) await resolver.load([existing.speakerId]);
        const old = resolver.get(existing.speakerId);
        if (old && uncountQuote(old, existing)) stale.add(old);
        existing.speakerName = picked.row.name;
        existing.speakerFixed = true;
        applySpeaker(existing, picked.row);
        countQuote(picked.row, existing);
        await db.quotes.put(existing);
        await writeSpeakers(resolver, stale);
      }
      return existing.id!;
    }
    const q: QuoteRow = {
      articleId,
      speakerId: null,
      norm,
      text,
      speakerName: picked?.row.name ?? null,
      mention: null,
      role: input.role?.trim() || null,
      cue: null,
      kind: 'direct',
      confidence: 1,
      block: 0,
      start: 0,
      end: text.length,
      before: (input.before ?? '').slice(-LIMITS.contextChars),
      after: (input.after ?? '').slice(0, LIMITS.contextChars),
      site: article.site,
      url: address,
      date: article.date,
      negDate: -article.date,
      seen: now,
      speakerSort: '',
      words: [],
      sketch: sketch(text),
      groupId: null,
      origin: 'manual',
      speakerFixed: !!picked,
    };
    applySpeaker(q, picked?.row);
    if (picked) countQuote(picked.row, q);
    const groups = await groupNewQuotes(db, [q], now);
    const id = await db.quotes.add(q);
    await settleGroups(db, groups);
    await db.articles.update(articleId, { quoteCount: article.quoteCount + 1, lastSeen: now });
    const sites = new SiteChanges();
    sites.add(article.site, created ? 1 : 0, 1, now, article.siteName);
    await sites.apply(db);
    await writeSpeakers(resolver, stale);
    return id;
  });
}

/** Delete everything stored: quotes, speakers, articles, groups and remembered deletions. */
export function deleteAllData(db: QuotemarkDB): Promise<void> {
  return rw(db, async (db) => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
