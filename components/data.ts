/**
 * The popup's and library's one door to the store: every read and correction the UI makes goes
 * through here, so the views do not depend on the store's internals.
 */
export { pageQuotes, speakersByCount, speakerQuotes } from '../lib/store/queries';
export type { QuoteView } from '../lib/store/queries';
export { getDb, type QuotemarkDB } from '../lib/store/db';
