/**
 * The whole path in real Chromium with the built extension: visit sample articles on two sites,
 * then read who said what through the popup (opened as a tab: headless has no toolbar).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { expectedFor, shown } from '../../scripts/support/samples';

const SHOTS = 'test-results/chromium';

let browser: ExtensionBrowser;
let siteA: StaticServer;
let siteB: StaticServer;

/** Counts straight from the extension's IndexedDB, read inside the service worker. */
async function dbCounts(): Promise<{ articles: number; quotes: number; speakers: number; lastSeen: Record<string, number> }> {
  return browser.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('quotemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          if (!names.includes('articles')) {
            db.close();
            resolve({ articles: 0, quotes: 0, speakers: 0, lastSeen: {} });
            return;
          }
          const tx = db.transaction(['articles', 'quotes', 'speakers'], 'readonly');
          const out = { articles: 0, quotes: 0, speakers: 0, lastSeen: {} as Record<string, number> };
          tx.objectStore('quotes').count().onsuccess = (e) => (out.quotes = (e.target as IDBRequest<number>).result);
          tx.objectStore('speakers').count().onsuccess = (e) => (out.speakers = (e.target as IDBRequest<number>).result);
          tx.objectStore('articles').getAll().onsuccess = (e) => {
            const rows = (e.target as IDBRequest<{ url: string; lastSeen: number }[]>).result;
            out.articles = rows.length;
            for (const r of rows) out.lastSeen[r.url] = r.lastSeen;
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Open a page and leave it open (as a reader would) until the caller closes it. */
async function visit(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function openPopup(query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  return page;
}

/** This page's quotes as shown: each with the speaker of the group it is listed under, in text order. */
async function quotesShown(page: Page): Promise<{ quote: string; speaker: string }[]> {
  const rows = await page.$$eval('.qm-quote', (items) =>
    items.map((li) => ({ quote: li.querySelector('.qm-text')?.textContent ?? '', speaker: li.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent ?? '' })),
  );
  return rows.sort((a, b) => a.quote.localeCompare(b.quote));
}

function byQuote<T extends { quote: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.quote.localeCompare(b.quote));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost');
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await siteA?.close();
  await siteB?.close();
});

describe('Quotemark in Chromium', () => {
  it('stores the quotes of articles on two sites and nothing from a page that is not an article', async () => {
    const pages = [
      await visit(siteA.base + 'harbor-letter.html'),
      await visit(siteA.base + 'transit-vote.html'),
      await visit(siteB.base + 'transit-followup.html'),
      await visit(siteA.base + 'search.html'),
    ];
    const expectedQuotes = ['harbor-letter.html', 'transit-vote.html', 'transit-followup.html'].reduce((n, p) => n + expectedFor(p).length, 0);
    await expect.poll(async () => (await dbCounts()).quotes, { timeout: 15_000 }).toBe(expectedQuotes);
    const counts = await dbCounts();
    expect(counts.articles).toBe(3);
    expect(Object.keys(counts.lastSeen).some((u) => u.includes('search.html'))).toBe(false);
    for (const p of pages) await p.close();
  });

  it('shows this page’s quotes with their speakers in the popup', async () => {
    for (const [site, file] of [
      [siteA, 'harbor-letter.html'],
      [siteA, 'transit-vote.html'],
      [siteB, 'transit-followup.html'],
    ] as const) {
      const popup = await openPopup(`?url=${encodeURIComponent(site.base + file)}`);
      await popup.waitForSelector('.qm-quote');
      const got = await quotesShown(popup);
      expect(got).toEqual(byQuote(expectedFor(file).map((q) => ({ quote: shown(q.quote), speaker: q.speaker }))));
      await popup.screenshot({ path: `${SHOTS}/this-page-${file.replace('.html', '')}.png`, fullPage: true });
      await popup.close();
    }
    const popup = await openPopup(`?url=${encodeURIComponent(siteA.base + 'search.html')}`);
    await expect.poll(() => popup.textContent('.qm-empty')).toContain('No quotes collected on this page');
    await popup.close();
  });

  it('lists people with their counts and the sites that quoted them, and a speaker’s quotes link back', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'People' }).click();
    const okafor = popup.locator('.qm-person', { hasText: 'Ravi Okafor' });
    await expect.poll(() => okafor.locator('.qm-count').textContent()).toBe('3 quotes');
    const sites = (await okafor.locator('.qm-sites').textContent()) ?? '';
    expect(sites.split(/, | and /).sort()).toEqual(['127.0.0.1', 'localhost']);
    // a document ("the letter") belongs to its article: the store does not list it among people
    expect(await popup.locator('.qm-person', { hasText: 'the letter' }).count()).toBe(0);
    await popup.screenshot({ path: `${SHOTS}/people.png`, fullPage: true });

    await okafor.locator('.qm-person__btn').click();
    await popup.waitForSelector('.qm-speaker-page .qm-quote');
    const links = await popup.$$eval('.qm-speaker-page .qm-source', (as) => as.map((a) => ({ site: a.textContent, href: a.getAttribute('href') ?? '' })));
    expect(links.map((l) => l.site).sort()).toEqual(['127.0.0.1', '127.0.0.1', 'localhost']);
    for (const l of links) expect(l.href).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/transit-(vote|followup)\.html#:~:text=/);
    await popup.screenshot({ path: `${SHOTS}/speaker.png`, fullPage: true });
    await popup.close();
  });

  it('adds nothing when a page is visited again', async () => {
    const before = await dbCounts();
    const url = siteA.base + 'harbor-letter.html';
    const page = await visit(url);
    await expect.poll(async () => (await dbCounts()).lastSeen[url] ?? 0, { timeout: 15_000 }).toBeGreaterThan(before.lastSeen[url] ?? 0);
    const after = await dbCounts();
    expect(after.quotes).toBe(before.quotes);
    expect(after.articles).toBe(before.articles);
    expect(after.speakers).toBe(before.speakers);
    await page.close();
  });

  it('updates an open popup live when a page is stored', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'People' }).click();
    await popup.waitForSelector('.qm-person');
    expect(await popup.locator('.qm-person', { hasText: 'Omar Haddad' }).count()).toBe(0);
    const page = await visit(siteB.base + 'ferry-strike.html');
    await expect.poll(() => popup.locator('.qm-person', { hasText: 'Omar Haddad' }).count(), { timeout: 15_000 }).toBe(1);
    await page.close();
    await popup.close();
  });
});
