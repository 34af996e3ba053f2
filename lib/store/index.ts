export { QuotemarkDB, getDb } from './db';
export type { ArticleRow, QuoteRow, SpeakerRow } from './db';
export { savePage } from './save';
export { articleForUrl, pageQuotes, speakersByCount, speakerQuotes } from './queries';
export type { QuoteView } from './queries';
export { normalizeQuote, speakerKey } from './normalize';
