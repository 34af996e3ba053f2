/**
 * The content script: reads the page once at document_idle, then follows its changes (late body,
 * "load more", in-page navigation) through `watchPage`, all tied to WXT's `ctx`. Pages that are
 * not articles get only the cheap check (and, for a while, a cheap observer for a late body). The
 * article's text goes to the background, which runs the engine and saves: the engine never runs
 * on the page's thread. Nothing is written into the page; no error reaches it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readForCapture } from '../lib/page/read-for-capture';
import { attachPageUi } from '../lib/highlight'; // UI hook (issue 6)
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
      const watch = watchPage({
        doc: document,
        url: () => location.href,
        capture: (doc, url, afterNavigation) => {
          let skipped = { skipped: 'not-article', final: false };
          const result = readForCapture(doc, url, { afterNavigation, now: BENCH ? clock : undefined, onSkip: (reason, _detail, final) => (skipped = { skipped: reason, final }) });
          if (result) lastPage = result.page; // UI hook (issue 6): the elements, for highlights
          return result ?? skipped;
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
      watch.readNow();
    } catch {
      // never let an error reach the page
    }
  },
});
