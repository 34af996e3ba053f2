/**
 * The popup, the library and the page UI in real Chromium with the built extension, driven as a
 * person would (clicks, typing, keys). Every view is screenshotted light and dark under
 * test-results/ui/ and checked with axe-core (no serious or critical violations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { captureView } from './ui-support';

let browser: ExtensionBrowser;
let siteA: StaticServer; // 127.0.0.1
let siteB: StaticServer; // localhost
const a11y: string[] = [];

async function popup(query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 440, height: 580 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  return page;
}

async function visit(url: string, viewport = { width: 900, height: 700 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Count of stored quotes, read from the extension's IndexedDB in the service worker. */
async function storedQuotes(): Promise<number> {
  return browser.worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('quotemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!Array.from(db.objectStoreNames).includes('quotes')) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction('quotes').objectStore('quotes').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

interface LayerState {
  hosts: number;
  bars: number;
  hot: number;
  flashes: number;
  tip: string | null;
}

/** What Quotemark drew on a page, read through the closed shadow root with CDP (pages cannot). */
async function layer(page: Page): Promise<LayerState> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: LayerState = { hosts: 0, bars: 0, hot: 0, flashes: 0, tip: null };
    const walk = (n: CdpNode, inLayer: boolean) => {
      const attrs = new Map<string, string>();
      for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs.set(n.attributes![i], n.attributes![i + 1]);
      const cls = attrs.get('class') ?? '';
      if (n.nodeName === 'QUOTEMARK-LAYER') out.hosts++;
      if (inLayer && /\bu\b/.test(cls)) out.bars++;
      if (inLayer && /\bhot\b/.test(cls)) out.hot++;
      if (inLayer && cls === 'flash') out.flashes++;
      if (inLayer && cls === 'tip' && !attrs.has('hidden')) out.tip = (n.children ?? []).map((c) => c.nodeValue ?? '').join('');
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, inLayer || n.nodeName === 'QUOTEMARK-LAYER');
    };
    walk(root, false);
    return out;
  } finally {
    await cdp.detach();
  }
}
interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

beforeAll(async () => {
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost');
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await siteA?.close();
  await siteB?.close();
  if (a11y.length) console.log(`axe findings:\n${a11y.join('\n')}`);
});

describe('the popup in Chromium', () => {
  it('shows an empty state that says what to do before anything is collected', async () => {
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'search.html')}`);
    await expect.poll(() => p.textContent('.qm-empty')).toContain('No quotes collected on this page');
    a11y.push(...(await captureView(p, 'popup-page-empty')));
    await p.getByRole('tab', { name: 'People' }).click();
    await expect.poll(() => p.textContent('.qm-empty')).toContain('Nobody quoted yet');
    a11y.push(...(await captureView(p, 'popup-people-empty')));
    await p.close();
  });

  it('This page: quotes grouped by speaker with the role the article gave them', async () => {
    const pages = [await visit(siteA.base + 'transit-vote.html'), await visit(siteA.base + 'harbor-letter.html'), await visit(siteB.base + 'transit-followup.html'), await visit(siteB.base + 'ferry-strike.html')];
    await expect.poll(storedQuotes, { timeout: 15_000 }).toBeGreaterThan(10);
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'transit-vote.html')}`);
    await p.waitForSelector('.qm-group');
    const groups = await p.$$eval('.qm-group', (gs) =>
      gs.map((g) => ({ speaker: g.querySelector('.qm-speaker')?.textContent ?? '', role: g.querySelector('.qm-role')?.textContent ?? null, quotes: g.querySelectorAll('.qm-quote').length })),
    );
    expect(groups.length).toBeGreaterThanOrEqual(2);
    // every quote of the page is shown once, under exactly one speaker
    expect(groups.reduce((n, g) => n + g.quotes, 0)).toBe(await p.locator('.qm-quote').count());
    expect(new Set(groups.map((g) => g.speaker)).size).toBe(groups.length);
    expect(await p.textContent('.qm-context')).toContain('Council backs night buses');
    a11y.push(...(await captureView(p, 'popup-this-page')));
    await p.close();
    for (const pg of pages) await pg.close();
  });

  it('clicking a quote scrolls its page to it and marks it there', async () => {
    const article = await visit(siteA.base + 'harbor-letter.html', { width: 700, height: 260 });
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBe(0);
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'harbor-letter.html')}`);
    await p.waitForSelector('.qm-quote');
    const last = p.locator('.qm-quote .qm-quote__text').last();
    await last.click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(100);
    await expect.poll(async () => (await layer(article)).flashes, { timeout: 5000 }).toBeGreaterThan(0);
    // highlights stay off unless turned on: nothing underlined
    expect((await layer(article)).bars).toBe(0);
    await p.close();
    await article.close();
  });

  it('keyboard: tabs with arrow keys, visible focus, Enter opens a speaker, Escape goes back', async () => {
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'transit-vote.html')}`);
    await p.waitForSelector('.qm-quote');
    // Tab from the top reaches the selected tab; ArrowRight moves to People
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('People');
    expect(await p.getByRole('tab', { name: 'People' }).getAttribute('aria-selected')).toBe('true');
    await p.waitForSelector('.qm-person');
    // Tab: the filter, the order, then the first person
    for (const expected of ['INPUT', 'SELECT', 'BUTTON']) {
      await p.keyboard.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.tagName)).toBe(expected);
    }
    const first = await p.evaluate(() => document.activeElement?.querySelector('.qm-name')?.textContent ?? null);
    expect(first).toBeTruthy();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('.qm-speaker-page h2').textContent()).toBe(first);
    await p.keyboard.press('Escape');
    await p.waitForSelector('.qm-person');
    // "/" jumps to search
    await p.keyboard.press('/');
    await expect.poll(() => p.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    await p.close();
  });
});

