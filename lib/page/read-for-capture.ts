/**
 * The content script's part of a pass: is the page an article, and what does it say (metadata and
 * blocks of text)? Kept apart from the engine so the content script does not carry it: the engine
 * runs in the background on what this sends.
 */
import type { ExtractOptions } from '../extract/types';
import type { PageRead } from '../messaging';
import { readPage, type SkipReason } from './read';
import type { ArticlePage } from './types';

/** Milliseconds spent in each stage of one pass (filled in when a clock is given). */
export interface PassTimings {
  /** Article check, language check, reading the body and the metadata. */
  read: number;
  /** The engine, and context for each quote (zero when only reading). */
  extract: number;
}

/** A page as read, ready to send: the article (with its elements) and the message's payload. */
export interface ReadOutcome {
  page: ArticlePage;
  read: PageRead;
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

/** Read the page (the content script's part), or null when it is not an article we read. */
export function readForCapture(doc: Document, url: string, options: CaptureOptions = {}): ReadOutcome | null {
  const now = options.now;
  const t0 = now?.() ?? 0;
  const result = readPage(doc, url, { afterNavigation: options.afterNavigation });
  const t1 = now?.() ?? 0;
  if ('skipped' in result) {
    options.onSkip?.(result.skipped, result.detail, result.final);
    return null;
  }
  const { page } = result;
  const outcome: ReadOutcome = { page, read: { meta: page.meta, blocks: page.blocks.map((b) => ({ text: b.text, kind: b.kind })) } };
  if (now) outcome.timings = { read: t1 - t0, extract: 0 };
  return outcome;
}

