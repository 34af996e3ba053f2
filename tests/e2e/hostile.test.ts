/**
 * Hostile pages in real Chromium with the built extension.
 *
 * hostile.html breaks the built-ins of its own world before the content script runs
 * (Array.prototype.map, JSON.parse, String.prototype.trim, the Node.prototype.textContent getter,
 * querySelectorAll, addEventListener, Promise.prototype.then, MutationObserver, ...), records every
 * error, rejection and message it can see, and snapshots its own globals and DOM. The content script
 * runs in an isolated world: the page sees nothing of it, and it still stores the article's quotes,
 * also after the page forges WXT's 'newer copy started' and address-change events.
 *
 * injection.html carries markup and script-like strings in its quotes, title, author and links
 * (`<img src=x onerror=...>`, `javascript:` canonical and og:url, `javascript:`/`data:` links): the
 * popup shows them as text and makes no link of a non-http(s) URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { serveDir, type StaticServer } from '../../scripts/support/server';
import { FIXTURES, storedArticles } from './page-helpers';

let browser: ExtensionBrowser;
let site: StaticServer;

interface Recorded {
  errors: string[];
  rejections: string[];
  messages: string[];
  events: string[];
  globalsBefore: string[];
  documentBefore: string[];
  htmlBefore: string;
}

beforeAll(async () => {
  site = await serveDir(FIXTURES, '127.0.0.1');
  browser = await launchWithExtension();
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a page that breaks its own built-ins, in Chromium', () => {
  it('sees no error, no message and no change of its globals or DOM, and its quotes are still stored', async () => {
    const url = `${site.base}hostile.html?id=${browser.extensionId}`;
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    // the pass is over when the article is stored (read from the service worker)
    await expect.poll(async () => (await storedArticles(browser.worker)).find((a) => a.urls.includes(url))?.quotes.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const stored = (await storedArticles(browser.worker)).find((a) => a.urls.includes(url))!;
    expect(stored.quotes.join('\n')).toContain('ninety years');
    expect(stored.quotes.join('\n')).toContain('Every blast rattles the windows');
    expect(stored.quotes.join('\n')).toContain('weigh the noise studies');
    expect(stored.title).toContain('Quarry expansion');
    // The page's own view. Playwright's page.evaluate serialises its answer with the page's (broken)
    // built-ins, so ask through the DevTools protocol, whose answer is serialised by V8 itself; the
    // expression uses only what the page left intact.
    const cdp = await browser.context.newCDPSession(page);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      returnByValue: true,
      expression: `(() => {
        const rec = window.__hostile;
        return {
          errors: rec.errors, rejections: rec.rejections, messages: rec.messages, events: rec.events,
          globalsBefore: rec.globalsBefore, globalsAfter: Object.getOwnPropertyNames(window),
          documentBefore: rec.documentBefore, documentAfter: Object.getOwnPropertyNames(document),
          htmlSame: rec.htmlBefore === document.documentElement.outerHTML, htmlBeforeLength: rec.htmlBefore.length,
        };
      })()`,
    });
    expect(exceptionDetails).toBeUndefined();
    const seen = result.value as Omit<Recorded, 'htmlBefore'> & { globalsAfter: string[]; documentAfter: string[]; htmlSame: boolean; htmlBeforeLength: number };
    expect(seen.errors).toEqual([]);
    expect(seen.rejections).toEqual([]);
    expect(seen.messages).toEqual([]);
    expect(seen.events).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(seen.globalsAfter).toEqual(seen.globalsBefore);
    expect(seen.documentAfter).toEqual(seen.documentBefore);
    expect(seen.htmlBeforeLength).toBeGreaterThan(1_000);
    expect(seen.htmlSame).toBe(true);
    // The page forges what a newer copy of the content script and an address change would dispatch
    // (WXT's events, with the extension's id), then adds to the article as a "load more" would: the
    // content script was not switched off, and stores the new quote.
    const forged = await cdp.send('Runtime.evaluate', {
      returnByValue: true,
      expression: `window.__hostile.forge() && window.__hostile.addMore('“The forged events changed nothing at all for the valley,” said Hester Imrie, after the vote.')`,
    });
    expect(forged.result.value).toBe(true);
    await expect
      .poll(async () => (await storedArticles(browser.worker)).find((a) => a.urls.includes(url))?.quotes.some((q) => q.includes('forged events changed nothing')) ?? false, { timeout: 15_000 })
      .toBe(true);
    const errorsAfter = await cdp.send('Runtime.evaluate', { returnByValue: true, expression: 'window.__hostile.errors.length + window.__hostile.rejections.length + window.__hostile.messages.length' });
    expect(errorsAfter.result.value).toBe(0);
    console.log(`hostile page: ${seen.globalsBefore.length} own window keys unchanged, ${stored.quotes.length} quotes stored, 0 errors seen by the page`);
    await page.close();
  });
});

describe('markup and script-like strings in an article, in Chromium', () => {
  it('are stored and shown as text; no javascript: or data: URL is stored or made a link', async () => {
    const url = `${site.base}injection.html`;
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect.poll(async () => (await storedArticles(browser.worker)).find((a) => a.urls.includes(url))?.quotes.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const stored = (await storedArticles(browser.worker)).find((a) => a.urls.includes(url))!;
    // stored under its http address, the javascript: canonical and og:url ignored
    expect(stored.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/injection\.html/);
    for (const u of stored.urls) expect(u).toMatch(/^https?:/);
    expect(stored.quotes.join('\n')).toContain('<img src=x onerror=window.__pwned=8>');

    /** Links the popup may make: to web pages (http/https) and to the extension's own pages. */
    const OWN_OR_WEB = new RegExp(`^(https?:|#|chrome-extension://${browser.extensionId}/)`);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(url)}`);
    await popup.waitForSelector('.qm-quote');
    const view = await popup.evaluate(() => ({
      texts: [...document.querySelectorAll('.qm-quote')].map((q) => q.textContent ?? ''),
      body: document.body.textContent ?? '',
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    }));
    expect(view.texts.join('\n')).toContain('<img src=x onerror=window.__pwned=8>');
    expect(view.texts.join('\n')).toContain('<script>alert(document.cookie)</script>');
    expect(view.images).toBe(0);
    expect(view.scripts).toBe(0);
    expect(view.handlers).toBe(0);
    expect(view.pwned).toBeNull();
    for (const h of view.hrefs) expect(h, `link in the popup: ${h}`).toMatch(OWN_OR_WEB);
    // the library's People view lists the same speakers with their quotes: also text only
    await popup.getByRole('tab', { name: 'People' }).click();
    await popup.locator('.qm-person', { hasText: 'Quillon' }).first().click();
    // a speaker's page lists each quote with a link to its article
    await popup.waitForSelector('a.qm-source');
    const people = await popup.evaluate(() => ({
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    }));
    expect(people.hrefs.length).toBeGreaterThan(0);
    for (const h of people.hrefs) expect(h, `link in the popup: ${h}`).toMatch(OWN_OR_WEB);
    expect(people.hrefs.some((h) => h.startsWith(url))).toBe(true);
    expect(people.images).toBe(0);
    expect(people.pwned).toBeNull();
    console.log(`injection page: ${stored.quotes.length} quotes stored as text, ${people.hrefs.length} links on the speaker's page, all http(s)`);
    await popup.close();
    await page.close();
  });
});
