/**
 * Store benchmark in real Chromium: loads synthetic news into the browser's own IndexedDB (from an
 * extension page of the built extension, through the store's own save path), and at 10,000,
 * 25,000, 50,000 and 100,000 quotes times the operations the popup and library wait on.
 * Prints a table and, last, one JSON line with the figures at the largest size.
 *
 *   npm run bench:store                       # 100,000 quotes, 7 runs per figure
 *   npm run bench:store -- --quotes 20000 --runs 5
 *   npm run bench:store -- --relaxed           # transactions with relaxed durability
 *   npm run bench:store -- --profile DIR       # keep the loaded browser profile in DIR and reuse it
 *
 * With `--profile`, the collection is saved into the extension's own database ('quotemark'), so
 * `bench:popup -- --profile DIR --seeded --url URL` can open the popup on it; a later run with the
 * same options measures at once instead of loading 100,000 quotes again (then without the growth
 * rows). The profile is loaded afresh when the schema version or the options change, or when the
 * runs' own saves have grown the collection by more than 5% (about 20 runs).
 *
 * Timings are medians of repeated runs on a shared machine: noisy; re-run to compare.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { CHROME_BUILD, launchWithExtension } from './support/chromium';
import type { Figures } from './bench/browser';
import { LATEST_VERSION } from '../lib/store/db';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const TOTAL = arg('quotes', 100_000);
const RUNS = arg('runs', 7);
const PROFILE = (() => {
  const i = process.argv.indexOf('--profile');
  return i >= 0 ? resolve(process.argv[i + 1]) : null;
})();
const SYNTHETIC = { seed: 7, speakers: 12_000, quotesPerArticle: 5.5 };
const MARKER = PROFILE ? join(PROFILE, '.quotemark-store-seed.json') : null;

/** What a kept profile holds (written once it is loaded and measured). */
interface Seeded {
  schemaVersion: number;
  /** The unpacked extension's folder: Chromium derives the extension's id, so its database's origin, from it. */
  extensionDir: string;
  quotes: number;
  synthetic: typeof SYNTHETIC;
  position: { loaded: number; benchNext: number; clock: number };
  sampleUrl: string;
}

function keptProfile(): Seeded | null {
  if (!MARKER || !existsSync(MARKER)) return null;
  try {
    const m = JSON.parse(readFileSync(MARKER, 'utf8')) as Seeded;
    // each run saves benchmark pages of 30 quotes (bench/browser.ts numbers them from 10,000,000):
    // load afresh once they add more than 5% to the collection
    const added = (m.position.benchNext - 10_000_000) * 30;
    return m.schemaVersion === LATEST_VERSION && m.extensionDir === CHROME_BUILD && m.quotes === TOTAL && JSON.stringify(m.synthetic) === JSON.stringify(SYNTHETIC) && added <= TOTAL * 0.05 ? m : null;
  } catch {
    return null;
  }
}

const KEPT = keptProfile();
const CHECKPOINTS = KEPT ? [TOTAL] : [10_000, 25_000, 50_000, 100_000].filter((n) => n < TOTAL).concat(TOTAL);

/** Bytes under a folder. LevelDB compacts while we count: a file gone meanwhile counts 0. */
function dirSize(dir: string): number {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const e of entries) {
    const p = join(dir, e.name);
    try {
      total += e.isDirectory() ? dirSize(p) : statSync(p).size;
    } catch {
      // removed by a compaction between listing and reading it
    }
  }
  return total;
}

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, 'bench/browser.ts'), formats: ['iife'], name: 'QMBench', fileName: () => 'bench.js' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('bundling the benchmark failed');
}

