/**
 * The popup, the library and the page UI in real Firefox ESR with the built extension, driven
 * over WebDriver BiDi with real pointer and key input. Every view is screenshotted light and
 * dark under test-results/ui/firefox/ and checked with axe-core.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/support/firefox';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { WIRE_COPY_HTML } from './fixtures/wire-copy';
import { captureFirefoxView, FirefoxTab, UI_SHOTS } from './ui-support';

/**
 * Wait until the content script of the tab at `url` answers (its listener is registered once the
 * background has answered its page read), asked from an extension page. A tab that does not answer
 * (still loading, or with no listener) is given half a second, so one silent tab cannot stall the wait.
 */
async function waitForTab(from: FirefoxTab, url: string): Promise<void> {
  await from.waitFor(`(async () => { for (const t of await browser.tabs.query({})) { const s = await Promise.race([browser.tabs.sendMessage(t.id, { type: 'tab/status' }).catch(() => null), new Promise((r) => setTimeout(() => r(null), 500))]); if (s?.url === ${JSON.stringify(url)}) return true; } return false; })()`);
}

let ff: FirefoxWithExtension;
let siteA: StaticServer;
let siteB: StaticServer;
const a11y: string[] = [];

function popupUrl(query = ''): string {
  return `${ff.extensionBase}popup.html${query}`;
}

beforeAll(async () => {
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost', { '/wire-copy.html': () => WIRE_COPY_HTML });
  ff = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await ff?.close();
  await siteA?.close();
  await siteB?.close();
  if (a11y.length) console.log(`axe findings:\n${a11y.join('\n')}`);
});

describe('the popup in Firefox', () => {
  it('empty states, then This page grouped by speaker once articles are read', async () => {
    const empty = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteA.base + 'search.html')}`));
    await empty.waitFor(`document.querySelector('.qm-empty')?.textContent.includes('No quotes collected on this page')`);
    a11y.push(...(await captureFirefoxView(empty, 'popup-page-empty')));
    await empty.close();

    const tabs: FirefoxTab[] = [];
    for (const [site, file] of [
      [siteA, 'transit-vote.html'],
      [siteA, 'harbor-letter.html'],
      [siteB, 'transit-followup.html'],
    ] as const)
      tabs.push(await FirefoxTab.open(ff, site.base + file, { width: 900, height: 700 }));
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteA.base + 'transit-vote.html')}`));
    await p.waitFor(`document.querySelectorAll('.qm-group').length >= 2`);
    const groups = await p.eval<{ speaker: string; quotes: number }[]>(`[...document.querySelectorAll('.qm-group')].map((g) => ({ speaker: g.querySelector('.qm-speaker').textContent, quotes: g.querySelectorAll('.qm-quote').length }))`);
    expect(groups.reduce((n, g) => n + g.quotes, 0)).toBe(await p.eval<number>(`document.querySelectorAll('.qm-quote').length`));
    expect(new Set(groups.map((g) => g.speaker)).size).toBe(groups.length);
    a11y.push(...(await captureFirefoxView(p, 'popup-this-page')));
    await p.close();
    for (const t of tabs) await t.close();
  });

  it('clicking a quote scrolls its page to it', async () => {
    const article = await FirefoxTab.open(ff, siteA.base + 'harbor-letter.html', { width: 700, height: 260 });
    expect(await article.eval<number>('window.scrollY')).toBe(0);
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteA.base + 'harbor-letter.html')}`));
    await p.waitFor(`document.querySelectorAll('.qm-quote').length > 3`);
    // the popup lists the quotes stored earlier at once; the tab answers once its own read is back
    await waitForTab(p, siteA.base + 'harbor-letter.html');
    const lastText = await p.eval<string>(`[...document.querySelectorAll('.qm-quote .qm-text')].at(-1).textContent`);
    await p.click('.qm-quote .qm-quote__text', lastText.slice(0, 30));
    await article.waitFor('window.scrollY > 100', 5000);
    // the page got Quotemark's layer (a single host element; its shadow root is closed)
    expect(await article.eval<number>(`document.querySelectorAll('quotemark-layer').length`)).toBe(1);
    await p.close();
    await article.close();
  });

  it('keyboard: arrow keys move between tabs, Enter opens a speaker, Escape goes back', async () => {
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteA.base + 'transit-vote.html')}`));
    await p.waitFor(`document.querySelector('.qm-quote')`);
    await p.eval(`(document.querySelector('[role=tab][aria-selected=true]').focus(), true)`);
    await p.press('ArrowRight');
    await p.waitFor(`document.activeElement?.textContent === 'People' && document.activeElement.getAttribute('aria-selected') === 'true'`);
    await p.waitFor(`document.querySelector('.qm-person')`);
    a11y.push(...(await captureFirefoxView(p, 'popup-people')));
    await p.press('Tab', 'Tab', 'Tab'); // the filter, the order, the first person
    const first = await p.eval<string>(`document.activeElement.querySelector('.qm-name')?.textContent ?? ''`);
    expect(first).not.toBe('');
    await p.press('Enter');
    await p.waitFor(`document.querySelector('.qm-speaker-page h2')?.textContent === ${JSON.stringify(first)}`);
    await p.press('Escape');
    await p.waitFor(`document.querySelector('.qm-person')`);
    await p.close();
  });

  it('settings: highlights on and off from the popup; pausing stops collecting', async () => {
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteB.base + 'ferry-strike.html')}`));
    await p.click('button[aria-label=Settings]');
    await p.waitFor(`document.querySelector('[role=switch]')`);
    a11y.push(...(await captureFirefoxView(p, 'popup-settings')));
    await p.click('[role=switch]', 'Highlight quotes on pages');
    await p.waitFor(`[...document.querySelectorAll('[role=switch]')].find((s) => s.textContent.includes('Highlight')).getAttribute('aria-checked') === 'true'`);
    const lit = await FirefoxTab.open(ff, siteA.base + 'transit-vote.html', { width: 900, height: 700 });
    await waitForTab(p, siteA.base + 'transit-vote.html');
    await lit.waitFor(`document.querySelectorAll('quotemark-layer').length === 1`);
    await lit.close();

    await p.click('[role=switch]', 'Collect quotes as I read');
    await p.waitFor(`document.querySelector('.qm-pill')?.textContent === 'Paused'`);
    const article = await FirefoxTab.open(ff, siteB.base + 'ferry-strike.html');
    const p2 = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(siteB.base + 'ferry-strike.html')}`));
    await p2.waitFor(`document.querySelector('.qm-empty')?.textContent.includes('Collecting is paused')`);
    await p2.click('.qm-empty button');
    await p2.waitFor(`document.querySelector('.qm-quote')`);
    await p.click('[role=switch]', 'Collect quotes as I read');
    await p.waitFor(`!document.querySelector('.qm-pill')`);
    for (const t of [p, p2, article]) await t.close();
  });
});


