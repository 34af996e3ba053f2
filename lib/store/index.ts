/**
 * The store: who said what across sites. Import from here (`lib/store`); everything takes the
 * database as its first argument (`getDb()` in the extension, a fake-indexeddb one in tests).
 *
 * - Reads each run in one read-only transaction (one consistent state) and work inside Dexie
 *   `liveQuery` with any querier (`liveQuery(() => pageView(db, url))`): they follow writes from
 *   every context. Call them outside your own transactions, or inside one over all tables.
 * - Writes are one read-write transaction each: atomic across the popup, the library page and the
 *   background. They throw `StoreError` (`.code`: quota | invalid | not-found | storage; `.message`
 *   is written for people: show it as is). A full disk (QuotaExceededError, also wrapped in an
 *   AbortError or a Dexie error's `.inner`) is `code: 'quota'`, and nothing of that write is kept.
 * - Paged reads return `{ items, next }`: pass `next` back as `after` for the following page (the
 *   key of the last row read, not an offset: stable while quotes arrive; null at the end).
 * - Quote views (`QuoteView`) are the stored row plus `article`, `speaker` (id, shown name, type) and
 *   `group` ("also on …": other sightings of the same statement, and whether wordings differ).
 *   `speakerName` is the name as the article gave it; show `speaker.name` for who it is.
 *
 * Who is who: people and organisations are global, one speaker across all articles, found by name
 * (titles, accents, middle initials, a missing "Jr.", common diminutives and a surname alone are
 * variants; different first names, middle initials or generations never merge; two different full
 * names on one page are two people). Documents and descriptors ("the letter", "a spokesman") belong
 * to their article: one speaker per article and name, never listed among people, never merged
 * across articles. The user's merge, split, rename and fixes are kept by later visits.
 *
 * Database
 *   getDb()                                  the extension's database (created on first use)
 *   new QuotemarkDB(name, { indexedDB, IDBKeyRange })  a database (tests: fake-indexeddb)
 *
 * Reads
 *   articleForUrl(db, url)                   the article stored for a page address (as read or canonical)
 *   pageQuotes(db, url)                      this page's quotes, in page order
 *   pageView(db, url)                        this page's quotes grouped by speaker, with the role the article gave each
 *   listSpeakers(db, { sort, prefix, limit, after })  speakers by quote count or recency (first 8 sites, 3 roles, siteCount/roleCount); name-prefix filter
 *   speakersByCount(db, limit)               the first `limit` speakers, most quoted first
 *   getSpeaker(db, id)                       one speaker, with every site and role
 *   quotesBySpeaker(db, id, { limit, after, from, to, sort })  a speaker's quotes, newest first, paged by key
 *   speakerQuotes(db, id, limit)             a speaker's latest quotes (array)
 *   quotesBySite(db, site, { limit, after, from, to, sort })   quotes from one site, paged by key
 *   recentQuotes(db, { limit, after })       quotes most recently collected first
 *   queryQuotes(db, { speakerId, site, from, to, sort, limit, after, collapseGroups })  the library: filters, newest|oldest|speaker order, paged by key
 *   search(db, text, { limit, after })       quotes (text and speaker names, words matched by prefix) newest first, plus matching speakers
 *   quoteGroup(db, groupId)                  a statement across outlets: each wording, with the words that differ marked
 *   listSites(db)                            sites with article and quote counts, most quotes first
 *   counts(db)                               how many quotes, listed speakers, articles, groups are stored
 *
 * Writes (user corrections; pages are saved by the background only)
 *   savePage(db, capture, now)               save a page's capture (background): one transaction, idempotent
 *   setQuoteSpeaker(db, quoteId, choice)     fix who said a quote: { speakerId } or { name } (or null: unknown); kept on revisits
 *   deleteQuote(db, quoteId) / deleteQuotes(db, ids)  delete quotes; they do not come back when the page is visited again
 *   removeQuotes(db, ids) / restoreQuotes(db, deleted)  delete returning what went (deleteQuote returns it too) / undo that exactly
 *   mergeSpeakers(db, intoId, fromId)        merge two speakers; later visits file the merged names under `intoId`
 *   splitSpeaker(db, id, { name, quoteIds, aliases })  move chosen quotes and name forms to a new speaker
 *   renameSpeaker(db, id, name)              change a speaker's shown name (the old one stays an alias)
 *   saveManualQuote(db, { text, speaker, url, title, before, after, role })  save a selection as a quote ("Save as quote…")
 *   deleteAllData(db)                        delete everything
 *
 * Export and import
 *   exportFile(db, 'json' | 'csv' | 'jsonl') a file to download: { filename, mimeType, parts } (new Blob(parts))
 *   exportJson(db) / exportData(db)          the full versioned export (text / object); round-trips through importJson
 *   exportCsv(db) / exportJsonLines(db)      one quote a row / a line, speaker and source joined in
 *   importJson(db, textOrObject)             check the whole file, then add what is missing in one transaction; twice adds nothing
 *   validateExport(data)                     the check alone (throws StoreError naming the problem)
 *
 * Errors
 *   StoreError, isQuotaError(e), describeStorageError(e)  a full disk (also wrapped in AbortError / Dexie .inner) → a clear message
 */
export { QuotemarkDB, getDb, SCHEMA, LATEST_VERSION } from './db';
export type * from './types';
export { savePage } from './save';
export {
  articleForUrl,
  counts,
  getSpeaker,
  listSites,
  listSpeakers,
  pageQuotes,
  pageView,
  queryQuotes,
  quoteGroup,
  quotesBySite,
  quotesBySpeaker,
  recentQuotes,
  speakerQuotes,
  speakersByCount,
} from './queries';
export { search } from './search';
export { deleteAllData, deleteQuote, deleteQuotes, mergeSpeakers, removeQuotes, renameSpeaker, restoreQuotes, saveManualQuote, setQuoteSpeaker, splitSpeaker } from './edit';
export { exportCsv, exportData, exportFile, exportJson, exportJsonLines, importJson, validateExport, EXPORT_FORMAT, EXPORT_VERSION } from './transfer';
export type { ExportFile, ExportFormat, FlatQuote } from './transfer';
export { StoreError, isQuotaError, describeStorageError, QUOTA_MESSAGE } from './errors';
export type { StoreErrorCode } from './errors';
export { normalizeQuote } from './normalize';
