/**
 * What the content script keeps in memory, and what it costs the page's main thread in all, on one
 * page in real Chromium.
 *
 * Content scripts run in an isolated world: their own JavaScript context, but in the same V8 heap
 * (isolate) as the page, so no API reports a content script's memory alone. We compare the same
 * page, loaded the same way, in three browsers with the same flags:
 *   - `with`: the extension (a build of Quotemark), after its pass and after the reply from the
 *     background reached the page UI (it then answers `tab/status`);
 *   - `floor`: a one-line extension whose content script only listens for messages (what any
 *     extension's content script costs: its isolated world and the extension API bindings);
 *   - `without`: no extension.
 * Each time: a fresh tab, the page loaded, two full garbage collections (CDP
 * `HeapProfiler.collectGarbage`), then CDP `Runtime.getHeapUsage` (the isolate's live V8 heap, plus
 * array-buffer backing stores) and `Performance.getMetrics` (`ScriptDuration`: main-thread time
 * spent running script in this renderer, the page's own included). Medians over `runs` loads.
 * Memory kept = median(with) − median(without); over the floor = median(with) − median(floor).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from '../support/chromium';

/** Everything that is not on loopback (saved pages ask for their sites' scripts, fonts and ads). */
export const NOT_LOOPBACK = /^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/;

export interface PageCost {
  /** Live V8 heap plus array-buffer backing stores, bytes. */
  heap: number;
  /** Blink's own heap (DOM objects, Oilpan), bytes: noisy, reported for reference. */
  embedder: number;
  /** Main-thread script time in the renderer, ms (the page's own scripts included). */
  script: number;
}

export interface MemoryResult {
  with: PageCost;
  floor: PageCost;
  without: PageCost;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP localhost 127.0.0.1'];

async function launch(extensionDir: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'qm-memory-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...FLAGS, ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [])],
  });
  await context.route(NOT_LOOPBACK, (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The floor extension: a content script on every page that only listens for messages. */
function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qm-floor-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'floor', version: '1', content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }] }),
  );
  writeFileSync(join(dir, 'content.js'), `chrome.runtime.onMessage.addListener(() => undefined);\nperformance.mark('floor:done');\n`);
  return dir;
}

async function loadAndMeasure(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>): Promise<PageCost> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
    const { metrics } = await cdp.send('Performance.getMetrics');
    return {
      heap: heap.usedSize + (heap.backingStorageSize ?? 0),
      embedder: heap.embedderHeapUsedSize ?? NaN,
      script: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000,
    };
  } finally {
    await page.close();
  }
}

/**
 * Wait until Quotemark's content script has finished with the page: its pass is recorded (bench
 * builds) and the page UI answers the background's `tab/status` (it is set up once the reply with
 * the quotes arrived). The background has no `tabs` permission, so it asks every tab.
 */
async function quotemarkDone(page: Page, worker: Worker): Promise<void> {
  const outcome = await page.waitForFunction(
    () => performance.getEntriesByType('measure').find((e) => e.name.startsWith('quotemark:pass:'))?.name ?? null,
    undefined,
    { timeout: 20_000 },
  );
  if (!String(await outcome.jsonValue()).endsWith(':sent')) return; // nothing sent: no reply to wait for
  const answered = await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
    const t0 = Date.now();
    while (Date.now() - t0 < 20_000) {
      for (const tab of await c.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = await c.tabs.sendMessage(tab.id, { type: 'tab/status' }).catch(() => undefined);
        if (reply) return true;
      }
      await new Promise((ok) => setTimeout(ok, 10));
    }
    return false;
  });
  if (!answered) throw new Error('the content script never answered tab/status after its pass');
}

/**
 * Measure `url` with the extension already running in `withContext` (a bench build, whose passes
 * leave User Timing measures), against the floor extension and no extension.
 */
export async function measurePageMemory(withContext: BrowserContext, worker: Worker, url: string, runs: number): Promise<MemoryResult> {
  const floorDir = floorExtension();
  const floor = await launch(floorDir);
  const without = await launch(null);
  const samples: Record<'with' | 'floor' | 'without', PageCost[]> = { with: [], floor: [], without: [] };
  try {
    for (let i = 0; i < runs; i++) {
      // interleaved, so a burst of load on the machine hits all three alike
      samples.with.push(await loadAndMeasure(withContext, url, (page) => quotemarkDone(page, worker)));
      samples.floor.push(
        await loadAndMeasure(floor.context, url, async (page) => {
          await page.waitForFunction(() => performance.getEntriesByName('floor:done').length > 0, undefined, { timeout: 20_000 });
        }),
      );
      samples.without.push(await loadAndMeasure(without.context, url, async () => {}));
    }
  } finally {
    await floor.close();
    await without.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const summary = (xs: PageCost[]): PageCost => ({ heap: median(xs.map((x) => x.heap)), embedder: median(xs.map((x) => x.embedder)), script: median(xs.map((x) => x.script)) });
  return { with: summary(samples.with), floor: summary(samples.floor), without: summary(samples.without), runs };
}
