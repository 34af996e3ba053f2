/**
 * Private windows (issue 8), in real Chromium: with Quotemark allowed in incognito (the user's
 * choice on chrome://extensions), a page read in an incognito tab is still refused by the
 * background and nothing is stored, until "Collect in private windows" is turned on. The messages
 * are sent from the content script's own world in the incognito tab, so the background sees the
 * real sender (`sender.tab.incognito`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, chromiumPath } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { BrowserCdp } from './cdp';
import { openProbe, readStore, tabReplies } from './store-probe';

let context: BrowserContext;
let userDataDir: string;
let cdp: BrowserCdp;
let site: StaticServer;
let extensionId: string;
let probe: Page;

type Chrome = { chrome: { storage: { local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> } } } };

beforeAll(async () => {
  site = await serveDir(SAMPLES_DIR, '127.0.0.1');
  userDataDir = mkdtempSync(join(tmpdir(), 'qm-private-'));
  // loaded through the DevTools protocol, not --load-extension: an extension loaded from the
  // command line is switched off when its incognito access changes
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', '--enable-unsafe-extension-debugging'],
  });
  cdp = await BrowserCdp.connect(userDataDir);
  ({ id: extensionId } = await cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: CHROME_BUILD }));
});

afterAll(async () => {
  cdp?.close();
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await site?.close();
});

/** Open `url` in a new incognito window; returns a session on its tab. */
async function incognitoTab(url: string): Promise<string> {
  const { browserContextId } = await cdp.send<{ browserContextId: string }>('Target.createBrowserContext');
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url, browserContextId });
  return cdp.attach(targetId);
}

/** The id of Quotemark's content-script world in a tab (waits for the content script to run). */
async function contentWorld(session: string): Promise<number> {
  const worlds: { id: number; origin: string }[] = [];
  const off = cdp.on((e) => {
    if (e.method === 'Runtime.executionContextCreated' && e.sessionId === session) {
      const c = e.params.context as { id: number; origin: string };
      worlds.push({ id: c.id, origin: c.origin });
    }
  });
  await cdp.send('Runtime.enable', {}, session);
  await expect.poll(() => worlds.some((w) => w.origin === `chrome-extension://${extensionId}`), { timeout: 15_000 }).toBe(true);
  off();
  return worlds.find((w) => w.origin === `chrome-extension://${extensionId}`)!.id;
}

/** Send a page read from the content script's world in a tab, as the content script does; the background's reply. */
async function sendRead(session: string, world: number, url: string): Promise<{ ok: boolean; error?: string; value?: { saved: { added: number } | null } }> {
  const read = {
    meta: { url, canonicalUrl: url, site: new URL(url).hostname, siteName: null, title: 'A private read', authors: [], published: null, lang: 'en' },
    blocks: [{ kind: 'paragraph', text: '“Nobody should know I read this,” said Dana Whitfield, a neighbour.' }],
  };
  const r = await cdp.send<{ result: { value: { ok: boolean; error?: string } } }>('Runtime.evaluate', { expression: `chrome.runtime.sendMessage(${JSON.stringify({ type: 'page/read', read })})`, contextId: world, awaitPromise: true, returnByValue: true }, session);
  return r.result.value;
}

describe('private windows', () => {
  it('nothing from an incognito tab is stored until "Collect in private windows" is on', async () => {
    // what a person does: developer mode on, then "Allow in Incognito" on the extension's details
    const settings = await context.newPage();
    await settings.goto('chrome://extensions/');
    await settings.locator('#devMode').click();
    await settings.goto(`chrome://extensions/?id=${extensionId}`);
    await settings.locator('#allow-incognito').click();
    await expect.poll(() => settings.locator('extensions-detail-view').evaluate((e) => (e as unknown as { data?: { state?: string; incognitoAccess?: { isActive?: boolean } } }).data), { timeout: 15_000 }).toMatchObject({ state: 'ENABLED', incognitoAccess: { isActive: true } });
    await settings.close();
    probe = await openProbe(context, extensionId);

    // a normal tab is collected
    const normal = await context.newPage();
    await normal.goto(site.base + 'harbor-letter.html', { waitUntil: 'load' });
    await expect.poll(async () => (await tabReplies(probe)).filter((t) => t.found > 0).length, { timeout: 20_000 }).toBe(1);
    const before = await readStore(probe);
    expect(before.articles.map((a) => a.url)).toEqual([site.base + 'harbor-letter.html']);

    // an incognito tab: the content script runs there (the user allowed it), the background refuses
    const privateUrl = site.base + 'ferry-strike.html';
    const session = await incognitoTab(privateUrl);
    const world = await contentWorld(session);
    const refused = await sendRead(session, world, privateUrl + '?again');
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^not saved: this is a private window/) });
    expect(await readStore(probe)).toEqual(before);

    // turned on: the same tab's reads are collected
    await probe.evaluate(async () => {
      const c = (globalThis as unknown as Chrome).chrome;
      const { settings } = await c.storage.local.get('settings');
      await c.storage.local.set({ settings: { ...settings, privateWindows: true } });
    });
    const accepted = await sendRead(session, world, privateUrl + '?again');
    expect(accepted).toMatchObject({ ok: true, value: { saved: { added: 1 } } });
    // and the page itself, read again by its content script
    await cdp.send('Page.reload', {}, session);
    await expect.poll(async () => (await readStore(probe)).articles.map((a) => a.url).sort(), { timeout: 20_000 }).toEqual([site.base + 'harbor-letter.html', privateUrl, privateUrl + '?again'].sort());
    console.log('private windows: incognito page read refused with the setting off (store unchanged), collected with it on');
  });
});
