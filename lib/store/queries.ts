/** Reads for the popup and the library page. All of them work inside Dexie's `liveQuery`. */
import { cmp } from 'dexie';
import { reading, type QuotemarkDB } from './db';
import { fold } from './normalize';
import { collectPage, decodeCursor, encodeCursor, indexPlan, memoryPlan, pageSize, MAX, MIN, type Key, type Plan } from './paging';
import { quotesOfArticle, findArticle } from './save';
import { segments, wordDiff, wording } from './similarity';
import { fullSpeakerView, speakerView } from './speakers';
import type {
  ArticleRow,
  GroupView,
  LibraryQuery,
  Page,
  PageSpeaker,
  PageView,
  QuoteRow,
  QuoteView,
  SiteView,
  SpeakerQuery,
  SpeakerRow,
  SpeakerView,
  Variant,
} from './types';
import { baseWording, toViews } from './views';
import { StoreError } from './errors';

export type { QuoteView } from './types';

/** A page address as stored: without its fragment. */
export function pageAddress(url: string): string {
  return url.split('#')[0];
}

/** The article stored for a page address (as read, or canonical). */
export async function articleForUrl(db: QuotemarkDB, url: string): Promise<ArticleRow | undefined> {
  return reading(db, async (db) => {
    return findArticle(db, [pageAddress(url)]);
  });
}

function pageOrder(a: QuoteRow, b: QuoteRow): number {
  return a.block - b.block || a.start - b.start || a.id! - b.id!;
}

/** Quotes found on a page, in page order. */
export async function pageQuotes(db: QuotemarkDB, url: string): Promise<QuoteView[]> {
  return reading(db, async (db) => {
    const article = await articleForUrl(db, url);
    if (!article?.id) return [];
    const rows = await quotesOfArticle(db, article.id).toArray();
    return toViews(db, rows.sort(pageOrder));
  });
}

/** A page's quotes grouped by speaker (in order of their first quote), each with the role this article gave them. */
export async function pageView(db: QuotemarkDB, url: string): Promise<PageView | null> {
  return reading(db, async (db) => {
    const article = await articleForUrl(db, url);
    if (!article?.id) return null;
    const quotes = await pageQuotes(db, url);
    const bySpeaker = new Map<string, PageSpeaker>();
    let unattributed: PageSpeaker | null = null;
    for (const q of quotes) {
      if (q.speakerId == null) {
        unattributed ??= { speaker: null, name: null, role: null, quotes: [] };
        unattributed.quotes.push(q);
        continue;
      }
      const k = String(q.speakerId);
      let entry = bySpeaker.get(k);
      if (!entry) {
        entry = { speaker: q.speaker, name: q.speakerName, role: null, quotes: [] };
        bySpeaker.set(k, entry);
      }
      entry.role ??= q.role;
      entry.quotes.push(q);
    }
    const speakers = [...bySpeaker.values()];
    if (unattributed) speakers.push(unattributed);
    return { article, speakers, quoteCount: quotes.length };
  });
}

// ---------------------------------------------------------------------------------------------
// speakers

/** One speaker, with every site and role. */
export async function getSpeaker(db: QuotemarkDB, id: number): Promise<SpeakerView | undefined> {
  return reading(db, async (db) => {
    const row = await db.speakers.get(id);
    return row ? fullSpeakerView(db, row) : undefined;
  });
}

function speakerKeyOf(row: SpeakerRow, sort: 'count' | 'recent'): Key {
  return [row.listed, sort === 'count' ? row.quoteCount : row.lastQuoted, row.id!];
}

/**
 * Speakers with at least one quote (people and organisations; article-local descriptors are not
 * listed), most quoted or most recently quoted first, optionally only those with a name word
 * starting with `prefix` (every word of it: "joe b" finds Joe Biden). Paged by key.
 */
export async function listSpeakers(db: QuotemarkDB, query: SpeakerQuery = {}): Promise<Page<SpeakerView>> {
  return reading(db, async (db) => {
    const sort = query.sort ?? 'count';
    if (sort !== 'count' && sort !== 'recent') throw new StoreError('invalid', `unknown speaker order ${String(sort)}`);
    const limit = pageSize(query.limit);
    const cursor = decodeCursor(query.after);
    const terms = query.prefix ? [...new Set(fold(query.prefix).split(/[^\p{L}\p{N}-]+/u).filter(Boolean))] : [];
    let rows: SpeakerRow[];
    if (terms.length) {
      const drive = [...terms].sort((a, b) => b.length - a.length)[0];
      const found = await db.speakers.where('nameWords').startsWith(drive).distinct().toArray();
      rows = found
        .filter((r) => r.listed === 1 && terms.every((t) => r.nameWords.some((w) => w.startsWith(t))))
        .sort((a, b) => cmp(speakerKeyOf(b, sort), speakerKeyOf(a, sort)));
      if (cursor) rows = rows.filter((r) => cmp(speakerKeyOf(r, sort), cursor.key) < 0);
      rows = rows.slice(0, limit + 1);
    } else {
      const index = sort === 'count' ? '[listed+quoteCount+id]' : '[listed+lastQuoted+id]';
      const upper: Key = cursor ? cursor.key : [1, Infinity, Infinity];
      rows = await db.speakers
        .where(index)
        .between([1, -Infinity, -Infinity], upper, true, !cursor)
        .reverse()
        .limit(limit + 1)
        .toArray();
    }
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(speakerView), next: more && last ? encodeCursor(`speakers-${sort}`, speakerKeyOf(last, sort)) : null };
  });
}

