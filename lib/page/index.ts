export { articleSignal, isArticle, type ArticleSignal } from './detect';
export { readArticle, readBlocks, readPage, type ReadResult, type SkipReason } from './read';
export { readMetadata } from './metadata';
export { readBody } from './body';
export { findRoot } from './root';
export { SITE_HINTS, hintFor, type SiteHint } from './site-hints';
export { languageVerdict } from './language';
export type { ArticlePage, PageMeta } from './types';
