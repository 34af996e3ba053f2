/**
 * Pages that change, in real Chromium with the built extension: a body that arrives two seconds
 * after load, "load more", infinite scroll, and a single-page site moving between articles. Each
 * ends with each article's quotes stored once, checked in the extension's IndexedDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { serveDir, type StaticServer } from '../../scripts/support/server';
import { FIXTURES, expectedQuotes, fillFrom, fixtureHtml, normalised, storedArticles } from './page-helpers';

let browser: ExtensionBrowser;
let site: StaticServer;

beforeAll(async () => {
  const spa = () => fixtureHtml('spa.html');
  const infinite = () => fixtureHtml('infinite.html');
  site = await serveDir(FIXTURES, '127.0.0.1', {
    '/spa/lighthouse-keeper': spa,
    '/spa/ferry-timetable': spa,
    '/infinite/storm-coast-road': infinite,
    '/infinite/library-fines': infinite,
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function articleAt(url: string) {
  return (await storedArticles(browser.worker)).find((a) => a.url === url || a.urls.includes(url));
}

describe('pages that change, in Chromium', () => {
  it('an article whose body arrives 2 s after load is stored once, whole', async () => {
    const url = site.base + 'late-body.html';
    const expected = expectedQuotes(fixtureHtml('late-body.html'), url, (doc) => fillFrom(doc, 'story-text', 'story-body'));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect.poll(async () => normalised((await articleAt(url))?.quotes ?? []), { timeout: 15_000 }).toEqual(expected);
    // nothing more arrives later, and there is one article for the page
    await page.waitForTimeout(1_500); // a fixed wait here checks that nothing *else* happens
    const all = await storedArticles(browser.worker);
    expect(all.filter((a) => a.url === url || a.urls.includes(url))).toHaveLength(1);
    expect(normalised((await articleAt(url))!.quotes)).toEqual(expected);
    await page.close();
  });

  it('"load more" adds the new quotes to the same article, each once', async () => {
    const url = site.base + 'load-more.html';
    const before = expectedQuotes(fixtureHtml('load-more.html'), url);
    const after = expectedQuotes(fixtureHtml('load-more.html'), url, (doc) => fillFrom(doc, 'rest', 'story-text', false));
    expect(after.length).toBeGreaterThan(before.length);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect.poll(async () => normalised((await articleAt(url))?.quotes ?? []), { timeout: 15_000 }).toEqual(before);
    await page.click('#more');
    await expect.poll(async () => normalised((await articleAt(url))?.quotes ?? []), { timeout: 15_000 }).toEqual(after);
    expect((await storedArticles(browser.worker)).filter((a) => a.url === url || a.urls.includes(url))).toHaveLength(1);
    await page.close();
  });

  it('a single-page site: each article is stored under its own address with its own quotes, once', async () => {
    const first = site.base + 'spa/lighthouse-keeper';
    const second = site.base + 'spa/ferry-timetable';
    const html = fixtureHtml('spa.html');
    const firstExpected = expectedQuotes(html, first, (doc) => fillFrom(doc, 'lighthouse-keeper', 'app'));
    const secondExpected = expectedQuotes(html, second, (doc) => fillFrom(doc, 'ferry-timetable', 'app'));
    const page = await browser.context.newPage();
    await page.goto(first, { waitUntil: 'load' });
    await expect.poll(async () => normalised((await articleAt(first))?.quotes ?? []), { timeout: 15_000 }).toEqual(firstExpected);

    await page.click('#to-ferry');
    await expect.poll(async () => normalised((await articleAt(second))?.quotes ?? []), { timeout: 15_000 }).toEqual(secondExpected);
    const stored = await storedArticles(browser.worker);
    const a = stored.find((x) => x.url === first)!;
    const b = stored.find((x) => x.url === second)!;
    expect(normalised(a.quotes)).toEqual(firstExpected); // the first article was not overwritten by the second
    expect(b.title).toBe('Ferry timetable changes for the summer season');
    expect(b.quotes.filter((q) => a.quotes.includes(q))).toEqual([]);

    // back to the first article: nothing is added or duplicated
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Lighthouse'));
    await page.waitForTimeout(1_500); // a fixed wait here checks that nothing *else* happens
    const after = await storedArticles(browser.worker);
    expect(after.filter((x) => x.url.includes('/spa/'))).toHaveLength(2);
    expect(normalised(after.find((x) => x.url === first)!.quotes)).toEqual(firstExpected);
    expect(normalised(after.find((x) => x.url === second)!.quotes)).toEqual(secondExpected);
    await page.close();
  });

  it('infinite scroll: the appended story is stored under the address it moves to, the first story stays as it was', async () => {
    const first = site.base + 'infinite/storm-coast-road';
    const second = site.base + 'infinite/library-fines';
    const html = fixtureHtml('infinite.html');
    const firstExpected = expectedQuotes(html, first);
    const secondExpected = expectedQuotes(html, second, (doc) => {
      doc.querySelector('article')!.remove();
      fillFrom(doc, 'next-story', 'stories', false);
    });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 400 });
    await page.goto(first, { waitUntil: 'load' });
    await expect.poll(async () => normalised((await articleAt(first))?.quotes ?? []), { timeout: 15_000 }).toEqual(firstExpected);
    await page.mouse.wheel(0, 5000);
    await page.waitForURL(second);
    await expect.poll(async () => normalised((await articleAt(second))?.quotes ?? []), { timeout: 15_000 }).toEqual(secondExpected);
    const stored = await storedArticles(browser.worker);
    expect(normalised(stored.find((a) => a.url === first)!.quotes)).toEqual(firstExpected);
    expect(stored.find((a) => a.url === second)!.title).toBe('Library ends late fines for children’s books');
    await page.close();
  });
});
