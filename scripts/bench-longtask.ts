/**
 * `npm run bench:longtask`: the content script's longest task on very large article pages, in real
 * Chromium with the built extension (bench build: release code plus User Timing measures around
 * each pass).
 *
 * The page registers a Long Tasks observer (`PerformanceObserver`, type `longtask`) before anything
 * else runs; the content script marks its pass (`quotemark:pass:*`) and each slice of reading it
 * ran without handing the thread back (`quotemark:slice`). The content script's longest task is
 * the longest of: its longest slice, and every long task (50 ms or more, any cause) that contains
 * one of its slices (then the task holds our slice and something else: counted whole, as ours).
 * Long tasks during the pass that hold none of our slices are the page's own (parsing, layout of a
 * 5 MB document), printed apart.
 *
 *   npm run bench:longtask [-- --runs 7] [-- --mb 5] [-- --no-build]
 *
 * Prints one line per run and a JSON summary line (medians). The machine is shared and noisy:
 * read medians, not single runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './support/chromium';
import { serveDir } from './support/server';
import { bigArticleHtml } from './support/articles';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_BUILD = join(ROOT, '.output/chrome-mv3-bench');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = arg('--runs', 7);
const sizes = args.includes('--mb') ? [arg('--mb', 5)] : [1, 5];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Run {
  pass: number;
  outcome: string;
  slices: number;
  longestSlice: number;
  /** Longest long task holding one of our slices (0: none). */
  longestWithOurs: number;
  /** The longest task of ours: the longest slice, or a long task holding one. */
  ours: number;
  longestPageTask: number;
}

if (!args.includes('--no-build')) execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, stdio: 'ignore' });
if (!existsSync(join(BENCH_BUILD, 'manifest.json'))) throw new Error(`No bench build at ${BENCH_BUILD}`);

const routes: Record<string, () => string> = {};
const pages = new Map<number, string>();
for (const mb of sizes) {
  const html = bigArticleHtml(mb * 1_000_000, mb);
  pages.set(mb, html);
  routes[`/big-${mb}mb.html`] = () => html;
}
const site = await serveDir(resolve(ROOT, 'samples'), '127.0.0.1', routes);
const browser = await launchWithExtension(BENCH_BUILD);
await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
await browser.context.addInitScript(() => {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no Long Tasks API */
  }
});

const summary: Record<string, unknown> = {};
try {
  for (const mb of sizes) {
    const url = `${site.base}big-${mb}mb.html`;
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const handle = await page.waitForFunction(
        () => {
          const pass = performance.getEntriesByType('measure').find((e) => e.name.startsWith('quotemark:pass:'));
          if (!pass) return null;
          const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
          const slices = performance.getEntriesByName('quotemark:slice');
          // a slice runs inside one task: a long task holding a slice's interval holds our code
          const holding = tasks.filter((t) => slices.some((s) => s.startTime >= t.start - 1 && s.startTime + s.duration <= t.start + t.duration + 1));
          const longestSlice = Math.max(0, ...slices.map((s) => s.duration));
          const longestWithOurs = Math.max(0, ...holding.map((t) => t.duration));
          return {
            pass: pass.duration,
            outcome: pass.name.slice('quotemark:pass:'.length),
            slices: slices.length,
            longestSlice,
            longestWithOurs,
            ours: Math.max(longestSlice, longestWithOurs),
            longestPageTask: Math.max(0, ...tasks.filter((t) => !holding.includes(t)).map((t) => t.duration)),
          };
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      const r = (await handle.jsonValue()) as Run;
      results.push(r);
      console.log(
        `${mb} MB run ${i + 1}: pass ${r.pass.toFixed(1)} ms (${r.outcome}) in ${r.slices} slices, longest slice ${r.longestSlice.toFixed(1)} ms, longest long task holding our code ${r.longestWithOurs.toFixed(0)} ms, page's own longest ${r.longestPageTask.toFixed(0)} ms`,
      );
      await page.close();
    }
    const key = `${mb}mb`;
    summary[key] = {
      html_bytes: pages.get(mb)!.length,
      runs,
      pass_ms_median: +median(results.map((r) => r.pass)).toFixed(1),
      slices_median: median(results.map((r) => r.slices)),
      content_script_longest_task_ms_median: +median(results.map((r) => r.ours)).toFixed(1),
      content_script_longest_task_ms_max: +Math.max(...results.map((r) => r.ours)).toFixed(1),
      page_own_longest_task_ms_median: +median(results.map((r) => r.longestPageTask)).toFixed(1),
    };
  }
  console.log(JSON.stringify(summary));
} finally {
  await browser.close();
  await site.close();
}