describe('people, search, corrections and the library in Firefox', () => {
  it('People: filter as you type; a speaker’s page shows a statement also on another site with the differing words marked', async () => {
    const tabs = [await FirefoxTab.open(ff, siteB.base + 'transit-vote.html'), await FirefoxTab.open(ff, siteB.base + 'wire-copy.html')];
    const p = await FirefoxTab.open(ff, popupUrl());
    await p.click('[role=tab]', 'People');
    await p.waitFor(`document.querySelectorAll('.qm-person').length > 2`);
    await p.click('#qm-people-filter');
    await p.type('oka');
    await p.waitFor(`document.querySelectorAll('.qm-person').length === 1 && document.querySelector('.qm-person .qm-name').textContent.includes('Okafor')`);
    a11y.push(...(await captureFirefoxView(p, 'popup-people-filtered')));
    await p.press('Escape');
    await p.waitFor(`document.querySelectorAll('.qm-person').length > 2`);
    await p.click('.qm-person__btn', 'Okafor');
    await p.waitFor(`[...document.querySelectorAll('.qm-speaker-page .qm-also summary')].some((s) => /worded differently by 1 of \\d/.test(s.textContent))`, 20_000);
    await p.click('.qm-speaker-page .qm-also summary', 'worded differently');
    await p.waitFor(`[...document.querySelectorAll('.qm-speaker-page mark.qm-diff-ins')].some((m) => m.textContent.includes('three in the morning'))`);
    const hrefs = await p.eval<string[]>(`[...document.querySelectorAll('.qm-speaker-page .qm-source')].map((a) => a.getAttribute('href'))`);
    for (const h of hrefs) expect(h).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/[\w-]+\.html#:~:text=/);
    a11y.push(...(await captureFirefoxView(p, 'popup-speaker')));
    await p.close();
    for (const t of tabs) await t.close();
  });

  it('Search as you type and Recent', async () => {
    const p = await FirefoxTab.open(ff, popupUrl());
    await p.waitFor(`document.querySelector('.qm-panel')`);
    await p.eval(`(document.body.focus(), true)`);
    await p.press('/');
    await p.waitFor(`document.activeElement?.id === 'qm-search-input'`);
    await p.type('cush');
    await p.waitFor(`[...document.querySelectorAll('.qm-quote mark')].map((m) => m.textContent).join() === 'cushion'`);
    a11y.push(...(await captureFirefoxView(p, 'popup-search')));
    await p.click('[role=tab]', 'Recent');
    await p.waitFor(`document.querySelectorAll('.qm-quote').length > 3 && /Collected/.test(document.querySelector('.qm-quote').textContent)`);
    a11y.push(...(await captureFirefoxView(p, 'popup-recent')));
    await p.close();
  });

  it('fix a speaker by typing in the dialog', async () => {
    const url = siteB.base + 'transit-vote.html';
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(url)}`));
    await p.waitFor(`document.querySelector('.qm-quote')`);
    await p.click('button[aria-label^="Fix speaker of “The numbers are there"]');
    await p.waitFor(`document.querySelector('dialog[open] [role=combobox]') === document.activeElement`);
    a11y.push(...(await captureFirefoxView(p, 'popup-fix-speaker')));
    await p.eval(`(document.activeElement.select(), true)`);
    await p.type('Pat Quinlan');
    await p.press('Enter');
    await p.waitFor(`!document.querySelector('dialog[open]')`);
    await p.waitFor(`[...document.querySelectorAll('.qm-quote')].find((q) => q.textContent.includes('The numbers are there'))?.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent === 'Pat Quinlan'`);
    await p.close();
  });

  it('the library: rows render, arrow keys move the selection, a foreign file is refused on import', async () => {
    const lib = await FirefoxTab.open(ff, `${ff.extensionBase}library.html`, { width: 1280, height: 800 });
    await lib.waitFor(`document.querySelector('.qm-vrow .qm-vrow__text')`);
    a11y.push(...(await captureFirefoxView(lib, 'library-quotes')));
    await lib.click('.qm-vrow__btn[tabindex="0"]');
    await lib.press('ArrowDown', 'ArrowDown');
    await lib.waitFor(`document.activeElement?.closest('.qm-vrow')?.getAttribute('aria-posinset') === '3'`);
    await lib.waitFor(`document.querySelector('.qm-detail .qm-text').textContent === document.activeElement.querySelector('.qm-vrow__text').textContent`);

    await lib.goto(`${ff.extensionBase}library.html#data`);
    await lib.waitFor(`document.querySelector('.qm-stats')`);
    a11y.push(...(await captureFirefoxView(lib, 'library-data')));
    const dir = resolve(UI_SHOTS, 'firefox');
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, 'not-an-export.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    const node = await ff.bidi.send<{ result: { sharedId: string } }>('script.evaluate', { expression: `document.querySelector('#qm-import-file')`, target: { context: lib.context }, awaitPromise: false });
    await ff.bidi.send('input.setFiles', { context: lib.context, element: { sharedId: node.result.sharedId }, files: [file] });
    await lib.waitFor(`/not-an-export\\.json was not imported\\. .*not a Quotemark export.*Nothing was changed/.test(document.querySelector('#qm-import-result')?.textContent ?? '')`);
    await lib.close();
  });

  it('"Save as quote…" window: type the speaker, save', async () => {
    const url = siteB.base + 'transit-vote.html';
    const w = await FirefoxTab.open(ff, `${ff.extensionBase}save-quote.html?${new URLSearchParams({ text: 'Okafor said ridership on the pilot route had doubled since January.', url, title: 'Council backs night buses' })}`, { width: 480, height: 560 });
    await w.waitFor(`document.activeElement?.getAttribute('role') === 'combobox'`);
    await w.type('Okaf');
    // the list answers each keystroke: wait for the answer to the whole prefix (an earlier one may list other speakers first)
    await w.waitFor(`/Okafor/.test(document.querySelector('[role=option]')?.textContent ?? '')`);
    await w.press('ArrowDown', 'Enter');
    await w.waitFor(`/Okafor/.test(document.activeElement.value)`);
    a11y.push(...(await captureFirefoxView(w, 'save-quote')));
    await w.click('button[type=submit]');
    await w.waitFor(`document.body.textContent.includes('Quote saved')`);
    const p = await FirefoxTab.open(ff, popupUrl(`?url=${encodeURIComponent(url)}`));
    await p.waitFor(`/Okafor/.test([...document.querySelectorAll('.qm-quote')].find((q) => q.textContent.includes('ridership on the pilot route'))?.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent ?? '')`);
    await p.close();
    await w.close();
  });
});

describe('accessibility in Firefox', () => {
  it('the axe check finds a violation when there is one (the check itself works)', async () => {
    const p = await FirefoxTab.open(ff, popupUrl());
    await p.eval(`(document.body.append(document.createElement('button')), true)`);
    expect((await p.axe()).map((f) => f.id)).toContain('button-name');
    await p.close();
  });

  it('has no serious or critical axe violations in any view, light or dark', () => {
    expect(a11y).toEqual([]);
  });
});
