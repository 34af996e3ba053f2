/**
 * `npm run bench:popup`: how fast the popup shows its first view with 100,000 quotes stored,
 * in real Chromium with the built extension.
 *
 * Seeds a synthetic collection (20,000 articles × 5 quotes, 10,000 speakers, 200 sites) through
 * the extension's own background (the same saving path as real pages), then opens the popup
 * (as a tab: headless has no toolbar) again and again and reads the `qm-first-view` mark: the
 * time from the start of the popup's navigation until its first view shows content (not
 * "Loading…") and the browser has painted it. Prints each variant's median and spread, then a
 * final JSON line with `popup_first_view_ms` (median, "This page" of a stored article).
 *
 *   npm run bench:popup -- [--quotes 100000] [--runs 21] [--profile DIR]
 *
 * `--profile DIR` keeps the seeded browser profile in DIR and reuses it on the next run with the
 * same number of quotes (seeding 100,000 quotes takes minutes).
 *
 * `--seeded --url URL`: the profile in DIR already holds a collection (`bench:store -- --profile DIR`
 * loads one into the extension's database): seed nothing, and open "This page" on URL, an article
 * of that collection.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './support/chromium';
import { captureBatches, syntheticCaptures } from './support/ui-seed';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const QUOTES = arg('quotes', 100_000);
const RUNS = arg('runs', 21);
const PROFILE = (() => {
  const i = process.argv.indexOf('--profile');
  return i > 0 ? process.argv[i + 1] : null;
})();
/** The profile holds a collection saved by another bench; "This page" is `URL_ARG`. */
const SEEDED = process.argv.includes('--seeded');
const URL_ARG = (() => {
  const i = process.argv.indexOf('--url');
  return i > 0 ? process.argv[i + 1] : null;
})();
const PER_ARTICLE = 5;
const OPTIONS = { articles: Math.ceil(QUOTES / PER_ARTICLE), quotesPerArticle: PER_ARTICLE, speakers: Math.max(10, Math.round(QUOTES / 10)), sites: 200 };

function stats(xs: number[]): { median: number; p10: number; p90: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  const r = (v: number) => Math.round(v * 10) / 10;
  return { median: r(at(0.5)), p10: r(at(0.1)), p90: r(at(0.9)), min: r(s[0]), max: r(s[s.length - 1]) };
}

