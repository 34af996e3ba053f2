/**
 * The popup's and library's one door to the store: views import from here, so they do not reach
 * into the store's internals. Re-exports name the store's modules one by one (not its index), so
 * the popup's first view loads only the reading code; corrections, search and export load when used.
 * UI-side helpers on top of the store API live here too.
 */
import type { QuotemarkDB } from '../lib/store/db';
import { describeStorageError } from '../lib/store/errors';
import { queryTerms, wordTokens } from '../lib/store/normalize';
import { listSpeakers } from '../lib/store/queries';
import type { SpeakerOption } from './SpeakerPicker';

export { getDb, QuotemarkDB } from '../lib/store/db';
export type * from '../lib/store/types';
export { counts, getSpeaker, listSites, listSpeakers, pageView, queryQuotes, quoteGroup, quotesBySpeaker, recentQuotes, speakerQuotes } from '../lib/store/queries';
export { StoreError, describeStorageError } from '../lib/store/errors';

/** Corrections and manual quotes, loaded on first use. */
export const edits = () => import('../lib/store/edit');
/** Search, loaded on first use. */
export const searching = () => import('../lib/store/search');
/** Export and import, loaded on first use. */
export const transfer = () => import('../lib/store/transfer');

/** A message a person can act on, for any failure of a store call (a full disk above all). */
export function errorText(e: unknown): string {
  return describeStorageError(e);
}

/** Speakers whose names start with what was typed, most quoted first (for the speaker picker). */
export async function findSpeakers(db: QuotemarkDB, prefix: string, limit = 8): Promise<SpeakerOption[]> {
  const page = await listSpeakers(db, { prefix, limit });
  return page.items.map((s) => ({ id: s.id, name: s.name, quoteCount: s.quoteCount }));
}

/** Character ranges of `text` to mark for a search: the words that start with one of the query's terms. */
export function searchMarks(text: string, query: string): [number, number][] {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  return wordTokens(text)
    .filter((t) => terms.some((term) => t.word.startsWith(term)))
    .map((t) => [t.start, t.end] as [number, number]);
}
