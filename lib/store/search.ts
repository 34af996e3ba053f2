/**
 * Full-text search over quote text and speaker names, every term matched as a word prefix (results
 * as you type). Each quote's search words (its text and its speaker's names, function words left
 * out) are a multi-entry index; a term is a range of that index. The quotes matching every term
 * are the intersection of the terms' key lists (keys only, no rows read), newest collected first;
 * only the page shown is read.
 */
import { reading, type QuotemarkDB } from './db';
import { queryTerms } from './normalize';
import { collectPage, decodeCursor, idsPlan, pageSize } from './paging';
import { listSpeakers } from './queries';
import type { QuoteRow, SearchResult } from './types';

/** Quote ids matching every term, highest (newest) first. */
async function matchingIds(db: QuotemarkDB, terms: string[]): Promise<number[]> {
  // longest terms first: they are the most selective, and later terms only narrow the set
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let ids: Set<number> | null = null;
  for (const t of ordered) {
    const keys = await db.quotes.where('words').startsWith(t).primaryKeys();
    if (ids === null) ids = new Set(keys);
    else {
      const next = new Set<number>();
      for (const k of keys) if (ids.has(k)) next.add(k);
      ids = next;
    }
    if (!ids.size) break;
  }
  return [...(ids ?? [])].sort((a, b) => b - a);
}

/** Search quotes and speakers. `after` is the `next` of the previous page of quotes. */
export async function search(db: QuotemarkDB, text: string, opts: { limit?: number; after?: string | null; collapseGroups?: boolean; speakerLimit?: number } = {}): Promise<SearchResult> {
  return reading(db, async (db) => {
    const limit = pageSize(opts.limit);
    const cursor = decodeCursor(opts.after);
    const terms = queryTerms(text);
    if (!terms.length) return { quotes: { items: [], next: null }, total: 0, speakers: [] };
    const matches = (r: QuoteRow) => terms.every((t) => r.words.some((w) => w.startsWith(t)));
    const [ids, speakers] = await Promise.all([
      matchingIds(db, terms),
      cursor ? Promise.resolve({ items: [] }) : listSpeakers(db, { prefix: terms.join(' '), limit: opts.speakerLimit ?? 10 }),
    ]);
    const quotes = await collectPage(db, idsPlan(db, 'search', ids, matches), limit, cursor?.key ?? null, opts.collapseGroups ?? true);
    return { quotes, total: ids.length, speakers: speakers.items };
  });
}
