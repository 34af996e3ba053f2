/**
 * The user's corrections. Extension pages call these directly: each is one Dexie transaction, and
 * IndexedDB makes it atomic across the popup, the library page and the background. Every failure
 * arrives as a `StoreError` with a message to show (a full disk: code `quota`).
 */
import { LIMITS } from '../messaging';
import type { QuotemarkDB } from './db';
import { guardWrite, StoreError } from './errors';
import { groupNewQuotes, settleGroups } from './groups';
import { globalKey, isPersonLike, localKey, parsePerson, speakerNameWords } from './names';
import { fold, normalizeQuote } from './normalize';
import { applySpeaker, dateOf, findArticle } from './save';
import { sketch } from './similarity';
import { addAlias, addKey, countQuote, quotesOfSpeaker, recount, refreshDates, speakerView, SpeakerResolver, uncountQuote } from './speakers';
import type { ArticleRow, ManualQuote, QuoteRow, SpeakerChoice, SpeakerRow, SpeakerView, SplitSpec } from './types';

function rw<T>(db: QuotemarkDB, work: () => Promise<T>): Promise<T> {
  // an async scope: Dexie keeps its transaction zone across native awaits only then
  return guardWrite(() => db.transaction('rw', db.tables, async () => work()));
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

async function writeSpeakers(db: QuotemarkDB, rows: Iterable<SpeakerRow>, stale: Iterable<SpeakerRow> = []): Promise<void> {
  for (const s of stale) await refreshDates(db, s);
  const list = [...new Set(rows)];
  if (list.length) await db.speakers.bulkPut(list);
}

/**
 * Set who said a quote: a known speaker, a typed name (an existing speaker with that name, or a
 * new one), or null for "unknown speaker". A later visit of the page keeps the choice.
 */
export function setQuoteSpeaker(db: QuotemarkDB, quoteId: number, choice: SpeakerChoice | null): Promise<SpeakerView | null> {
  return rw(db, async () => {
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
    await writeSpeakers(db, resolver.changedRows(), stale);
    return target ? speakerView(target) : null;
  });
}

/** Delete quotes. A later visit of their page does not bring them back. */
export function deleteQuotes(db: QuotemarkDB, quoteIds: number[], now: number = Date.now()): Promise<number> {
  return rw(db, async () => {
    const rows = (await db.quotes.bulkGet(quoteIds)).filter((q): q is QuoteRow => !!q);
    if (!rows.length) return 0;
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
    for (const [articleId, n] of perArticle) {
      await db.articles.where(':id').equals(articleId).modify((a: ArticleRow) => {
        a.quoteCount = Math.max(0, a.quoteCount - n);
      });
    }
    await writeSpeakers(db, resolver.changedRows(), stale);
    return rows.length;
  });
}

/** Delete one quote (see `deleteQuotes`). */
export async function deleteQuote(db: QuotemarkDB, quoteId: number, now: number = Date.now()): Promise<void> {
  const n = await deleteQuotes(db, [quoteId], now);
  if (!n) throw new StoreError('not-found', 'This quote no longer exists (it may have been deleted in another window).');
}

/**
 * Merge speaker `fromId` into `intoId`: its quotes, names and roles move, and later visits file
 * its names under `intoId`. Returns the merged speaker.
 */
export function mergeSpeakers(db: QuotemarkDB, intoId: number, fromId: number): Promise<SpeakerView> {
  return rw(db, async () => {
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
    await db.speakers.delete(fromId);
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
  return rw(db, async () => {
    const src = await mustGet(db.speakers.get(speakerId), 'This speaker');
    const name = cleanName(spec.name);
    const quotes = (await db.quotes.bulkGet(spec.quoteIds)).filter((q): q is QuoteRow => !!q);
    if (quotes.some((q) => q.speakerId !== speakerId)) throw new StoreError('invalid', `Some of the chosen quotes are not by ${src.name}.`);
    const nameKey = src.scope === 'global' ? globalKey(name, src.type) : localKey(src.articleId ?? 0, name);
    const movingKeys = new Set([nameKey, ...(spec.aliases ?? []).map((a) => globalKey(a, src.type))]);
    const owner = await db.speakers.where('keys').equals(nameKey).first();
    if (owner && owner.id !== speakerId) throw new StoreError('invalid', `${owner.name} is already a speaker: move the quotes to them instead of splitting.`);
    if (src.keys.every((k) => movingKeys.has(k))) throw new StoreError('invalid', `${src.name} would be left without a name: choose a different name for the new speaker.`);
    const row: SpeakerRow = {
      name,
      type: src.type,
      scope: src.scope,
      articleId: src.articleId,
      keys: [...movingKeys],
      surname: src.scope === 'global' && isPersonLike(src.type) ? (parsePerson(name)?.surname ?? null) : null,
      nameWords: [],
      aliases: [],
      roles: [],
      sites: [],
      quoteCount: 0,
      firstQuoted: 0,
      lastQuoted: 0,
      listed: 0,
    };
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
  return rw(db, async () => {
    const row = await mustGet(db.speakers.get(speakerId), 'This speaker');
    const name = cleanName(newName);
    const key = row.scope === 'global' ? globalKey(name, row.type) : localKey(row.articleId ?? 0, name);
    const owner = await db.speakers.where('keys').equals(key).first();
    if (owner && owner.id !== speakerId) throw new StoreError('invalid', `${owner.name} is already a speaker: merge the two instead.`);
    addAlias(row, row.name);
    row.aliases = row.aliases.filter((a) => fold(a) !== fold(name));
    row.name = name;
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
  return rw(db, async () => {
    let article = await findArticle(db, [address]);
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
        await writeSpeakers(db, resolver.changedRows(), stale);
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
    await writeSpeakers(db, resolver.changedRows(), stale);
    return id;
  });
}

/** Delete everything stored: quotes, speakers, articles, groups and remembered deletions. */
export function deleteAllData(db: QuotemarkDB): Promise<void> {
  return rw(db, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
