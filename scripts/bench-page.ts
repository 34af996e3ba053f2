/**
 * `npm run bench:page`: how long the content script's in-page pass takes in real Chromium with the
 * built extension.
 *
 * Builds the extension in bench mode (`wxt build --mode bench` → .output/chrome-mv3-bench: the
 * release code plus User Timing measures around each pass; release builds record nothing), serves
 * pages on loopback with every other request blocked, loads each page repeatedly in a fresh tab and
 * reads the measures the content script left (`quotemark:pass:<outcome>`, `quotemark:read`,
 * `quotemark:extract`). Prints the median and spread per page.
 *
 *   npm run bench:page [-- --runs 15] [-- --all] [-- --no-build]
 *
 * Pages: the longest of ../shared/pages/html (or every one with --all), the sample articles, and
 * two pages that are not articles, generated here: a web app (thousands of elements, no paragraphs)
 * and a search-results page whose snippets are paragraphs.
 *
 * Also measured, because every page pays it before any pass: evaluating the reader and engine code
 * (lib/capture.ts and lib/page/watch.ts bundled as one script, loaded in a plain page; the real
 * content script adds WXT's wrapper and the browser polyfill).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from './support/server';
import { searchPage, webAppPage } from './support/not-articles';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_BUILD = join(ROOT, '.output/chrome-mv3-bench');
const SHARED_HTML = resolve(ROOT, '../shared/pages/html');

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const all = args.includes('--all');

interface Sample {
  pass: number;
  outcome: string;
  read: number | null;
  extract: number | null;
}

async function measureOnce(page: Page, url: string): Promise<Sample> {
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => {
      const pass = performance.getEntriesByType('measure').find((e) => e.name.startsWith('quotemark:pass:'));
      if (!pass) return null;
      const read = performance.getEntriesByName('quotemark:read')[0];
      const extract = performance.getEntriesByName('quotemark:extract')[0];
      return { pass: pass.duration, outcome: pass.name.slice('quotemark:pass:'.length), read: read?.duration ?? null, extract: extract?.duration ?? null };
    },
    undefined,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as Sample;
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

const fmt = (x: number) => x.toFixed(2).padStart(7);

/** The reader and engine as one classic script, as the content script bundles them (minified). */
function bundleCode(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qm-bench-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { capturePage } from '${ROOT}/lib/capture';\nimport { watchPage } from '${ROOT}/lib/page/watch';\n(globalThis as any).__qm = [capturePage, watchPage];\n`);
    const out = join(dir, 'out.js');
    execFileSync('npx', ['esbuild', entry, '--bundle', '--minify', '--format=iife', '--target=es2022', `--outfile=${out}`], { cwd: ROOT, stdio: 'ignore' });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: ROOT, stdio: 'ignore' });
  const targets: { name: string; url: (s: Record<string, StaticServer>) => string; bytes?: number }[] = [];
  const servers: Record<string, StaticServer> = {};
  const code = bundleCode();
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
    for (const { f, bytes } of all ? files : files.slice(0, 1)) targets.push({ name: `${f} (${(bytes / 1024).toFixed(0)} KB)`, url: (s) => s.shared.base + f, bytes });
  } else {
    console.log(`(${SHARED_HTML} not found: the real pages are left out)`);
  }
  targets.push({ name: 'samples/harbor-letter.html', url: (s) => s.samples.base + 'harbor-letter.html' });
  targets.push({ name: 'not an article: web app (generated)', url: (s) => s.samples.base + 'bench/web-app.html' });
  targets.push({ name: 'not an article: search results (generated)', url: (s) => s.samples.base + 'bench/search.html' });
  targets.push({ name: 'not an article: samples/search.html', url: (s) => s.samples.base + 'search.html' });

  const browser = await launchWithExtension(BENCH_BUILD);
  try {
    // only loopback: saved pages ask for scripts, fonts and ads from their sites
    await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    console.log(`In-page pass in Chromium (bench build), ${runs} loads per page, milliseconds; machine has ${(await import('node:os')).cpus().length} cores shared with other work.\n`);
    console.log(`${'page'.padEnd(52)} ${'outcome'.padEnd(12)} ${'median'.padStart(7)} ${'p10'.padStart(7)} ${'p90'.padStart(7)}   read / extract (medians)`);
    const evals: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      await page.goto(servers.samples.base + 'bench/evaluate.html', { waitUntil: 'load' });
      evals.push(await page.evaluate('window.__t1 - window.__t0') as number);
      await page.close();
    }
    console.log(`${'evaluating reader + engine code (every page)'.padEnd(52)} ${''.padEnd(12)} ${fmt(median(evals))} ${fmt(quantile(evals, 0.1))} ${fmt(quantile(evals, 0.9))}   ${(code.length / 1024).toFixed(0)} KB minified`);
    for (const t of targets) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.context.newPage();
        try {
          samples.push(await measureOnce(page, t.url(servers)));
        } finally {
          await page.close();
        }
      }
      const pass = samples.map((s) => s.pass);
      const reads = samples.map((s) => s.read).filter((x): x is number => x !== null);
      const extracts = samples.map((s) => s.extract).filter((x): x is number => x !== null);
      const outcomes = [...new Set(samples.map((s) => s.outcome))].join(',');
      const parts = reads.length ? `${median(reads).toFixed(2)} / ${median(extracts).toFixed(2)}` : '-';
      console.log(`${t.name.slice(0, 52).padEnd(52)} ${outcomes.padEnd(12)} ${fmt(median(pass))} ${fmt(quantile(pass, 0.1))} ${fmt(quantile(pass, 0.9))}   ${parts}`);
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) await s.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench:page: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