/** Speakers with at least one quote, most quoted first (the popup's first list). */
export async function speakersByCount(db: QuotemarkDB, limit = 200): Promise<SpeakerView[]> {
  return (await listSpeakers(db, { sort: 'count', limit })).items;
}

// ---------------------------------------------------------------------------------------------
// quotes

const newestKey = (prefix: (r: QuoteRow) => (string | number)[]) => (r: QuoteRow): Key => [...prefix(r), r.date, r.id!];

/** Lists smaller than this are read whole and sorted in memory when no index gives their order. */
const MEMORY_SORT_LIMIT = 1500;

function planFor(db: QuotemarkDB, q: LibraryQuery, forced: string | null): Plan | Promise<Plan> {
  const sort = q.sort ?? 'newest';
  if (!['newest', 'oldest', 'speaker'].includes(sort)) throw new StoreError('invalid', `unknown order ${String(sort)}`);
  const from = q.from ?? -Infinity;
  const to = q.to ?? Infinity;
  const inDates = (r: QuoteRow) => r.date >= from && r.date < to;
  const matches = (r: QuoteRow) => (q.speakerId === undefined || r.speakerId === q.speakerId) && (q.site === undefined || r.site === q.site) && inDates(r);
  const dir: 1 | -1 = sort === 'oldest' ? 1 : -1;
  // an upper date bound is exclusive: [.., to, -Infinity] is below every row dated `to`
  const hiDate: Key = q.to === undefined ? [Infinity, Infinity] : [to, -Infinity];

  if (q.speakerId !== undefined) {
    const s = q.speakerId;
    return indexPlan(db, {
      name: 'speaker',
      index: '[speakerId+date+id]',
      lower: [s, from, -Infinity],
      upper: [s, ...hiDate],
      dir: sort === 'oldest' ? 1 : -1,
      key: newestKey((r) => [r.speakerId!]),
      filter: q.site === undefined ? undefined : (r) => r.site === q.site,
      matches,
    });
  }
  const bySpeaker = {
    name: 'by-speaker',
    index: '[speakerSort+negDate+id]',
    lower: [MIN, MIN, MIN] as Key,
    upper: [MAX, MAX, MAX] as Key,
    dir: 1 as const,
    key: (r: QuoteRow): Key => [r.speakerSort, r.negDate, r.id!],
    matches,
  };
  if (q.site !== undefined) {
    const site = q.site;
    const siteIndex = { index: '[site+date+id]', lower: [site, from, -Infinity] as Key, upper: [site, ...hiDate] as Key };
    if (sort !== 'speaker') return indexPlan(db, { name: 'site', ...siteIndex, dir, key: newestKey((r) => [r.site]), matches });
    return (async () => {
      if (forced !== 'by-speaker') {
        // the site's count bounds the range; count the range itself only when dates narrow it
        const n = forced === 'site-memory' ? 0 : q.from === undefined && q.to === undefined ? ((await db.sites.get(site))?.quoteCount ?? 0) : await db.quotes.where(siteIndex.index).between(siteIndex.lower, siteIndex.upper).count();
        if (n <= MEMORY_SORT_LIMIT) {
          return memoryPlan({ name: 'site-memory', load: () => db.quotes.where(siteIndex.index).between(siteIndex.lower, siteIndex.upper).toArray(), key: bySpeaker.key, dir: 1, matches });
        }
      }
      return indexPlan(db, { ...bySpeaker, filter: matches });
    })();
  }
  const dateIndex = { index: '[date+id]', lower: [from, -Infinity] as Key, upper: hiDate };
  if (sort !== 'speaker') return indexPlan(db, { name: 'date', ...dateIndex, dir, key: newestKey(() => []), matches });
  if (q.from === undefined && q.to === undefined) return indexPlan(db, bySpeaker);
  return (async () => {
    if (forced !== 'by-speaker') {
      const n = forced === 'date-memory' ? 0 : await db.quotes.where(dateIndex.index).between(dateIndex.lower, dateIndex.upper).count();
      if (n <= MEMORY_SORT_LIMIT) {
        return memoryPlan({ name: 'date-memory', load: () => db.quotes.where(dateIndex.index).between(dateIndex.lower, dateIndex.upper).toArray(), key: bySpeaker.key, dir: 1, matches });
      }
    }
    return indexPlan(db, { ...bySpeaker, filter: inDates });
  })();
}

/**
 * The library: quotes filtered by speaker, site and date range, newest, oldest or by speaker
 * (surname A→Z, each speaker's newest first), paged by key. Each index serves one of these orders,
 * so a page reads about `limit` rows whatever the collection's size; "by speaker" within a site or
 * a date range reads the range whole when it is small, else walks the speaker index.
 */
