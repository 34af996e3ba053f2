/**
 * The content script's part of a pass: is the page an article, and what does it say (metadata and
 * blocks of text)? Kept apart from the engine so the content script does not carry it: the engine
 * runs in the background on what this sends.
 */
import type { Block, ExtractOptions } from '../extract/types';
import { LIMITS, type PageRead } from '../messaging';
import { readPage, readPageSteps, type ReadResult, type SkipReason } from './read';
import { runStepsSoonSliced, type SliceOptions } from './steps';
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
  return outcomeOf(result, options, (now?.() ?? 0) - t0);
}

/**
 * `readForCapture` in slices: the page's thread is handed back whenever a slice has run
 * `slice.sliceMs`, so a huge page is read in many short tasks instead of one long one. `timings.read`
 * is then the time from start to end, pauses included.
 */
export function readForCaptureSliced(doc: Document, url: string, slice: SliceOptions, options: CaptureOptions = {}): ReadOutcome | null | Promise<ReadOutcome | null> {
  const t0 = slice.now();
  // the first slice runs now: a page that is not an article is answered without a promise
  const run = runStepsSoonSliced(readPageSteps(doc, url, { afterNavigation: options.afterNavigation }), slice);
  if ('value' in run) return outcomeOf(run.value, options, slice.now() - t0);
  return run.then(({ value }) => outcomeOf(value, options, slice.now() - t0));
}

function outcomeOf(result: ReadResult, options: CaptureOptions, readMs: number): ReadOutcome | null {
  if ('skipped' in result) {
    options.onSkip?.(result.skipped, result.detail, result.final);
    return null;
  }
  const page = withinLimits(result.page);
  const outcome: ReadOutcome = { page, read: { meta: page.meta, blocks: page.blocks.map((b) => ({ text: b.text, kind: b.kind })) } };
  if (options.now) outcome.timings = { read: readMs, extract: 0 };
  return outcome;
}

/**
 * The page cut to what the background accepts (lib/messaging.ts LIMITS): at most so many blocks,
 * so many characters each and in all. The reader stops near these already; this makes the message
 * valid exactly, so a huge article is saved up to the limit instead of refused whole.
 */
export function withinLimits(page: ArticlePage): ArticlePage {
  const blocks: Block[] = [];
  let total = 0;
  for (const b of page.blocks) {
    if (blocks.length >= LIMITS.blocksPerPage || total >= LIMITS.pageChars) break;
    const room = Math.min(LIMITS.blockChars, LIMITS.pageChars - total);
    const text = b.text.length > room ? b.text.slice(0, room) : b.text;
    blocks.push(text === b.text ? b : { ...b, text });
    total += text.length;
  }
  if (blocks.length === page.blocks.length && blocks.every((b, i) => b === page.blocks[i])) return page;
  return { ...page, blocks, elements: page.elements.slice(0, blocks.length) };
}

