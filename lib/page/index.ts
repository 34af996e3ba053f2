export { isArticle } from './detect';
export { readArticle, readBlocks } from './read';
export { readMetadata } from './metadata';
export type { ArticlePage, PageMeta } from './types';
