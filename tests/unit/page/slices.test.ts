// @vitest-environment happy-dom
/**
 * Reading in slices (lib/page/steps.ts) and the bounds that keep a huge page's read finite: the
 * sliced read gives the same page as the one-go read, hands the thread back between slices, stops
 * when the content script is invalidated, and a page larger than what one page may send is read
 * up to that and no further.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureFromRead } from '../../../lib/capture';
import { LIMITS, type PageCapture } from '../../../lib/messaging';
import { readForCapture, readForCaptureSliced, withinLimits } from '../../../lib/page/read-for-capture';
import { readPage, readPageSteps } from '../../../lib/page/read';
import { ReadingAborted, runStepsSliced, type SliceOptions } from '../../../lib/page/steps';
import { watchPage, type PassInfo } from '../../../lib/page/watch';
import { articleHtml, bigArticleHtml } from '../../../scripts/support/articles';
import { fixture, parse } from './fixtures';

/** A clock that moves 1 ms each time it is read, so slices end after a known amount of work. */
function ticking(): () => number {
  let t = 0;
  return () => t++;
}

function sliceOptions(extra: Partial<SliceOptions> = {}): SliceOptions & { pauses: () => number } {
  let pauses = 0;
  return {
    sliceMs: 4,
    now: ticking(),
    pause: () => {
      pauses++;
      return Promise.resolve();
    },
    pauses: () => pauses,
    ...extra,
  };
}

describe('reading in slices', () => {
  it('gives the same page as reading in one go, in several slices', async () => {
    const doc = parse(articleHtml(3, { paragraphs: 400 }));
    const url = 'https://gazette.example/story-3';
    const once = readForCapture(doc, url)!;
    const slice = sliceOptions();
    const sliced = (await readForCaptureSliced(doc, url, slice))!;
    expect(sliced.read).toEqual(once.read);
    expect(sliced.page.elements).toEqual(once.page.elements);
    expect(slice.pauses()).toBeGreaterThan(10);
  });

  it('also for our fixture pages (same blocks, same skips)', async () => {
    for (const name of ['hard-article.html', 'load-more.html', 'late-body.html', 'spa.html', 'infinite.html']) {
      const doc = fixture(name);
      const once = readPage(doc, 'https://example.com/a');
      const { value } = await runStepsSliced(readPageSteps(doc, 'https://example.com/a'), sliceOptions());
      if ('skipped' in once) expect(value).toEqual(once);
      else expect('page' in value && value.page.blocks).toEqual(once.page.blocks);
    }
  });

  it('reports its slices, none longer than the slice length plus one checkpoint', async () => {
    const doc = parse(articleHtml(1, { paragraphs: 300 }));
    const lengths: number[] = [];
    const r = await runStepsSliced(readPageSteps(doc, 'https://gazette.example/1'), sliceOptions({ onSlice: (s, e) => lengths.push(e - s) }));
    expect(r.slices).toBe(lengths.length);
    expect(r.slices).toBeGreaterThan(1);
    // the ticking clock is read once per checkpoint: a slice ends at the first checkpoint past 4 "ms"
    expect(Math.max(...lengths)).toBeLessThanOrEqual(5);
  });

  it('stops when the content script is invalidated', async () => {
    const doc = parse(articleHtml(2, { paragraphs: 300 }));
    const abort = new AbortController();
    const slice = sliceOptions({
      signal: abort.signal,
      pause: () => {
        abort.abort();
        return Promise.resolve();
      },
    });
    await expect(readForCaptureSliced(doc, 'https://gazette.example/2', slice)).rejects.toBeInstanceOf(ReadingAborted);
  });
});