async function seed(page: Page): Promise<number> {
  let sent = 0;
  const started = Date.now();
  for (const batch of captureBatches(OPTIONS, 250)) {
    const failed = await page.evaluate(async (msgs) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
      const errors: string[] = [];
      // a few in flight at once, as when several tabs finish loading together
      for (let i = 0; i < msgs.length; i += 4) {
        const replies = await Promise.all(msgs.slice(i, i + 4).map((m) => rt.sendMessage(m)));
        for (const r of replies) if (!r?.ok) errors.push(r?.error ?? 'no reply');
      }
      return errors;
    }, batch);
    if (failed.length) throw new Error(`seeding failed: ${failed[0]}`);
    sent += batch.reduce((n, m) => n + m.capture.quotes.length, 0);
    if (sent % 10_000 < PER_ARTICLE * 250) console.log(`seeding: ${sent.toLocaleString('en-US')} quotes (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return sent;
}

interface Timing {
  first: number;
  script: number;
  dbOpen: number;
  query: number;
  fcp: number;
}

async function firstView(open: () => Promise<Page>): Promise<Timing> {
  const page = await open();
  try {
    await page.waitForFunction(() => performance.getEntriesByName('qm-first-view').length > 0, undefined, { timeout: 30_000 });
    return await page.evaluate(() => ({
      first: performance.getEntriesByName('qm-first-view')[0].startTime,
      script: performance.getEntriesByName('qm-script')[0]?.startTime ?? NaN,
      dbOpen: performance.getEntriesByName('qm-db-open')[0]?.startTime ?? NaN,
      query: performance.getEntriesByName('qm-query')[0]?.startTime ?? NaN,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  mkdirSync('bench-out', { recursive: true });
  const marker = PROFILE ? join(PROFILE, `.quotemark-seeded-${QUOTES}`) : null;
  if (SEEDED && (!PROFILE || !URL_ARG)) throw new Error('--seeded needs --profile DIR and --url URL');
  const reuse = SEEDED || (!!marker && existsSync(marker));
  if (PROFILE && !reuse) rmSync(PROFILE, { recursive: true, force: true });
  if (PROFILE) mkdirSync(PROFILE, { recursive: true });
  const browser = await launchWithExtension(undefined, PROFILE ? { userDataDir: PROFILE } : {});
  try {
    const base = `chrome-extension://${browser.extensionId}/popup.html`;
    let stored: number | null = SEEDED ? null : QUOTES;
    if (SEEDED) console.log(`using the collection already in ${PROFILE}`);
    else if (reuse) console.log(`reusing the profile in ${PROFILE}, seeded with ${QUOTES.toLocaleString('en-US')} quotes`);
    else {
      const seeder = await browser.context.newPage();
      await seeder.goto(base);
      const t0 = Date.now();
      stored = await seed(seeder);
      console.log(`seeded ${stored.toLocaleString('en-US')} quotes in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      await seeder.close();
      if (marker) writeFileSync(marker, new Date().toISOString());
    }

    // an article in the middle of the collection, as "This page"
    let articleUrl = URL_ARG ?? '';
    let i = 0;
    if (!URL_ARG) for (const c of syntheticCaptures(OPTIONS)) if (i++ === Math.floor(OPTIONS.articles / 2)) {
      articleUrl = c.meta.url;
      break;
    }
    const open = (query: string) => async () => {
      const p = await browser.context.newPage();
      await p.setViewportSize({ width: 440, height: 580 });
      await p.goto(base + query);
      return p;
    };
    const variants: [string, string][] = [
      ['this page (a stored article)', `?url=${encodeURIComponent(articleUrl)}`],
      ['this page (a page with no quotes)', `?url=${encodeURIComponent('https://unknown.example/story')}`],
    ];
    const results: Record<string, ReturnType<typeof stats>> = {};
    // one warm-up of each (the first start of the extension's pages compiles their code)
    for (const [, q] of variants) await firstView(open(q));
    for (const [name, q] of variants) {
      const runs: Timing[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await firstView(open(q)));
      results[name] = stats(runs.map((t) => t.first));
      const s = results[name];
      const part = (k: keyof Timing) => stats(runs.map((t) => t[k]).filter(Number.isFinite)).median;
      console.log(`${name}: median ${s.median} ms (p10 ${s.p10}, p90 ${s.p90}, min ${s.min}, max ${s.max}; ${RUNS} runs)`);
      console.log(`  medians: code loaded ${part('script')} ms, database open ${part('dbOpen')} ms, query answered ${part('query')} ms, first contentful paint ${part('fcp')} ms`);
    }

    // People: from opening the popup to the first rows of the most quoted speakers
    const people: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 11); r++) {
      const p = await open(variants[1][1])();
      await p.waitForFunction(() => performance.getEntriesByName('qm-first-view').length > 0);
      const ms = await p.evaluate(async () => {
        const t = performance.now();
        (document.querySelector('#qm-tab-people') as HTMLButtonElement).click();
        while (!document.querySelector('.qm-person')) await new Promise((ok) => requestAnimationFrame(ok));
        return performance.now() - t;
      });
      people.push(ms);
      await p.close();
    }
    const ps = stats(people);
    console.log(`people tab, click to first rows: median ${ps.median} ms (p90 ${ps.p90}; ${people.length} runs)`);
    console.log(
      JSON.stringify({
        popup_first_view_ms: results[variants[0][0]].median,
        popup_first_view_p90_ms: results[variants[0][0]].p90,
        popup_first_view_empty_page_ms: results[variants[1][0]].median,
        people_tab_ms: ps.median,
        quotes: stored,
        runs: RUNS,
      }),
    );
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:popup: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
