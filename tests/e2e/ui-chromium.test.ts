/**
 * The popup, the library and the page UI in real Chromium with the built extension, driven as a
 * person would (clicks, typing, keys). Every view is screenshotted light and dark under
 * test-results/ui/ and checked with axe-core (no serious or critical violations).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { WIRE_COPY_HTML } from './fixtures/wire-copy';
import { captureView, UI_SHOTS } from './ui-support';

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


/** When the stored article for `url` was last seen (0 if none), from the extension's IndexedDB. */
async function lastSeen(url: string): Promise<number> {
  return browser.worker.evaluate(
    (u) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('quotemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('articles').objectStore('articles').getAll();
          req.onsuccess = () => {
            db.close();
            const hit = (req.result as { urls: string[]; lastSeen: number }[]).find((a) => a.urls.includes(u));
            resolve(hit?.lastSeen ?? 0);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    url,
  );
}

/** The id of the tab showing `url`, found the way the popup finds it: by asking each tab's content script. */
async function tabIdOf(url: string): Promise<number> {
  return browser.worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<{ url?: string } | undefined> } } }).chrome;
    for (const t of await c.tabs.query({})) {
      if (t.id === undefined) continue;
      const status = await c.tabs.sendMessage(t.id, { type: 'tab/status' }).catch(() => undefined);
      if (status?.url === u) return t.id;
    }
    return -1;
  }, url);
}

/** 'closed' once a dialog is gone, else its error message (so a failure says why), else 'open'. */
async function dialogState(dialog: Locator): Promise<string> {
  if ((await dialog.count()) === 0) return 'closed';
  const error = dialog.locator('.qm-error');
  // count() does not wait; textContent() would wait its full timeout for an error that is not there
  return (await error.count()) > 0 ? ((await error.first().textContent()) ?? 'open') : 'open';
}

/** The speaker each quote on a This page view is listed under, by quote text. */
async function speakerOfQuote(p: Page, text: string): Promise<string | null> {
  return p.evaluate((t) => {
    const li = [...document.querySelectorAll('.qm-quote')].find((q) => q.querySelector('.qm-text')?.textContent?.includes(t));
    return li?.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent ?? null;
  }, text);
}