describe('settings and the page UI in Chromium', () => {
  it('highlights: off by default; on from the popup underlines quotes with the speaker on hover; off removes them', async () => {
    const article = await visit(siteA.base + 'transit-vote.html', { width: 900, height: 900 });
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'transit-vote.html')}`);
    await p.getByRole('button', { name: 'Settings' }).click();
    const sw = p.getByRole('switch', { name: /Highlight quotes on pages/ });
    expect(await sw.getAttribute('aria-checked')).toBe('false');
    a11y.push(...(await captureView(p, 'popup-settings')));
    await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true');
    await expect.poll(async () => (await layer(article)).bars, { timeout: 5000 }).toBeGreaterThan(0);
    // hover a quote: its speaker shows
    const box = await article.locator('p', { hasText: 'People who clean our offices' }).boundingBox();
    await article.mouse.move(box!.x + 40, box!.y + 8);
    await expect.poll(async () => (await layer(article)).tip, { timeout: 5000 }).toMatch(/Okafor/);
    await article.screenshot({ path: 'test-results/ui/page-highlights-light.png' });
    await sw.click();
    await expect.poll(async () => (await layer(article)).bars, { timeout: 5000 }).toBe(0);
    await p.close();
    await article.close();
  });

  it('pause: nothing new is collected, the popup offers to collect this page, and resuming works', async () => {
    const p = await popup(`?url=${encodeURIComponent(siteA.base + 'ferry-strike.html')}`);
    await p.getByRole('button', { name: 'Settings' }).click();
    const collecting = p.getByRole('switch', { name: /Collect quotes as I read/ });
    await collecting.click();
    await expect.poll(() => collecting.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => p.locator('.qm-pill', { hasText: 'Paused' }).count()).toBe(1);
    const before = await storedQuotes();
    const article = await visit(siteA.base + 'ferry-strike.html');
    // the page was read (it answers the popup) but nothing was stored
    const p2 = await popup(`?url=${encodeURIComponent(siteA.base + 'ferry-strike.html')}`);
    await expect.poll(() => p2.textContent('.qm-empty'), { timeout: 10_000 }).toContain('Collecting is paused');
    expect(await storedQuotes()).toBe(before);
    a11y.push(...(await captureView(p2, 'popup-page-paused')));
    await p2.getByRole('button', { name: /Collect .* from this page/ }).click();
    await p2.waitForSelector('.qm-quote', { timeout: 10_000 });
    expect(await storedQuotes()).toBeGreaterThan(before);
    await collecting.click();
    await expect.poll(() => collecting.getAttribute('aria-checked')).toBe('true');
    await p.close();
    await p2.close();
    await article.close();
  });

  it('a site set to "when I ask" is collected only on request; "never" is not collected at all', async () => {
    const url = siteB.base + 'harbor-letter.html';
    const p = await popup(`?url=${encodeURIComponent(url)}`);
    await p.getByRole('button', { name: 'Settings' }).click();
    await p.getByRole('radio', { name: 'When I ask' }).check();
    await expect.poll(() => p.locator('.qm-site-list').textContent()).toContain('localhost');
    const before = await storedQuotes();
    const article = await visit(url);
    const p2 = await popup(`?url=${encodeURIComponent(url)}`);
    await expect.poll(() => p2.textContent('.qm-empty'), { timeout: 10_000 }).toMatch(/found on this page/);
    expect(await storedQuotes()).toBe(before);
    a11y.push(...(await captureView(p2, 'popup-page-ask')));
    await p2.getByRole('button', { name: /Collect .* from this page/ }).click();
    await p2.waitForSelector('.qm-quote', { timeout: 10_000 });
    expect(await storedQuotes()).toBeGreaterThan(before);

    await p.getByRole('radio', { name: 'Never' }).check();
    const after = await storedQuotes();
    const other = await visit(siteB.base + 'transit-vote.html');
    const p3 = await popup(`?url=${encodeURIComponent(siteB.base + 'transit-vote.html')}`);
    await expect.poll(() => p3.textContent('.qm-empty'), { timeout: 10_000 }).toContain('never collects on localhost');
    expect(await storedQuotes()).toBe(after);
    // remove the rule from the list
    await p.getByRole('button', { name: 'Remove the rule for localhost' }).click();
    await expect.poll(() => p.locator('.qm-site-list').count()).toBe(0);
    for (const x of [p, p2, p3, article, other]) await x.close();
  });

  it('"Save as quote…" is registered for selections', async () => {
    // updating a menu item that does not exist rejects: this proves the item is there
    const ok = await browser.worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object, cb: () => void): void }; runtime: { lastError?: unknown } } }).chrome;
      return new Promise<boolean>((resolve) => c.contextMenus.update('qm-save-quote', {}, () => resolve(!c.runtime.lastError)));
    });
    expect(ok).toBe(true);
  });
});

describe('accessibility', () => {
  it('the axe check finds a violation when there is one (the check itself works)', async () => {
    const p = await popup();
    await p.evaluate(() => document.body.append(document.createElement('button')));
    const found = await captureView(p, 'axe-self-test', { dir: 'test-results/ui/self-test' });
    expect(found.join('\n')).toContain('button-name');
    await p.close();
  });

  it('has no serious or critical axe violations in any view, light or dark', () => {
    expect(a11y).toEqual([]);
  });
});
