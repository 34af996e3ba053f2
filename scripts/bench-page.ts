/**
 * `npm run bench:page`: what the content script costs a page, in real Chromium with the built
 * extension.
 *
 * Builds the extension in bench mode (`wxt build --mode bench` → .output/chrome-mv3-bench: the
 * release code plus User Timing measures; release builds record nothing), serves pages on loopback
 * with every other request blocked, loads each page repeatedly in a fresh tab and reads what the
 * content script left:
 *   - `quotemark:pass:<outcome>`: the whole pass (is it an article, read it, hand the blocks to
 *     `runtime.sendMessage`, which serialises them); `quotemark:read`: the check and the reading.
 *     The engine does not run in the page: the background runs it on the blocks sent.
 *   - in the service worker, `quotemark:background:page-read`: the background's handling of the
 *     page (settings, engine, save), after each load.
 * For the longest page it also times the engine where it runs, in the service worker on the blocks
 * Chromium read (`captureFromRead`, through Playwright's `worker.evaluate`), and measures the memory
 * the content script keeps (scripts/bench/page-memory.ts explains the method).
 *
 *   npm run bench:page [-- --runs 15] [-- --all] [-- --no-build] [-- --memory-runs 5] [-- --no-memory]
 *
 * Pages: the longest of ../shared/pages/html (every one with --all), the sample article, and three
 * pages that are not articles: a web app and a search-results page generated here, and
 * samples/search.html. Prints a table per page, then one line of JSON.
 *
 * Also timed, because every page pays it before any pass: evaluating the page reader's code
 * (lib/page/read-for-capture.ts and lib/page/watch.ts bundled as one minified script, loaded in a
 * plain page; the real content script adds WXT's wrapper, the browser polyfill and the page UI).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { PageRead } from '../lib/messaging';
import { launchWithExtension } from './support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from './support/server';
import { searchPage, webAppPage } from './support/not-articles';
import { measurePageMemory, NOT_LOOPBACK, type MemoryResult } from './bench/page-memory';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_BUILD = join(ROOT, '.output/chrome-mv3-bench');
/** The real pages; QUOTEMARK_SHARED replaces ../shared (e.g. with a missing folder, to try the bench without it). */
const SHARED_HTML = join(process.env.QUOTEMARK_SHARED ? resolve(process.env.QUOTEMARK_SHARED) : resolve(ROOT, '../shared'), 'pages/html');

const args = process.argv.slice(2);
function numArg(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && Number.isFinite(Number(args[i + 1])) ? Number(args[i + 1]) : fallback;
}
const runs = numArg('runs', 15);
const memoryRuns = numArg('memory-runs', 5);
const all = args.includes('--all');
const ENGINE_RUNS = 15;

interface Sample {
  pass: number;
  outcome: string;
  read: number | null;
  /** The background's handling of this page read (settings, engine, save), when one was sent. */
  background: number | null;
}

const BACKGROUND_MEASURE = 'quotemark:background:page-read';

async function backgroundMeasures(worker: Worker): Promise<number> {
  return worker.evaluate((name) => performance.getEntriesByName(name).length, BACKGROUND_MEASURE);
}

async function measureOnce(page: Page, worker: Worker, url: string): Promise<Sample> {
  const before = await backgroundMeasures(worker);
  // not 'load': a saved page can wait forever on a request that never ends; the pass starts at
  // document_idle, and the wait below is for its measure
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const handle = await page.waitForFunction(
    () => {
      const pass = performance.getEntriesByType('measure').find((e) => e.name.startsWith('quotemark:pass:'));
      if (!pass) return null;
      const read = performance.getEntriesByName('quotemark:read')[0];
      return { pass: pass.duration, outcome: pass.name.slice('quotemark:pass:'.length), read: read?.duration ?? null };
    },
    undefined,
    { timeout: 20_000 },
  );
  const s = (await handle.jsonValue()) as Omit<Sample, 'background'>;
  let background: number | null = null;
  if (s.outcome === 'sent') {
    // wait for the background to finish with this page, so it does not overlap the next load
    background = await worker.evaluate(
      async ([name, n]) => {
        const t0 = Date.now();
        while (performance.getEntriesByName(name).length <= n) {
          if (Date.now() - t0 > 20_000) return null;
          await new Promise((ok) => setTimeout(ok, 2));
        }
        return performance.getEntriesByName(name)[n].duration;
      },
      [BACKGROUND_MEASURE, before] as const,
    );
  }
  return { ...s, background };
}

