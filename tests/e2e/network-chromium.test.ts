/**
 * No network (issue 8): every request made in a session of real Chromium is recorded, from before
 * the extension is installed to the end: installing it, visiting articles, opening the popup, the
 * library and the options page, exporting. None is made by the extension except loads of its own
 * files. Requests are recorded through the DevTools protocol on every target as it starts (the
 * service worker included, held at its first instruction until recording is on), with Playwright's
 * own request events as a second witness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, chromiumPath } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { expectedFor } from '../../scripts/support/samples';
import { BrowserCdp, type CdpEvent } from './cdp';
import { openProbe, readStore } from './store-probe';

interface Seen {
  /** The browser's id of the request (one request reaches every session attached to its target). */
  id: string;
  url: string;
  /** The kind and address of the target (page, service worker) the request was made in. */
  target: string;
  targetUrl: string;
  /** The document (or worker) the request was made for. */
  documentUrl: string;
  /** Script URLs on the initiator's stack (a content script's fetch shows its own file here). */
  initiators: string[];
}

let context: BrowserContext;
let userDataDir: string;
let cdp: BrowserCdp;
let siteA: StaticServer;
let siteB: StaticServer;
let extensionId: string;
const seen: Seen[] = [];
const witnessed: string[] = [];
const targets = new Map<string, { type: string; url: string }>();

function initiatorUrls(initiator: unknown): string[] {
  const out: string[] = [];
  const i = initiator as { url?: string; stack?: { callFrames?: { url: string }[]; parent?: unknown } } | undefined;
  if (i?.url) out.push(i.url);
  let stack = i?.stack;
  while (stack) {
    for (const f of stack.callFrames ?? []) out.push(f.url);
    stack = stack.parent as typeof stack;
  }
  return out;
}

/** Record every request of a target from its start: network on, then let it run. */
async function record(e: CdpEvent): Promise<void> {
  if (e.method === 'Target.attachedToTarget') {
    const sessionId = e.params.sessionId as string;
    const info = e.params.targetInfo as { type: string; url: string };
    targets.set(sessionId, info);
    await cdp.send('Network.enable', {}, sessionId).catch(() => undefined);
    // frames and workers a page starts are recorded too
    if (info.type === 'page' || info.type === 'iframe') await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId).catch(() => undefined);
    await cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  } else if (e.method === 'Network.requestWillBeSent' && e.sessionId) {
    const t = targets.get(e.sessionId);
    const req = e.params.request as { url: string };
    const id = `${String(e.params.requestId)} ${req.url}`;
    if (seen.some((s) => s.id === id)) return;
    seen.push({ id, url: req.url, target: t?.type ?? '?', targetUrl: t?.url ?? '?', documentUrl: String(e.params.documentURL ?? ''), initiators: initiatorUrls(e.params.initiator) });
  }
}

const own = (url: string) => url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith(`blob:chrome-extension://${extensionId}/`) || url.startsWith('data:');
/** The test sites, and the browser's own built-in resources (chrome://, its omnibox and theme: not network). */
const local = (url: string) => url.startsWith(siteA.base) || url.startsWith(siteB.base) || url.startsWith('chrome://');
/** Made by the extension: for one of its own pages, in its worker, or by its content script. */
const byExtension = (s: Seen) => [s.targetUrl, s.documentUrl, ...s.initiators].some((u) => u.startsWith('chrome-extension://'));

async function newPage(url: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(url, { waitUntil: 'load' });
  return p;
}

beforeAll(async () => {
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost');
  userDataDir = mkdtempSync(join(tmpdir(), 'qm-network-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP localhost 127.0.0.1', '--remote-debugging-port=0', '--enable-unsafe-extension-debugging'],
  });
  context.on('request', (r) => witnessed.push(r.url()));
  cdp = await BrowserCdp.connect(userDataDir);
  cdp.on((e) => void record(e));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
});

afterAll(async () => {
  cdp?.close();
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await siteA?.close();
  await siteB?.close();
});

