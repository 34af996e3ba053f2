/**
 * Store benchmark in real Chromium: loads synthetic news into the browser's own IndexedDB (from an
 * extension page of the built extension, through the store's own save path), and at 10,000,
 * 25,000, 50,000 and 100,000 quotes times the operations the popup and library wait on.
 * Prints a table and, last, one JSON line with the figures at the largest size.
 *
 *   npm run bench:store                       # 100,000 quotes, 7 runs per figure
 *   npm run bench:store -- --quotes 20000 --runs 5
 *   npm run bench:store -- --relaxed           # transactions with relaxed durability
 *
 * Timings are medians of repeated runs on a shared machine: noisy; re-run to compare.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { CHROME_BUILD, launchWithExtension } from './support/chromium';
import type { Figures } from './bench/browser';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const TOTAL = arg('quotes', 100_000);
const RUNS = arg('runs', 7);
const CHECKPOINTS = [10_000, 25_000, 50_000, 100_000].filter((n) => n < TOTAL).concat(TOTAL);

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
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const cdp = await browser.context.newCDPSession(page);
    const loaded = await cdp.send('Runtime.evaluate', { expression: `${code}\n;globalThis.QMBench = QMBench; 'ok'`, returnByValue: true });
    if (loaded.exceptionDetails) throw new Error(`bench bundle failed: ${loaded.exceptionDetails.exception?.description ?? loaded.exceptionDetails.text}`);
    type Bench = typeof import('./bench/browser');
    const call = <K extends keyof Bench>(fn: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> =>
      page.evaluate(([f, a]) => (globalThis as unknown as { QMBench: Record<string, (...x: unknown[]) => unknown> }).QMBench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<Awaited<ReturnType<Bench[K]>>>;

    await call('open', 'qm-bench', { seed: 7, speakers: 12_000, quotesPerArticle: 5.5 }, process.argv.includes('--relaxed'));
    const idbDir = join(browser.userDataDir, 'Default', 'IndexedDB');
    const rows: (Figures & { disk_mb: number; load_ms_per_page: number; empty_rw_ms: number; thirty_small_puts_ms: number })[] = [];
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
    console.log(
      JSON.stringify({
        quotes: big.quotes,
        speakers: big.speakers,
        articles: big.articles,
        save_page_ms: +big.save_page_ms.toFixed(2),
        speakers_first_page_ms: +big.speakers_first_page_ms.toFixed(2),
        speaker_quotes_ms: +big.speaker_quotes_ms.toFixed(2),
        search_ms: +big.search_ms.toFixed(2),
        db_size_mb: +big.disk_mb.toFixed(1),
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
