/**
 * Upgrades (issue 8): a newer version installed over an older one, on a profile with a collection,
 * keeps every quote. Real Chromium: the build is loaded unpacked from a fixed folder with a
 * persistent profile, articles are collected, the browser is closed; the folder is replaced by a
 * build whose manifest has a higher version, and the browser is started again on the same profile.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { expectedFor } from '../../scripts/support/samples';
import { article, routesFor } from './fixtures/newsroom';
import { expectedQuotes } from './page-helpers';
import { openProbe, readStore, tabReplies } from './store-probe';

const GENERATED = [article(30, 5), article(31, 6), article(32, 4)];
const SAMPLES = ['harbor-letter.html', 'transit-vote.html', 'transit-followup.html', 'ferry-strike.html'];

let root: string;
let site: StaticServer;
let running: ExtensionBrowser | null = null;

function install(extDir: string, version?: string): string {
  rmSync(extDir, { recursive: true, force: true });
  cpSync(CHROME_BUILD, extDir, { recursive: true });
  const path = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
  if (version) writeFileSync(path, JSON.stringify({ ...manifest, version }));
  return version ?? manifest.version;
}

/** A version string one patch release above `v` ("0.1.0" → "0.1.1"). */
function nextVersion(v: string): string {
  const parts = v.split('.').map(Number);
  parts[parts.length - 1] += 1;
  return parts.join('.');
}

type Chrome = { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } };
const MY_SETTINGS = { paused: false, highlights: true, privateWindows: false, sites: { 'example.org': 'never' } };

const runningVersion = (b: ExtensionBrowser) => b.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qm-upgrade-'));
  site = await serveDir(SAMPLES_DIR, '127.0.0.1', routesFor(GENERATED));
});

afterAll(async () => {
  await running?.close();
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('upgrades', () => {
  it('installing a newer version over an older one keeps every quote', async () => {
    const extDir = join(root, 'quotemark');
    const profile = join(root, 'profile');
    const oldVersion = install(extDir);

    running = await launchWithExtension(extDir, { userDataDir: profile });
    const firstId = running.extensionId;
    expect(await runningVersion(running)).toBe(oldVersion);
    const urls = [...SAMPLES.map((f) => site.base + f), ...GENERATED.map((a) => site.base + a.path.slice(1))];
    const want = SAMPLES.reduce((n, f) => n + expectedFor(f).length, 0) + GENERATED.reduce((n, a) => n + expectedQuotes(a.html, site.base + a.path.slice(1)).length, 0);
    for (const u of urls) await (await running.context.newPage()).goto(u, { waitUntil: 'load' });
    const probe = await openProbe(running.context, running.extensionId);
    await expect.poll(async () => (await tabReplies(probe)).filter((t) => t.found > 0).length, { timeout: 30_000 }).toBe(urls.length);
    const before = await readStore(probe);
    expect(before.quotes).toHaveLength(want);
    await probe.evaluate((v) => (globalThis as unknown as Chrome).chrome.storage.local.set({ settings: v }), MY_SETTINGS);
    await running.close();
    running = null;

    const newVersion = install(extDir, nextVersion(oldVersion));
    running = await launchWithExtension(extDir, { userDataDir: profile });
    expect(running.extensionId).toBe(firstId);
    expect(await runningVersion(running)).toBe(newVersion);
    const probe2 = await openProbe(running.context, running.extensionId);
    const after = await readStore(probe2);
    expect(after).toEqual(before);
    expect((await probe2.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get('settings'))).settings).toEqual(MY_SETTINGS);

    // the new version reads the collection: the popup lists the people, and a revisit adds nothing
    const popup = await running.context.newPage();
    await popup.goto(`chrome-extension://${running.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'People' }).click();
    await expect.poll(() => popup.locator('.qm-person', { hasText: 'Ravi Okafor' }).locator('.qm-count').textContent()).toBe('3 quotes');
    const revisit = await running.context.newPage();
    await revisit.goto(urls[0], { waitUntil: 'load' });
    await expect.poll(async () => (await tabReplies(probe2)).filter((t) => t.url === urls[0] && t.found > 0).length, { timeout: 30_000 }).toBe(1);
    expect((await readStore(probe2)).quotes).toEqual(before.quotes);
    console.log(`upgrades: ${oldVersion} → ${newVersion} on one profile: ${after.articles.length} articles, ${after.quotes.length} quotes, ${after.speakers.length} speakers and the settings, all kept`);
  });
});