export async function queryQuotes(db: QuotemarkDB, q: LibraryQuery = {}): Promise<Page<QuoteView>> {
  return reading(db, async (db) => {
    const limit = pageSize(q.limit);
    const cursor = decodeCursor(q.after);
    const plan = await planFor(db, q, cursor?.plan ?? null);
    if (cursor && cursor.plan !== plan.name) throw new StoreError('invalid', 'This list position belongs to another list: start the list again.');
    return collectPage(db, plan, limit, cursor?.key ?? null, q.collapseGroups ?? true);
  });
}

/** One speaker's quotes, newest first, paged by key. */
export function quotesBySpeaker(db: QuotemarkDB, speakerId: number, opts: Omit<LibraryQuery, 'speakerId'> = {}): Promise<Page<QuoteView>> {
  return queryQuotes(db, { ...opts, speakerId });
}

/** One speaker's latest quotes (the popup's speaker page). */
export async function speakerQuotes(db: QuotemarkDB, speakerId: number, limit = 50): Promise<QuoteView[]> {
  return (await quotesBySpeaker(db, speakerId, { limit })).items;
}

/** Quotes from one site, newest first, paged by key. */
export function quotesBySite(db: QuotemarkDB, site: string, opts: Omit<LibraryQuery, 'site'> = {}): Promise<Page<QuoteView>> {
  return queryQuotes(db, { ...opts, site });
}

/** Quotes most recently collected first (not by article date), paged by key. */
export async function recentQuotes(db: QuotemarkDB, opts: { limit?: number; after?: string | null; collapseGroups?: boolean } = {}): Promise<Page<QuoteView>> {
  return reading(db, async (db) => {
    const limit = pageSize(opts.limit);
    const cursor = decodeCursor(opts.after);
    const plan: Plan = {
      name: 'recent',
      dir: -1,
      key: (r) => [r.id!],
      matches: () => true,
      async fetch(after, n) {
        const c = after ? db.quotes.where(':id').below(after[0]) : db.quotes.toCollection();
        return c.reverse().limit(n).toArray();
      },
    };
    return collectPage(db, plan, limit, cursor?.key ?? null, opts.collapseGroups ?? true);
  });
}

// ---------------------------------------------------------------------------------------------
// groups and sites

/** A statement seen in several articles: each wording with the words that differ from the most common one marked. */
export async function quoteGroup(db: QuotemarkDB, groupId: number): Promise<GroupView | null> {
  return reading(db, async (db) => {
    const rows = await db.quotes.where('groupId').equals(groupId).toArray();
    if (!rows.length) return null;
    rows.sort((a, b) => a.date - b.date || a.id! - b.id!);
    const views = await toViews(db, rows);
    const base = baseWording(rows);
    const byWording = new Map<string, QuoteView[]>();
    for (const v of views) {
      const w = wording(v.text);
      byWording.set(w, [...(byWording.get(w) ?? []), v]);
    }
    const baseText = byWording.get(base)?.[0]?.text ?? views[0].text;
    const variants: Variant[] = [...byWording].map(([w, quotes]) => {
      const text = quotes[0].text;
      const isBase = w === base;
      const diff = isBase ? { inA: [], inB: [] } : wordDiff(text, baseText);
      return {
        text,
        isBase,
        quotes,
        sites: [...new Set(quotes.map((q) => q.site))],
        segments: segments(text, diff.inA),
        marks: diff.inA,
        baseSegments: segments(baseText, diff.inB),
      };
    });
    variants.sort((a, b) => Number(b.isBase) - Number(a.isBase) || b.quotes.length - a.quotes.length);
    return {
      id: groupId,
      size: rows.length,
      outlets: new Set(rows.map((r) => r.site)).size,
      differing: rows.filter((r) => wording(r.text) !== base).length,
      variants,
    };
  });
}

/** Sites quotes were collected from, most quotes first (for the library's site filter). */
export async function listSites(db: QuotemarkDB): Promise<SiteView[]> {
  return reading(db, async (db) => {
    const rows = await db.sites.toArray();
    return rows
      .filter((s) => s.quoteCount > 0)
      .sort((a, b) => b.quoteCount - a.quoteCount || a.site.localeCompare(b.site))
      .map((s) => ({ site: s.site, siteName: s.siteName, articleCount: s.articleCount, quoteCount: s.quoteCount, lastSeen: s.lastSeen }));
  });
}

/** How much is stored. */
export async function counts(db: QuotemarkDB): Promise<{ quotes: number; speakers: number; articles: number; groups: number }> {
  return reading(db, async (db) => {
    const [quotes, speakers, articles, groups] = await Promise.all([db.quotes.count(), db.speakers.where('[listed+quoteCount+id]').between([1, 1, -Infinity], [1, Infinity, Infinity]).count(), db.articles.count(), db.groups.count()]);
    return { quotes, speakers, articles, groups };
  });
}