/** The engine where it runs: `captureFromRead` in the service worker on the last page read, `n` times after a warm-up. */
async function engineInBackground(worker: Worker, n: number): Promise<{ median: number; first: number; blocks: number; chars: number; quotes: number } | null> {
  return worker.evaluate(async (n) => {
    const bench = (globalThis as unknown as { quotemarkBench?: { captureFromRead(r: PageRead): { quotes: unknown[] }; lastRead: PageRead | null } }).quotemarkBench;
    if (!bench?.lastRead) return null;
    const read = bench.lastRead;
    const t0 = performance.now();
    const quotes = bench.captureFromRead(read).quotes.length;
    const first = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = performance.now();
      bench.captureFromRead(read);
      times.push(performance.now() - a);
    }
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], first, blocks: read.blocks.length, chars: read.blocks.reduce((s, b) => s + b.text.length, 0), quotes };
  }, n);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const fmt = (x: number | null, w = 7) => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(2)).padStart(w);
const r2 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);

/** The page reader and its watcher as one classic script, minified as in the content script. */
function readerBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qm-bench-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { readForCapture } from '${ROOT}/lib/page/read-for-capture';\nimport { watchPage } from '${ROOT}/lib/page/watch';\n(globalThis as any).__qm = [readForCapture, watchPage];\n`);
    const out = join(dir, 'out.js');
    execFileSync('npx', ['esbuild', entry, '--bundle', '--minify', '--format=iife', '--target=es2022', `--outfile=${out}`], { cwd: ROOT, stdio: 'ignore' });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Kind = 'real' | 'sample' | 'not-article';
interface Target {
  name: string;
  kind: Kind;
  url: (s: Record<string, StaticServer>) => string;
  /** The page whose memory and background engine time are measured. */
  longest?: boolean;
}

interface Row {
  target: Target;
  outcomes: string;
  pass: number[];
  read: number[];
  rest: number[];
  background: number[];
  /** The engine alone in the service worker on this page's blocks (median), for articles. */
  engine: Awaited<ReturnType<typeof engineInBackground>>;
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, stdio: 'ignore' });
  const notes: string[] = [];
  const targets: Target[] = [];
  const servers: Record<string, StaticServer> = {};
  const code = readerBundle();
  servers.samples = await serveDir(SAMPLES_DIR, '127.0.0.1', {
    '/bench/web-app.html': () => webAppPage(),
    '/bench/search.html': () => searchPage(),
    '/bench/evaluate.html': () => `<!doctype html><title>evaluate</title><script>window.__t0 = performance.now()</script><script>${code.replace(/<\/script/gi, '<\\/script')}</script><script>window.__t1 = performance.now()</script>`,
  });
  if (existsSync(SHARED_HTML)) {
    servers.shared = await serveDir(SHARED_HTML, '127.0.0.1');
    const files = readdirSync(SHARED_HTML)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ f, bytes: statSync(join(SHARED_HTML, f)).size }))
      .sort((a, b) => b.bytes - a.bytes);
    (all ? files : files.slice(0, 1)).forEach(({ f, bytes }, i) => targets.push({ name: `${f} (${(bytes / 1024).toFixed(0)} KB)`, kind: 'real', url: (s) => s.shared.base + f, longest: i === 0 }));
  } else {
    notes.push(`real pages skipped: ${SHARED_HTML} is not here, so page_pass_ms_median and page_pass_ms_max are null; pages that are not articles are still timed, and memory and the background's engine time are measured on samples/harbor-letter.html instead`);
    console.log(`note: ${notes[notes.length - 1]}`);
  }
  targets.push({ name: 'samples/harbor-letter.html', kind: 'sample', url: (s) => s.samples.base + 'harbor-letter.html', longest: targets.length === 0 });
  targets.push({ name: 'not an article: web app (generated)', kind: 'not-article', url: (s) => s.samples.base + 'bench/web-app.html' });
  targets.push({ name: 'not an article: search results (generated)', kind: 'not-article', url: (s) => s.samples.base + 'bench/search.html' });
  targets.push({ name: 'not an article: samples/search.html', kind: 'not-article', url: (s) => s.samples.base + 'search.html' });

  const browser = await launchWithExtension(BENCH_BUILD);
  const rows: Row[] = [];
  let engine: Awaited<ReturnType<typeof engineInBackground>> = null;
  let memory: MemoryResult | null = null;
  let longestName = '';
  const evals: number[] = [];
  try {
    await browser.context.route(NOT_LOOPBACK, (route) => route.abort());
    console.log(`Content script in Chromium (bench build), ${runs} loads per page, milliseconds; ${cpus().length} cores shared with other work.\n`);
    console.log(`${'page'.padEnd(52)} ${'outcome'.padEnd(12)} ${'median'.padStart(7)} ${'p10'.padStart(7)} ${'p90'.padStart(7)}  ${'read'.padStart(7)} ${'rest'.padStart(7)}  ${'bg'.padStart(7)} ${'engine'.padStart(7)}`);
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(servers.samples.base + 'bench/evaluate.html', { waitUntil: 'load' });
      evals.push((await page.evaluate('window.__t1 - window.__t0')) as number);
      await page.close();
    }
    console.log(`${'evaluating the page reader code (every page)'.padEnd(52)} ${''.padEnd(12)} ${fmt(median(evals))} ${fmt(quantile(evals, 0.1))} ${fmt(quantile(evals, 0.9))}  (${(code.length / 1024).toFixed(0)} KB minified)`);
    for (const t of targets) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.context.newPage();
        try {
          samples.push(await measureOnce(page, browser.worker, t.url(servers)));
        } finally {
          await page.close();
        }
      }
      const row: Row = {
        target: t,
        outcomes: [...new Set(samples.map((s) => s.outcome))].join(','),
        pass: samples.map((s) => s.pass),
        read: samples.map((s) => s.read).filter((x): x is number => x !== null),
        rest: samples.filter((s) => s.read !== null).map((s) => s.pass - s.read!),
        background: samples.map((s) => s.background).filter((x): x is number => x !== null),
        engine: samples.some((s) => s.outcome === 'sent') ? await engineInBackground(browser.worker, ENGINE_RUNS) : null,
      };
      rows.push(row);
      const m = (xs: number[]) => (xs.length ? median(xs) : null);
      console.log(`${t.name.slice(0, 52).padEnd(52)} ${row.outcomes.padEnd(12)} ${fmt(median(row.pass))} ${fmt(quantile(row.pass, 0.1))} ${fmt(quantile(row.pass, 0.9))}  ${fmt(m(row.read))} ${fmt(m(row.rest))}  ${fmt(m(row.background))} ${fmt(row.engine?.median ?? null)}`);
      if (t.longest) {
        longestName = t.name;
        engine = row.engine;
      }
    }
    console.log(`\nread: is it an article, and reading it; rest: the rest of the pass (mostly handing the blocks to runtime.sendMessage);`);
    console.log(`bg: the background's handling of the page read (settings, engine, save into IndexedDB), in the service worker;`);
    console.log(`engine: the engine alone (captureFromRead) in the service worker on the blocks this page sent, median of ${ENGINE_RUNS} runs.`);
    if (engine) {
      console.log(`\nThe engine in the background on ${longestName}: ${engine.blocks} blocks, ${engine.chars} characters, ${engine.quotes} quotes; median ${engine.median.toFixed(2)} ms (first run ${engine.first.toFixed(2)} ms).`);
    }
    const longest = targets.find((t) => t.longest);
    if (longest && !args.includes('--no-memory')) {
      memory = await measurePageMemory(browser.context, browser.worker, longest.url(servers), memoryRuns);
      const kb = (b: number) => (b / 1024).toFixed(0);
      console.log(`\nMemory on ${longest.name}, after the pass (two forced GCs, then CDP Runtime.getHeapUsage; median of ${memoryRuns} loads each):`);
      console.log(`  V8 heap of the page's renderer: no extension ${kb(memory.without.heap)} KB, a content script that only listens ${kb(memory.floor.heap)} KB, Quotemark ${kb(memory.with.heap)} KB`);
      console.log(`  kept by Quotemark's content script: ${kb(memory.with.heap - memory.without.heap)} KB (of which any content script's isolated world and API bindings: ${kb(memory.floor.heap - memory.without.heap)} KB; Quotemark's own: ${kb(memory.with.heap - memory.floor.heap)} KB)`);
      console.log(`  Blink heap (DOM), for reference (noisy): ${kb(memory.without.embedder)} / ${kb(memory.floor.embedder)} / ${kb(memory.with.embedder)} KB`);
      console.log(`  main-thread script time of the whole load (the page's inline scripts included): ${memory.without.script.toFixed(1)} / ${memory.floor.script.toFixed(1)} / ${memory.with.script.toFixed(1)} ms`);
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) await s.close();
  }

  const medians = (kind: Kind) => rows.filter((r) => r.target.kind === kind).map((r) => median(r.pass));
  const real = medians('real');
  const nonArticle = medians('not-article');
  const longestRow = rows.find((r) => r.target.longest);
  const engineMax = rows.filter((r) => r.target.kind === 'real' && r.engine).sort((a, b) => b.engine!.median - a.engine!.median)[0];
  for (const n of notes) console.log(`note: ${n}`);
  console.log(
    JSON.stringify({
      real_pages: real.length,
      runs,
      page_pass_ms_median: real.length ? r2(median(real)) : null,
      page_pass_ms_max: real.length ? r2(Math.max(...real)) : null,
      page_pass_slowest: real.length ? rows.filter((r) => r.target.kind === 'real').sort((a, b) => median(b.pass) - median(a.pass))[0].target.name : null,
      non_article_pass_ms_median: nonArticle.length ? r2(median(nonArticle)) : null,
      longest_page: longestName || null,
      longest_page_pass_ms: longestRow ? r2(median(longestRow.pass)) : null,
      longest_page_read_ms: longestRow?.read.length ? r2(median(longestRow.read)) : null,
      background_extract_ms_longest_page: engine ? r2(engine.median) : null,
      background_extract_ms_max: engineMax ? r2(engineMax.engine!.median) : null,
      background_extract_slowest: engineMax ? `${engineMax.target.name}: ${engineMax.engine!.blocks} blocks, ${engineMax.engine!.chars} characters` : null,
      background_page_read_ms_longest_page: longestRow?.background.length ? r2(median(longestRow.background)) : null,
      content_script_heap_kb: memory ? Math.round((memory.with.heap - memory.without.heap) / 1024) : null,
      content_script_heap_own_kb: memory ? Math.round((memory.with.heap - memory.floor.heap) / 1024) : null,
      content_script_main_thread_ms_longest_page: memory ? r2(memory.with.script - memory.without.script) : null,
      reader_code_eval_ms: r2(median(evals)),
      notes,
    }),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench:page: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exit(1);
  },
);