describe('no network', () => {
  it('the extension makes no request but for its own files: install, visits, popup, library, export', async () => {
    // install, recorded from the service worker's start
    ({ id: extensionId } = await cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: CHROME_BUILD }));
    await cdp.serviceWorker(extensionId);

    const visits = ['harbor-letter.html', 'transit-vote.html', 'ferry-strike.html'].map((f) => siteA.base + f).concat([siteB.base + 'transit-followup.html', siteB.base + 'search.html']);
    const pages = [];
    for (const u of visits) pages.push(await newPage(u));
    const probe = await openProbe(context, extensionId);
    const want = ['harbor-letter.html', 'transit-vote.html', 'ferry-strike.html', 'transit-followup.html'].reduce((n, f) => n + expectedFor(f).length, 0);
    await expect.poll(async () => (await readStore(probe)).quotes.length, { timeout: 20_000 }).toBe(want);

    const popup = await newPage(`chrome-extension://${extensionId}/popup.html?url=${encodeURIComponent(visits[0])}`);
    await popup.waitForSelector('.qm-quote');
    await popup.getByRole('tab', { name: 'People' }).click();
    await popup.waitForSelector('.qm-person');
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.keyboard.type('council');
    await popup.getByRole('tab', { name: 'Recent' }).click();

    const library = await newPage(`chrome-extension://${extensionId}/library.html#data`);
    await library.waitForSelector('.qm-stats');
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export as JSON', exact: true }).click()]);
    expect(await download.failure()).toBeNull();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await library.waitForSelector('.qm-lib');
    await newPage(`chrome-extension://${extensionId}/options.html`);

    const recordedTargets = [...targets.values()];
    expect(recordedTargets.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
    const extensionRequests = seen.filter(byExtension);
    // the recorder saw the extension's own pages load (it is looking), and nothing else from it
    expect(extensionRequests.filter((s) => s.url.endsWith('popup.html') || s.url.includes('library.html')).length).toBeGreaterThan(0);
    expect(extensionRequests.filter((s) => !own(s.url))).toEqual([]);
    // and nothing at all in this session went anywhere but the test sites and the extension's files
    expect(seen.filter((s) => !own(s.url) && !local(s.url))).toEqual([]);
    expect(witnessed.filter((u) => !own(u) && !local(u))).toEqual([]);
    const internal = seen.filter((x) => x.url.startsWith('chrome://')).length;
    console.log(`no network: ${seen.length} requests recorded on ${recordedTargets.length} targets (${internal} of them the browser's own chrome:// resources; ${witnessed.length} seen by Playwright); ${extensionRequests.length} by the extension, all to its own files; 0 to anywhere else`);

    // the recorder would have caught one: a request made from the worker is seen and flagged
    const sw = await cdp.serviceWorker(extensionId);
    const session = [...targets.entries()].find(([, t]) => t.type === 'service_worker' && t.url === sw.url)?.[0];
    expect(session).toBeDefined();
    // A fetch from the worker is recorded (the extension's own manifest, the only address its CSP,
    // connect-src 'none', does not refuse as a web request), and one to a web address is refused by
    // the CSP before it leaves: the fetch fails and nothing is recorded.
    const canary = await cdp.send(
      'Runtime.evaluate',
      {
        expression: `(async () => {
          const mine = await fetch(chrome.runtime.getURL('manifest.json?canary')).then((r) => r.ok, () => 'refused');
          const web = await fetch(${JSON.stringify(siteA.base + 'canary')}).then(() => 'fetched', () => 'refused');
          return mine + ' ' + web;
        })()`,
        awaitPromise: true,
        returnByValue: true,
      },
      session,
    );
    expect((canary as { result: { value: string } }).result.value).toBe('true refused');
    await expect.poll(() => seen.filter(byExtension).some((s) => s.url.endsWith('manifest.json?canary'))).toBe(true);
    expect(seen.filter(byExtension).filter((s) => !own(s.url))).toEqual([]);
    for (const p of context.pages()) await p.close();
  });
});
