import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handle';
import { loadSettings, type Settings } from '../lib/settings';
import { decideRead, gateCapture } from '../lib/background/settings-gate'; // UI (issue 6)
import { registerContextMenu } from '../lib/contextmenu'; // UI (issue 6)
import { noteSaveResult } from '../lib/save-status'; // UI (issue 6)
import { getDb } from '../lib/store/db';
import { captureFromRead } from '../lib/capture'; // benchmark builds only (see BENCH)
import type { PageRead } from '../lib/messaging';

/**
 * Benchmark builds (`wxt build --mode bench`) time each `page/read` as a User Timing measure in the
 * service worker (`quotemark:background:page-read`: settings, engine, save) and keep the last page
 * read, with the engine's entry point, on `globalThis.quotemarkBench`, so `npm run bench:page` can
 * time the engine where it runs (Playwright's `worker.evaluate`). Release builds drop all of it.
 */
const BENCH = import.meta.env.MODE === 'bench';

export default defineBackground(() => {
  registerContextMenu();
  const bench = BENCH ? { captureFromRead, lastRead: null as PageRead | null } : null;
  if (bench) (globalThis as { quotemarkBench?: typeof bench }).quotemarkBench = bench;
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => {
    const start = BENCH ? performance.now() : 0;
    // the settings are read at most once per message, and only for messages that need them
    let settings: Promise<Settings> | null = null;
    const settingsNow = () => (settings ??= loadSettings());
    const refused = await gateCapture(message, settingsNow);
    if (refused) return refused;
    const decision = await decideRead(message, settingsNow);
    const incognito = sender.tab?.incognito === true; // issue 8: private windows only when the user turned it on
    const reply = await handleMessage(getDb(), message, { id: sender.id, incognito }, browser.runtime.id, Date.now(), decision, incognito && (await settingsNow()).privateWindows);
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'page/captured' || type === 'page/read') void noteSaveResult(reply); // UI (issue 6): the popup says when saving fails
    if (bench && type === 'page/read') {
      bench.lastRead = (message as { read: PageRead }).read;
      performance.measure('quotemark:background:page-read', { start, end: performance.now() });
    }
    return reply;
  });
});
