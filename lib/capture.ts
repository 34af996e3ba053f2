/**
 * The content script's whole pass, as a function of a Document: is it an article, read it,
 * extract its quotes, add context. Also used by the CLI on saved pages.
 */
import { extractQuotes, type ExtractOptions } from './extract';
import { LIMITS, type CapturedQuote, type PageCapture } from './messaging';
import { readArticle } from './page';
import type { ArticlePage } from './page/types';

const CONTEXT = 120;

export function withContext(page: ArticlePage, options?: ExtractOptions): CapturedQuote[] {
  const { quotes } = extractQuotes(page.blocks, options);
  return quotes.slice(0, LIMITS.quotesPerPage).map((q) => {
    const text = page.blocks[q.block]?.text ?? '';
    return {
      ...q,
      quote: q.quote.slice(0, LIMITS.quoteChars),
      before: text.slice(Math.max(0, q.start - 1 - CONTEXT), Math.max(0, q.start - 1)),
      after: text.slice(Math.min(text.length, q.end + 1), q.end + 1 + CONTEXT),
    };
  });
}

/** The capture for a page, or null when the page is not an article (or has no body). */
export function capturePage(doc: Document, url: string, options?: ExtractOptions): { page: ArticlePage; capture: PageCapture } | null {
  const page = readArticle(doc, url);
  if (!page) return null;
  return { page, capture: { meta: page.meta, quotes: withContext(page, options) } };
}
