/**
 * The content script: reads the page once at document_idle, then follows its changes (late body,
 * "load more", in-page navigation) through `watchPage`, all tied to WXT's `ctx`. Pages that are
 * not articles get only the cheap check (and, for a while, a cheap observer for a late body). The
 * article's text goes to the background, which runs the engine and saves: the engine never runs
 * on the page's thread. Nothing is written into the page; no error reaches it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readForCaptureSliced, type ReadOutcome } from '../lib/page/read-for-capture';
import type { SliceOptions } from '../lib/page/steps';
import { attachPageUi } from '../lib/highlight'; // UI hook (issue 6)
import { loadSettings, siteMode, siteOfUrl } from '../lib/settings';
import type { Reply, Request } from '../lib/messaging';
import type { ArticlePage } from '../lib/page/types';
import { watchPage, type PassInfo } from '../lib/page/watch';
import { watchLocation } from '../lib/page/quiet-context';

/**
 * Benchmark builds (`wxt build --mode bench`) record each pass as User Timing measures, which the
 * benchmark reads from the page. Release builds leave them out (this constant is replaced at build
 * time and the code is dropped): User Timing entries are visible to the page's own scripts, and a
 * page must not be able to tell that Quotemark is installed.
 */
const BENCH = import.meta.env.MODE === 'bench';

/**
 * Longest stretch of reading before the page's thread is handed back: a huge page is read in many
 * short tasks (see lib/page/steps.ts), none near the 50 ms that makes a page feel stuck.
 */
const SLICE_MS = 8;

/** Hand the thread back: `scheduler.yield()` where the browser has it (it resumes ahead of other tasks), else a timer. */
function pauser(setTimer: (handler: () => void, ms: number) => unknown): () => Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () => new Promise<void>((resolve) => void setTimer(resolve, 0));
}

function recordPass(info: PassInfo): void {
  const name = `quotemark:pass:${info.outcome}`;
  performance.measure(name, { start: info.start, end: info.end });
  const t = info.result?.timings;
  if (t) performance.measure('quotemark:read', { start: info.start, duration: t.read });
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      // UI hook (issue 6): the popup's requests about this page, and optional highlights (lib/highlight/)
      const pageUi = attachPageUi(ctx);
      let lastPage: ArticlePage | null = null;
      const clock = () => performance.now();
      const slicing: SliceOptions = {
        sliceMs: SLICE_MS,
        now: clock,
        pause: pauser((handler, ms) => ctx.setTimeout(handler, ms)),
        signal: ctx.signal,
        onSlice: BENCH ? (start, end) => performance.measure('quotemark:slice', { start, end }) : undefined,
      };
      const watch = watchPage({
        doc: document,
        url: () => location.href,
        capture: (doc, url, afterNavigation) => {
          let skipped = { skipped: 'not-article', final: false };
          const done = (result: ReadOutcome | null) => {
            if (result) lastPage = result.page; // UI hook (issue 6): the elements, for highlights
            return result ?? skipped;
          };
          // answered at once when the reading fits in one slice (every page that is not an article)
          const read = readForCaptureSliced(doc, url, slicing, { afterNavigation, now: BENCH ? clock : undefined, onSkip: (reason, _detail, final) => (skipped = { skipped: reason, final }) });
          return read instanceof Promise ? read.then(done) : done(read);
        },
        send: (read) => {
          if (ctx.isInvalid) return;
          // the engine runs in the background: the page pays only for being read
          const message: Request = { type: 'page/read', read };
          browser.runtime.sendMessage(message).then(
            (reply: Reply<'page/read'> | undefined) => {
              // UI hook (issue 6): the quotes the background found, for highlights and "This page"
              if (reply?.ok && lastPage && !ctx.isInvalid) pageUi.update({ page: lastPage, capture: { meta: read.meta, quotes: reply.value.quotes }, read });
            },
            () => {
              /* the background may be restarting; the next visit saves again */
            },
          );
        },
        timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => clearTimeout(id as number) },
        now: clock,
        signal: ctx.signal,
        // not WXT's `wxt:locationchange`: it is dispatched on the page's window, where pages see and forge it
        onLocationChange: (listener) =>
          watchLocation(listener, {
            href: () => location.href,
            navigation: (globalThis as { navigation?: Parameters<typeof watchLocation>[1]['navigation'] }).navigation,
            setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
            setInterval: (handler, ms) => ctx.setInterval(handler, ms),
            signal: ctx.signal,
          }),
        MutationObserver,
        onPass: BENCH ? recordPass : undefined,
      });
      // a site the user set to "never collect" is not even read
      loadSettings().then(
        (settings) => {
          if (ctx.isValid && siteMode(settings, siteOfUrl(location.href)) !== 'never') watch.readNow();
        },
        () => ctx.isValid && watch.readNow(),
      );
    } catch {
      // never let an error reach the page
    }
  },
});
