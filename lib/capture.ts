/**
 * The pass over a page, as functions of a Document: is it an article, read it (`readForCapture`,
 * what the content script does), then extract its quotes and add context (`captureFromRead`, what
 * the background does with what the content script sent). `capturePage` does both, for the CLI on
 * saved pages. The engine runs off the page's thread: a page only pays for being read.
 */
import { extractQuotes } from './extract';
import type { BlockKind, ExtractOptions } from './extract/types';
import { LIMITS, type CapturedQuote, type PageCapture, type PageRead } from './messaging';
import { readForCapture, type CaptureOptions, type ReadOutcome } from './page/read-for-capture';
import type { ArticlePage } from './page/types';

export { readForCapture, type CaptureOptions, type PassTimings, type ReadOutcome } from './page/read-for-capture';

const CONTEXT = 120;

/** Kinds of block a quote is never stored from: photo captions and credits, bylines. */
const NO_QUOTES: ReadonlySet<BlockKind> = new Set(['caption', 'byline']);

export function withContext(page: Pick<ArticlePage, 'blocks'>, options?: ExtractOptions): CapturedQuote[] {
  const { quotes } = extractQuotes(page.blocks, options);
  return quotes
    .filter((q) => !NO_QUOTES.has(page.blocks[q.block]?.kind ?? 'paragraph'))
    .slice(0, LIMITS.quotesPerPage)
    .map((q) => {
      const text = page.blocks[q.block]?.text ?? '';
      return {
        ...q,
        quote: q.quote.slice(0, LIMITS.quoteChars),
        before: text.slice(Math.max(0, q.start - 1 - CONTEXT), Math.max(0, q.start - 1)),
        after: text.slice(Math.min(text.length, q.end + 1), q.end + 1 + CONTEXT),
      };
    });
}

export interface CaptureResult extends ReadOutcome {
  capture: PageCapture;
}

/** The quotes of a page read (the background's part): the engine, then context for each quote. */
export function captureFromRead(read: PageRead, options?: ExtractOptions): PageCapture {
  return { meta: read.meta, quotes: withContext(read, options) };
}

/** The capture for a page, or null when the page is not an article (or not one we read). */
export function capturePage(doc: Document, url: string, options: CaptureOptions = {}): CaptureResult | null {
  const outcome = readForCapture(doc, url, options);
  if (!outcome) return null;
  const now = options.now;
  const t1 = now?.() ?? 0;
  const capture = captureFromRead(outcome.read, options.maxChars !== undefined || options.debug ? { maxChars: options.maxChars, debug: options.debug } : undefined);
  const t2 = now?.() ?? 0;
  const result: CaptureResult = { ...outcome, capture };
  if (now && result.timings) result.timings = { read: result.timings.read, extract: t2 - t1 };
  return result;
}
