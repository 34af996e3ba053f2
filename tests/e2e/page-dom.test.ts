/**
 * The content script leaves the page as it found it, in real Chromium with the built extension:
 * the serialised DOM is the same before and after the pass (and no mutation at all is observed),
 * and a release build leaves no User Timing entries a page could read. Checked on our hard
 * fixture page and on real saved pages from ../shared/pages (served with their scripts left out,
 * so only the extension could change them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { serveDir, type StaticServer } from '../../scripts/support/server';
import { FIXTURES, SHARED_HTML, storedArticles } from './page-helpers';

let browser: ExtensionBrowser;
let site: StaticServer;

/** Real pages: the longest, and two with very different markup. */
const SHARED = ['aeb-ffc109d474fd.html', 'aeb-702d1da63b8e.html', 'aeb-7a664e40d256.html'].filter((f) => existsSync(join(SHARED_HTML, f)));
if (!existsSync(SHARED_HTML)) console.warn(`page-dom.test: ${SHARED_HTML} not found; real pages left out`);

/** A saved page without its scripts (JSON-LD kept): nothing on the page can change its DOM but the extension. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '');
}

beforeAll(async () => {
  const routes: Record<string, () => string> = {};
  for (const f of SHARED) routes[`/shared/${f}`] = () => withoutScripts(readFileSync(join(SHARED_HTML, f), 'utf8'));
  site = await serveDir(FIXTURES, '127.0.0.1', routes);
  browser = await launchWithExtension();
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  // in the page's own world: a snapshot of the DOM and a count of mutations from DOMContentLoaded on
  await browser.context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const w = window as unknown as { __qmBefore: string; __qmMutations: number };
      w.__qmBefore = document.documentElement.outerHTML;
      w.__qmMutations = 0;
      new MutationObserver((records) => (w.__qmMutations += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the page after the pass, in Chromium', () => {
  const pages = [{ name: 'hard-article.html', path: 'hard-article.html' }, ...SHARED.map((f) => ({ name: f, path: `shared/${f}` }))];
  for (const p of pages) {
    it(`${p.name}: the DOM is unchanged, and the page sees no timing entries of ours`, async () => {
      const url = site.base + p.path;
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // the pass is over when the article is stored
      await expect.poll(async () => (await storedArticles(browser.worker)).some((a) => a.urls.includes(url)), { timeout: 15_000 }).toBe(true);
      const after = await page.evaluate(() => {
        const w = window as unknown as { __qmBefore: string; __qmMutations: number };
        return {
          same: w.__qmBefore === document.documentElement.outerHTML,
          before: w.__qmBefore.length,
          mutations: w.__qmMutations,
          entries: performance.getEntries().filter((e) => /quotemark/i.test(e.name)).length,
        };
      });
      expect(after.before).toBeGreaterThan(1000);
      expect(after).toEqual({ same: true, before: after.before, mutations: 0, entries: 0 });
      await page.close();
    });
  }
});