beforeAll(async () => {
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost', { '/wire-copy.html': () => WIRE_COPY_HTML });
  browser = await launchWithExtension();
  mkdirSync(UI_SHOTS, { recursive: true });
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


describe('people, speakers, search and recent in Chromium', () => {
  it('People: filter as you type, and a speaker’s page with links that open the source at the quote', async () => {
    const wire = await visit(siteB.base + 'wire-copy.html');
    await expect.poll(() => lastSeen(siteB.base + 'wire-copy.html'), { timeout: 15_000 }).toBeGreaterThan(0);
    const p = await popup();
    await p.getByRole('tab', { name: 'People' }).click();
    await p.waitForSelector('.qm-person');
    expect(await p.locator('.qm-person').count()).toBeGreaterThan(2);
    a11y.push(...(await captureView(p, 'popup-people')));
    const filter = p.getByRole('searchbox', { name: 'Filter people' });
    await filter.pressSequentially('oka');
    await expect.poll(() => p.locator('.qm-person').count()).toBe(1);
    expect(await p.locator('.qm-person .qm-name').textContent()).toMatch(/Okafor/);
    a11y.push(...(await captureView(p, 'popup-people-filtered')));
    await filter.pressSequentially('zzz');
    await expect.poll(() => p.locator('.qm-empty').textContent()).toContain('Nobody named');
    await filter.press('Escape'); // clears the filter
    await expect.poll(() => p.locator('.qm-person').count()).toBeGreaterThan(2);
    // most recently quoted first
    await p.getByLabel('Order').selectOption('recent');
    await expect.poll(() => p.locator('.qm-person').count()).toBeGreaterThan(2);

    await p.locator('.qm-person__btn', { hasText: 'Okafor' }).click();
    await p.waitForSelector('.qm-speaker-page .qm-quote');
    expect(await p.locator('.qm-speaker-page h2').textContent()).toMatch(/Okafor/);
    await expect.poll(() => p.locator('.qm-speaker-page .qm-source').count()).toBeGreaterThan(1);
    const hrefs = await p.$$eval('.qm-speaker-page .qm-source', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const h of hrefs) expect(h).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/[\w-]+\.html#:~:text=/);
    // quotes newest first
    const dates = await p.$$eval('.qm-speaker-page .qm-quote time', (ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    a11y.push(...(await captureView(p, 'popup-speaker')));
    await p.close();
    await wire.close();
  });

  it('the same statement on two sites is shown once, "also on" the other, with the differing words marked', async () => {
    const p = await popup();
    await p.getByRole('tab', { name: 'People' }).click();
    await p.locator('.qm-person__btn', { hasText: 'Okafor' }).click();
    const also = p.locator('.qm-speaker-page .qm-also', { hasText: 'worded differently' });
    await expect.poll(() => also.count()).toBe(1);
    expect(await also.locator('summary').textContent()).toMatch(/^Also on (127\.0\.0\.1|localhost) · worded differently by 1 of 2$/);
    // the statement is listed once, not once per site
    expect(await p.locator('.qm-speaker-page .qm-quote', { hasText: 'clean our offices' }).count()).toBe(1);
    await also.locator('summary').click();
    await expect.poll(() => also.locator('mark.qm-diff-ins').allTextContents()).toEqual([expect.stringContaining('three in the morning')]);
    a11y.push(...(await captureView(p, 'popup-speaker-also-on')));
    await p.close();
  });

  it('Search: results as you type across quote text and speaker names, matched words marked', async () => {
    const p = await popup();
    await p.getByRole('tab', { name: 'Search' }).click();
    await expect.poll(() => p.locator('.qm-empty').textContent()).toContain('Search everything collected');
    a11y.push(...(await captureView(p, 'popup-search-empty')));
    const box = p.getByRole('searchbox', { name: 'Search quotes and people' });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('cush');
    await expect.poll(() => p.locator('.qm-quote mark').allTextContents()).toEqual(['cushion']);
    expect(await p.locator('.qm-quote .qm-speaker').textContent()).toMatch(/Brandt/);
    a11y.push(...(await captureView(p, 'popup-search')));
    await box.fill('');
    await box.pressSequentially('okaf');
    await expect.poll(() => p.locator('[aria-label="People matching the search"] .qm-name').allTextContents()).toEqual([expect.stringMatching(/Okafor/)]);
    await box.fill('');
    await box.pressSequentially('xylophone');
    await expect.poll(() => p.locator('.qm-empty').textContent()).toContain('Nothing matches');
    await p.close();
  });

  it('Recent: the latest quotes collected, with who said them and when', async () => {
    const p = await popup();
    await p.getByRole('tab', { name: 'Recent' }).click();
    await p.waitForSelector('.qm-quote');
    expect(await p.locator('.qm-quote').count()).toBeGreaterThan(5);
    expect(await p.locator('.qm-quote').first().textContent()).toMatch(/Collected (just now|\d+ minutes? ago)/);
    expect(await p.locator('.qm-quote').first().locator('.qm-speaker').count()).toBe(1);
    a11y.push(...(await captureView(p, 'popup-recent')));
    await p.close();
  });
});

describe('corrections in Chromium', () => {
  const FOLLOWUP = () => siteB.base + 'transit-followup.html';

  it('fix a speaker by typing a new name; the fix survives a revisit', async () => {
    const article = await visit(FOLLOWUP());
    const p = await popup(`?url=${encodeURIComponent(FOLLOWUP())}`);
    await p.waitForSelector('.qm-quote');
    await p.getByRole('button', { name: /^Fix speaker of “I used to spend/ }).click();
    const dialog = p.getByRole('dialog', { name: 'Fix speaker' });
    await dialog.waitFor();
    a11y.push(...(await captureView(p, 'popup-fix-speaker')));
    const input = dialog.getByRole('combobox', { name: 'Who said it' });
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('Pat Quinlan');
    await input.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => speakerOfQuote(p, 'forty dollars')).toBe('Pat Quinlan');
    const before = await lastSeen(FOLLOWUP());
    await article.reload();
    await expect.poll(() => lastSeen(FOLLOWUP()), { timeout: 15_000 }).toBeGreaterThan(before);
    await expect.poll(() => speakerOfQuote(p, 'forty dollars')).toBe('Pat Quinlan');
    await p.close();
    await article.close();
  });

  it('fix a speaker by picking an existing one from the list with the keyboard', async () => {
    const p = await popup(`?url=${encodeURIComponent(FOLLOWUP())}`);
    await p.waitForSelector('.qm-quote');
    await p.getByRole('button', { name: /^Fix speaker of “I used to spend/ }).click();
    const input = p.getByRole('dialog', { name: 'Fix speaker' }).getByRole('combobox', { name: 'Who said it' });
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('Brand');
    await expect.poll(() => p.getByRole('option').first().textContent()).toMatch(/Brandt/);
    await input.press('ArrowDown');
    await input.press('Enter'); // picks the option
    expect(await input.inputValue()).toMatch(/Helen Brandt/);
    await input.press('Enter'); // saves
    await expect.poll(() => speakerOfQuote(p, 'forty dollars')).toMatch(/Helen Brandt/);
    await p.close();
  });

  it('delete a quote, undo it, delete it again: it does not come back on a revisit', async () => {
    const p = await popup(`?url=${encodeURIComponent(FOLLOWUP())}`);
    await p.waitForSelector('.qm-quote');
    const n = await p.locator('.qm-quote').count();
    await p.getByRole('button', { name: /^Delete quote “This is what a city/ }).click();
    await expect.poll(() => p.locator('.qm-quote').count()).toBe(n - 1);
    await p.getByRole('status').filter({ hasText: 'Quote deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => p.locator('.qm-quote').count()).toBe(n);
    expect(await speakerOfQuote(p, 'takes its night workers seriously')).toMatch(/Okafor/);
    await p.getByRole('button', { name: /^Delete quote “This is what a city/ }).click();
    await expect.poll(() => p.locator('.qm-quote').count()).toBe(n - 1);
    const article = await visit(FOLLOWUP());
    const before = await lastSeen(FOLLOWUP());
    await article.reload();
    await expect.poll(() => lastSeen(FOLLOWUP()), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await p.locator('.qm-quote', { hasText: 'takes its night workers seriously' }).count()).toBe(0);
    await p.close();
    await article.close();
  });

  it('merge two speakers, then split them again', async () => {
    const p = await popup();
    await p.getByRole('tab', { name: 'People' }).click();
    await p.locator('.qm-person__btn', { hasText: 'Omar Haddad' }).click();
    await p.waitForSelector('.qm-speaker-page .qm-quote');
    const own = await p.locator('.qm-speaker-page .qm-quote').count();
    await p.getByRole('button', { name: /Merge/ }).click();
    const dialog = p.getByRole('dialog', { name: 'Merge into Omar Haddad' });
    const input = dialog.getByRole('combobox', { name: 'Speaker to merge in' });
    await input.pressSequentially('Marq');
    await expect.poll(() => p.getByRole('option').first().textContent()).toMatch(/Elena Marquez/);
    await input.press('ArrowDown');
    await input.press('Enter');
    a11y.push(...(await captureView(p, 'popup-merge')));
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => dialogState(dialog)).toBe('closed');
    await expect.poll(() => p.locator('.qm-speaker-page .qm-quote').count()).toBeGreaterThan(own);
    const merged = await p.locator('.qm-speaker-page .qm-quote').count();
    await p.getByRole('button', { name: /People/ }).first().click();
    await p.waitForSelector('.qm-person');
    expect(await p.locator('.qm-person', { hasText: 'Elena Marquez' }).count()).toBe(0);

    await p.locator('.qm-person__btn', { hasText: 'Omar Haddad' }).click();
    await p.getByRole('button', { name: /Split/ }).click();
    const split = p.getByRole('dialog', { name: 'Split Omar Haddad' });
    await split.getByLabel('New speaker’s name').fill('Elena Marquez');
    // her quotes (not his one about the boats) and her name move to the new speaker
    const quotes = split.getByRole('group', { name: 'Quotes that move' }).getByRole('checkbox');
    await expect.poll(() => quotes.count()).toBeGreaterThanOrEqual(merged);
    for (const box of await quotes.all()) if (!/boats/.test((await box.locator('xpath=..').textContent()) ?? '')) await box.check();
    await split.getByRole('group', { name: /Names that belong/ }).getByRole('checkbox', { name: 'Elena Marquez' }).check();
    a11y.push(...(await captureView(p, 'popup-split')));
    await split.getByRole('button', { name: 'Split', exact: true }).click();
    await expect.poll(() => dialogState(split)).toBe('closed');
    await expect.poll(() => p.locator('.qm-speaker-page .qm-quote').count()).toBe(own);
    expect(merged).toBeGreaterThan(own);
    await p.getByRole('button', { name: /People/ }).first().click();
    await expect.poll(() => p.locator('.qm-person', { hasText: 'Elena Marquez' }).count()).toBe(1);
    await p.close();
  });

  it('"Save as quote…": the window asks who said it (picked from the list) and saves it', async () => {
    const url = siteA.base + 'transit-vote.html';
    const article = await visit(url);
    // The tab answers once its content script has registered its listener; wait for that.
    let tab = -1;
    await expect.poll(async () => (tab = await tabIdOf(url)), { timeout: 10_000 }).toBeGreaterThan(0);
    const text = 'Okafor said ridership on the pilot route had doubled since January.';
    const w = await browser.context.newPage();
    await w.setViewportSize({ width: 480, height: 560 });
    await w.goto(`chrome-extension://${browser.extensionId}/save-quote.html?${new URLSearchParams({ text, url, title: 'ignored when the page answers', tab: String(tab) })}`);
    const who = w.getByRole('combobox', { name: 'Who said it' });
    await expect.poll(() => who.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => w.locator('.qm-hint', { hasText: 'From' }).textContent()).toContain('Council backs night buses');
    await who.pressSequentially('Okaf');
    // the list answers each keystroke: wait until the answer to the whole prefix leads it
    await expect.poll(() => w.getByRole('option').first().textContent()).toMatch(/Okafor/);
    await who.press('ArrowDown');
    await who.press('Enter');
    a11y.push(...(await captureView(w, 'save-quote')));
    await w.getByRole('button', { name: 'Save quote' }).click();
    await w.getByText('Quote saved').waitFor();
    a11y.push(...(await captureView(w, 'save-quote-done')));
    const p = await popup(`?url=${encodeURIComponent(url)}`);
    await expect.poll(() => speakerOfQuote(p, 'ridership on the pilot route')).toMatch(/Okafor/);
    for (const x of [w, p, article]) await x.close();
  });

  it('says so when saving pages fails (a full disk), until a save succeeds', async () => {
    await browser.worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      return c.storage.local.set({ saveProblem: { message: 'Storage is full: free some disk space, or export and delete old quotes. Nothing from this change was saved.', at: Date.now() } });
    });
    const p = await popup();
    await expect.poll(() => p.getByRole('alert').filter({ hasText: 'New quotes are not being saved' }).count()).toBe(1);
    expect(await p.getByRole('alert').textContent()).toContain('Storage is full');
    a11y.push(...(await captureView(p, 'popup-save-failing')));
    const article = await visit(siteA.base + 'ferry-strike.html');
    await expect.poll(() => p.getByRole('alert').count(), { timeout: 15_000 }).toBe(0);
    await p.close();
    await article.close();
  });
});

describe('the library in Chromium', () => {
  async function library(hash = ''): Promise<Page> {
    const lib = await browser.context.newPage();
    await lib.setViewportSize({ width: 1280, height: 800 });
    await lib.goto(`chrome-extension://${browser.extensionId}/library.html${hash}`);
    return lib;
  }

  it('lists every quote, moves with the keyboard and shows the selected one', async () => {
    const lib = await library();
    await lib.waitForSelector('.qm-vrow .qm-vrow__text');
    const total = await storedQuotes();
    await expect.poll(() => lib.locator('.qm-lib__summary [role=status]').textContent()).toContain(`${total} quotes stored`);
    a11y.push(...(await captureView(lib, 'library-quotes')));
    const first = lib.locator('.qm-vrow__btn[tabindex="0"]');
    await first.focus();
    const text1 = await lib.locator('.qm-detail .qm-text').textContent();
    await lib.keyboard.press('ArrowDown');
    await expect.poll(() => lib.evaluate(() => document.activeElement?.closest('.qm-vrow')?.getAttribute('aria-posinset'))).toBe('2');
    await expect.poll(() => lib.locator('.qm-detail .qm-text').textContent()).not.toBe(text1);
    await lib.keyboard.press('End');
    await expect.poll(() => lib.evaluate(() => { const row = document.activeElement?.closest('.qm-vrow'); return row ? row.getAttribute('aria-posinset') === row.getAttribute('aria-setsize') : false; })).toBe(true);
    // quotes collected while the library is open are offered, not pushed into the list under the reader
    const listed = async () => Number(((await lib.locator('.qm-lib__summary [role=status]').textContent()) ?? '').replace(/\D.*$/, ''));
    const before = await listed();
    const article = await visit(siteA.base + 'transit-followup.html');
    const offer = lib.getByRole('button', { name: /new quotes? collected: show/ });
    await offer.waitFor({ timeout: 15_000 });
    expect(await listed()).toBe(before);
    await offer.click();
    await expect.poll(listed).toBeGreaterThan(before);
    await expect.poll(() => lib.locator('.qm-lib__summary [role=status]').textContent()).toContain(`${await storedQuotes()} quotes stored`);
    await article.close();
    await lib.close();
  });

  it('filters by speaker, site and dates, and sorts', async () => {
    const lib = await library();
    await lib.waitForSelector('.qm-vrow .qm-vrow__text');
    const all = await lib.locator('.qm-vrow').count();
    const speaker = lib.getByRole('combobox', { name: 'Speaker' });
    await speaker.pressSequentially('Brand');
    await expect.poll(() => lib.getByRole('option').first().textContent()).toMatch(/Brandt/);
    await speaker.press('ArrowDown');
    await speaker.press('Enter');
    await expect.poll(() => lib.evaluate(() => location.hash)).toMatch(/speaker=\d+/);
    await expect.poll(async () => new Set(await lib.locator('.qm-vrow .qm-speaker').allTextContents())).toEqual(new Set([expect.stringMatching(/Brandt/)]));
    a11y.push(...(await captureView(lib, 'library-filtered')));
    await lib.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => lib.locator('.qm-vrow').count()).toBe(all);

    await lib.getByLabel('Site', { exact: true }).selectOption('localhost');
    await expect.poll(async () => new Set(await lib.locator('.qm-vrow__meta span:nth-child(2)').allTextContents())).toEqual(new Set(['localhost']));
    await lib.getByLabel('Site', { exact: true }).selectOption('');
    await lib.getByLabel('From').fill('2026-04-03');
    await lib.getByLabel('To').fill('2026-04-03');
    await expect.poll(async () => (await lib.locator('.qm-vrow .qm-vrow__meta').allTextContents()).every((m) => m.includes('3 Apr'))).toBe(true);
    expect(await lib.locator('.qm-vrow').count()).toBeGreaterThan(0);
    await lib.getByRole('button', { name: 'Clear filters' }).click();
    await lib.getByLabel('Order').selectOption('oldest');
    await expect.poll(() => lib.evaluate(() => location.hash)).toContain('sort=oldest');
    await expect.poll(() => lib.locator('.qm-vrow').count()).toBe(all);
    // the oldest article of the samples comes first now
    await expect.poll(() => lib.locator('.qm-vrow').first().locator('.qm-vrow__meta').textContent()).toContain('14 Mar');
    // the filters live in the address: reloading keeps them
    await lib.reload();
    expect(await lib.getByLabel('Order').inputValue()).toBe('oldest');
    await lib.close();
  });

  it('export as JSON, CSV and JSON Lines; a foreign or damaged file is refused and changes nothing; delete all asks first; the export imports back', async () => {
    const lib = await library('#data');
    await lib.waitForSelector('.qm-stats');
    a11y.push(...(await captureView(lib, 'library-data')));
    const stored = await storedQuotes();
    const files: Record<string, string> = {};
    for (const [label, ext] of [
      ['JSON', 'json'],
      ['CSV', 'csv'],
      ['JSON Lines', 'jsonl'],
    ]) {
      const [dl] = await Promise.all([lib.waitForEvent('download'), lib.getByRole('button', { name: `Export as ${label}`, exact: true }).click()]);
      expect(dl.suggestedFilename()).toMatch(new RegExp(`^quotemark-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
      const path = `${UI_SHOTS}/export.${ext}`;
      await dl.saveAs(path);
      files[ext] = readFileSync(path, 'utf8');
    }
    const json = JSON.parse(files.json) as { format: string; quotes: unknown[] };
    expect(json.format).toBe('quotemark-export');
    expect(json.quotes).toHaveLength(stored);
    const csvLines = files.csv.replace(/^\ufeff/, '').trim().split('\n');
    expect(csvLines[0]).toContain('speaker');
    expect(csvLines[0]).toContain('quote');
    expect(files.csv).toContain('cushion');
    const jsonl = files.jsonl.trim().split('\n').map((l) => JSON.parse(l) as { quote: string });
    expect(jsonl).toHaveLength(stored);

    const upload = (name: string, content: string) => lib.setInputFiles('#qm-import-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await upload('notes.json', '{"hello": "world"}');
    await expect.poll(() => lib.locator('#qm-import-result').textContent()).toMatch(/notes\.json was not imported\. .*not a Quotemark export.*Nothing was changed/);
    expect(await lib.locator('#qm-import-result').getAttribute('role')).toBe('alert');
    a11y.push(...(await captureView(lib, 'library-import-refused')));
    await upload('cut.json', files.json.slice(0, files.json.length / 2));
    await expect.poll(() => lib.locator('#qm-import-result').textContent()).toMatch(/cut\.json was not imported/);
    expect(await storedQuotes()).toBe(stored);

    await lib.getByRole('button', { name: 'Delete all…' }).click();
    const confirm = lib.getByRole('dialog', { name: 'Delete all data?' });
    await confirm.waitFor();
    expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
    a11y.push(...(await captureView(lib, 'library-delete-confirm')));
    await lib.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await storedQuotes()).toBe(stored);
    await lib.getByRole('button', { name: 'Delete all…' }).click();
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(storedQuotes).toBe(0);
    const p = await popup();
    await p.getByRole('tab', { name: 'People' }).click();
    await expect.poll(() => p.textContent('.qm-empty')).toContain('Nobody quoted yet');
    await p.getByRole('tab', { name: 'Recent' }).click();
    await expect.poll(() => p.textContent('.qm-empty')).toContain('Nothing collected yet');
    a11y.push(...(await captureView(p, 'popup-recent-empty')));

    await upload('export.json', files.json);
    await expect.poll(() => lib.locator('#qm-import-result').textContent()).toMatch(new RegExp(`Imported: ${stored} quotes`));
    expect(await storedQuotes()).toBe(stored);
    await upload('export.json', files.json);
    await expect.poll(() => lib.locator('#qm-import-result').textContent()).toMatch(new RegExp(`Imported: no quotes.*${stored} quotes were already here`));
    await p.close();
    await lib.close();
  });

  it('settings in the library and the options page', async () => {
    const lib = await library('#settings');
    await lib.getByRole('switch', { name: /Collect quotes as I read/ }).waitFor();
    await lib.getByLabel('Site', { exact: true }).fill('www.Example.org');
    await lib.getByLabel('Collect').selectOption('ask');
    await lib.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => lib.locator('.qm-site-list').textContent()).toContain('example.org');
    a11y.push(...(await captureView(lib, 'library-settings')));
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1000, height: 700 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('.qm-site-list').textContent()).toContain('example.org');
    expect(await options.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Settings', 'Data']);
    a11y.push(...(await captureView(options, 'options')));
    await options.getByRole('button', { name: 'Remove the rule for example.org' }).click();
    await expect.poll(() => lib.locator('.qm-site-list').count()).toBe(0);
    await options.close();
    await lib.close();
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
