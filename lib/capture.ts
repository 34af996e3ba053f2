/**
 * The content script's whole pass, as a function of a Document: is it an article, read it,
 * extract its quotes, add context. Also used by the CLI on saved pages.
 */
import { extractQuotes } from './extract';
import type { BlockKind, ExtractOptions } from './extract/types';
import { LIMITS, type CapturedQuote, type PageCapture } from './messaging';
import { readPage, type SkipReason } from './page/read';
import type { ArticlePage } from './page/types';

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

/** Milliseconds spent in each stage of one pass (filled in when a clock is given). */
export interface PassTimings {
  /** Article check, language check, reading the body and the metadata. */
  read: number;
  /** The engine, and context for each quote. */
  extract: number;
}

export interface CaptureResult {
  page: ArticlePage;
  capture: PageCapture;
  timings?: PassTimings;
}

/** Options of the pass; the engine's own options (`maxChars`, `debug`) are passed on to it. */
export interface CaptureOptions extends ExtractOptions {
  /** A clock (performance.now) to time the stages with. */
  now?: () => number;
  /** Told why a page was not captured; `final` when the page itself rules it out (see `ReadResult`). */
  onSkip?: (reason: SkipReason, detail: string, final: boolean) => void;
  /** The page moved to this address without a reload (its head may still describe the previous page). */
  afterNavigation?: boolean;
}

/** The capture for a page, or null when the page is not an article (or not one we read). */
export function capturePage(doc: Document, url: string, options: CaptureOptions = {}): CaptureResult | null {
  const now = options.now;
  const t0 = now?.() ?? 0;
  const read = readPage(doc, url, { afterNavigation: options.afterNavigation });
  const t1 = now?.() ?? 0;
  if ('skipped' in read) {
    options.onSkip?.(read.skipped, read.detail, read.final);
    return null;
  }
  const { page } = read;
  const quotes = withContext(page, options.maxChars !== undefined || options.debug ? { maxChars: options.maxChars, debug: options.debug } : undefined);
  const t2 = now?.() ?? 0;
  const result: CaptureResult = { page, capture: { meta: page.meta, quotes } };
  if (now) result.timings = { read: t1 - t0, extract: t2 - t1 };
  return result;
}