describe('a page larger than one page may send', () => {
  it('is read up to the limits (blocks, characters) and the read is valid for the background', () => {
    const doc = parse(bigArticleHtml(5_000_000));
    const out = readForCapture(doc, 'https://gazette.example/big')!;
    const chars = out.read.blocks.reduce((n, b) => n + b.text.length, 0);
    expect(chars).toBeLessThanOrEqual(LIMITS.pageChars);
    expect(chars).toBeGreaterThan(LIMITS.pageChars * 0.9);
    expect(out.read.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerPage);
    // the start of the article is what is kept, and its quotes are found
    expect(out.read.blocks[0].text).toContain('story 0, part 0');
    const capture = captureFromRead(out.read);
    expect(capture.quotes.length).toBeGreaterThan(100);
  });

  it('cuts one huge paragraph to the block limit', () => {
    const words = 'the council met again and talked at length about the bridge '.repeat(20_000);
    const doc = parse(articleHtml(0, { extra: `<p>${words}</p>` }));
    const out = readForCapture(doc, 'https://gazette.example/long-paragraph')!;
    for (const b of out.read.blocks) expect(b.text.length).toBeLessThanOrEqual(LIMITS.blockChars);
    expect(Math.max(...out.read.blocks.map((b) => b.text.length))).toBeGreaterThan(LIMITS.blockChars * 0.9);
  });

  it('withinLimits leaves a normal page as it is and trims the rest exactly', () => {
    const doc = parse(articleHtml(5));
    const page = readForCapture(doc, 'https://gazette.example/5')!.page;
    expect(withinLimits(page)).toBe(page);
    const big = { ...page, blocks: Array.from({ length: LIMITS.blocksPerPage + 10 }, () => ({ text: 'x'.repeat(100), kind: 'paragraph' as const })) };
    big.elements = big.blocks.map(() => doc.body);
    const cut = withinLimits(big);
    expect(cut.blocks.length).toBe(Math.min(LIMITS.blocksPerPage, LIMITS.pageChars / 100));
    expect(cut.elements.length).toBe(cut.blocks.length);
  });
});

describe('watching with a sliced read', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts no second read while one is under way, and reads again after it when asked meanwhile', async () => {
    const doc = parse(articleHtml(7, { paragraphs: 60 }));
    const sent: PageCapture[] = [];
    const passes: PassInfo[] = [];
    let address = 'https://gazette.example/7';
    const listeners: (() => void)[] = [];
    let running = 0;
    let most = 0;
    let captures = 0;
    const w = watchPage(
      {
        doc,
        url: () => address,
        capture: async (d, u, afterNavigation) => {
          captures++;
          running++;
          most = Math.max(most, running);
          try {
            const slice: SliceOptions = { sliceMs: 2, now: ticking(), pause: () => new Promise((r) => setTimeout(r, 5)) };
            return (await readForCaptureSliced(d, u, slice, { afterNavigation })) ?? { skipped: 'not-article', final: false };
          } finally {
            running--;
          }
        },
        send: (read) => sent.push(captureFromRead(read)),
        timers: { setTimeout: (h, ms) => setTimeout(h, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
        now: () => Date.now(),
        signal: new AbortController().signal,
        onLocationChange: (l) => listeners.push(l),
        MutationObserver: window.MutationObserver,
        onPass: (p) => passes.push(p),
      },
      { quietMs: 1, maxWaitMs: 2, watchMs: 20_000 },
    );
    w.readNow();
    // mid-read, the site moves to another article (same elements, new text)
    await vi.advanceTimersByTimeAsync(6);
    const second = parse(articleHtml(8, { paragraphs: 60 }));
    doc.body.innerHTML = second.body.innerHTML;
    doc.title = second.title;
    address = 'https://gazette.example/8';
    for (const l of listeners) l();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(most).toBe(1);
    expect(captures).toBeGreaterThanOrEqual(2);
    expect(sent.map((s) => s.meta.url)).toEqual(['https://gazette.example/7', 'https://gazette.example/8']);
    expect(sent[1].quotes.some((q) => q.quote.includes('story 8'))).toBe(true);
    expect(passes.every((p) => p.outcome !== 'error')).toBe(true);
  });
});