async function main(): Promise<void> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) execSync('npx wxt build', { stdio: 'inherit' });
  const code = await bundle();
  if (PROFILE && !KEPT) {
    rmSync(PROFILE, { recursive: true, force: true });
    mkdirSync(PROFILE, { recursive: true });
  }
  if (KEPT) process.stderr.write(`  reusing the profile in ${PROFILE} (${TOTAL.toLocaleString('en')} quotes loaded before)\n`);
  const browser = await launchWithExtension(undefined, PROFILE ? { userDataDir: PROFILE } : {});
  try {
    const page = await browser.context.newPage();
    // a page of the extension's origin (its IndexedDB) that runs none of its code (the popup would
    // follow every save with its live queries)
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const cdp = await browser.context.newCDPSession(page);
    const loaded = await cdp.send('Runtime.evaluate', { expression: `${code}\n;globalThis.QMBench = QMBench; 'ok'`, returnByValue: true });
    if (loaded.exceptionDetails) throw new Error(`bench bundle failed: ${loaded.exceptionDetails.exception?.description ?? loaded.exceptionDetails.text}`);
    type Bench = typeof import('./bench/browser');
    const call = <K extends keyof Bench>(fn: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> =>
      page.evaluate(([f, a]) => (globalThis as unknown as { QMBench: Record<string, (...x: unknown[]) => unknown> }).QMBench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<Awaited<ReturnType<Bench[K]>>>;

    await call('open', PROFILE ? 'quotemark' : 'qm-bench', SYNTHETIC, process.argv.includes('--relaxed'));
    if (KEPT) await call('resume', KEPT.position);
    const idbDir = join(browser.userDataDir, 'Default', 'IndexedDB');
    const rows: (Figures & { disk_mb: number; load_ms_per_page: number; empty_rw_ms: number; thirty_small_puts_ms: number; thirty_quote_rows_ms: number })[] = [];
    for (const target of CHECKPOINTS) {
      let last = { quotes: 0, articles: 0, msPerPage: 0, done: false };
      const perPage: number[] = [];
      while (!last.done) {
        last = await call('loadUntil', target, 20_000);
        perPage.push(last.msPerPage);
        process.stderr.write(`\r  loading: ${last.quotes} quotes, ${last.articles} articles, ${last.msPerPage.toFixed(1)} ms/page   `);
      }
      process.stderr.write('\n');
      const f = await call('measure', RUNS);
      const base = await call('floor', RUNS);
      rows.push({ ...f, ...base, disk_mb: dirSize(idbDir) / 1e6, load_ms_per_page: perPage.reduce((a, b) => a + b, 0) / perPage.length });
      const r = rows[rows.length - 1];
      process.stderr.write(`  at ${r.quotes} quotes: save ${r.save_page_ms.toFixed(1)} ms, speakers ${r.speakers_first_page_ms.toFixed(1)} ms, speaker quotes ${r.speaker_quotes_ms.toFixed(1)} ms, search ${r.search_ms.toFixed(1)} ms, ${r.disk_mb.toFixed(1)} MB\n`);
    }
    const cols: [string, (r: (typeof rows)[number]) => string, string][] = [
      ['quotes', (r) => String(r.quotes), ''],
      ['speakers', (r) => String(r.speakers), ''],
      ['articles', (r) => String(r.articles), ''],
      ['save 30 quotes', (r) => r.save_page_ms.toFixed(1), '≤ 20 ms'],
      ['revisit (same page)', (r) => r.revisit_ms.toFixed(1), ''],
      ['speakers, 1st page', (r) => r.speakers_first_page_ms.toFixed(1), '≤ 50 ms'],
      ['speakers by recency', (r) => r.speakers_recent_first_page_ms.toFixed(1), ''],
      ['speaker latest 50', (r) => r.speaker_quotes_ms.toFixed(1), '≤ 50 ms'],
      ['search word, 50', (r) => r.search_ms.toFixed(1), '≤ 100 ms'],
      ['search 3-letter prefix', (r) => r.search_prefix_ms.toFixed(1), ''],
      ['search two words', (r) => r.search_two_words_ms.toFixed(1), ''],
      ['db on disk (MB)', (r) => r.disk_mb.toFixed(1), 'reported'],
      ['storage estimate (MB)', (r) => (r.estimate_mb ?? NaN).toFixed(1), ''],
      ['loading, ms/page', (r) => r.load_ms_per_page.toFixed(1), ''],
      ['(IDB: empty rw tx)', (r) => r.empty_rw_ms.toFixed(1), ''],
      ['(IDB: 30 small puts)', (r) => r.thirty_small_puts_ms.toFixed(1), ''],
      ['(IDB: 30 quote rows)', (r) => r.thirty_quote_rows_ms.toFixed(1), ''],
    ];
    const header = ['operation (median ms)', ...rows.map((r) => `${r.quotes.toLocaleString('en')} q`), 'target'];
    const table = cols.slice(3).map(([name, f, target]) => [name, ...rows.map(f), target]);
    table.unshift(['speakers / articles', ...rows.map((r) => `${r.speakers} / ${r.articles}`), '']);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(`\nStore benchmark, real Chromium (IndexedDB of the extension's origin), median of ${RUNS} runs each\n`);
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const t of table) console.log(line(t));
    const big = rows[rows.length - 1];
    const sampleUrl = KEPT?.sampleUrl ?? (await call('articleUrl', Math.floor(big.articles / 2)));
    if (MARKER) {
      const seeded: Seeded = { schemaVersion: LATEST_VERSION, extensionDir: CHROME_BUILD, quotes: TOTAL, synthetic: SYNTHETIC, position: await call('position'), sampleUrl };
      writeFileSync(MARKER, JSON.stringify(seeded));
    }
    console.log(
      JSON.stringify({
        quotes: big.quotes,
        speakers: big.speakers,
        articles: big.articles,
        save_page_ms: +big.save_page_ms.toFixed(2),
        idb_30_quote_rows_ms: +big.thirty_quote_rows_ms.toFixed(2),
        speakers_first_page_ms: +big.speakers_first_page_ms.toFixed(2),
        speaker_quotes_ms: +big.speaker_quotes_ms.toFixed(2),
        search_ms: +big.search_ms.toFixed(2),
        db_size_mb: +big.disk_mb.toFixed(1),
        reused_profile: !!KEPT,
        sample_url: sampleUrl,
        growth: rows.map((r) => ({ quotes: r.quotes, save_page_ms: +r.save_page_ms.toFixed(2), speakers_first_page_ms: +r.speakers_first_page_ms.toFixed(2), speaker_quotes_ms: +r.speaker_quotes_ms.toFixed(2), search_ms: +r.search_ms.toFixed(2), db_size_mb: +r.disk_mb.toFixed(1) })),
      }),
    );
    await call('close');
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
