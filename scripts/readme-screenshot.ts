/**
 * `npm run screenshot:readme`: the README's picture, docs/popup.png. Serves the sample articles
 * under their outlets' names (*.example hosts mapped to this machine), reads them in Chromium
 * with the built extension, and lays three popup views side by side: This page, People, and a
 * speaker's page in the dark theme.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './support/chromium';
import { SAMPLES_DIR, serveDir } from './support/server';

const OUTLETS = { 'riverside-courier.example': ['transit-vote.html'], 'valley-dispatch.example': ['transit-followup.html', 'ferry-strike.html'], 'bayside-ledger.example': ['harbor-letter.html'] };

async function shot(page: Page, path: string): Promise<string> {
  await page.screenshot({ path });
  return readFileSync(path).toString('base64');
}

async function main(): Promise<void> {
  mkdirSync('docs', { recursive: true });
  mkdirSync('test-results/readme', { recursive: true });
  const hosts = Object.keys(OUTLETS);
  const servers = await Promise.all(hosts.map((h) => serveDir(SAMPLES_DIR, h)));
  const browser = await launchWithExtension(undefined, { args: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`] });
  try {
    const tabs: Page[] = [];
    for (const [i, files] of Object.values(OUTLETS).entries())
      for (const f of files) {
        const t = await browser.context.newPage();
        await t.goto(servers[i].base + f);
        tabs.push(t);
      }
    const open = async (query: string, scheme: 'light' | 'dark') => {
      const p = await browser.context.newPage();
      await p.setViewportSize({ width: 440, height: 580 });
      const cdp = await browser.context.newCDPSession(p);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 440, height: 580, deviceScaleFactor: 2, mobile: false });
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
      return p;
    };
    const article = servers[0].base + 'transit-vote.html';
    const page = await open(`?url=${encodeURIComponent(article)}`, 'light');
    await page.waitForSelector('.qm-group');
    const a = await shot(page, 'test-results/readme/this-page.png');
    await page.getByRole('tab', { name: 'People' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.qm-person').length >= 4, undefined, { timeout: 20_000 });
    const b = await shot(page, 'test-results/readme/people.png');
    const dark = await open('', 'dark');
    await dark.getByRole('tab', { name: 'People' }).click();
    await dark.locator('.qm-person__btn', { hasText: 'Okafor' }).click();
    await dark.waitForSelector('.qm-speaker-page .qm-quote');
    const c = await shot(dark, 'test-results/readme/speaker-dark.png');

    const board = await browser.context.newPage();
    await board.setViewportSize({ width: 1440, height: 660 });
    const cdp = await browser.context.newCDPSession(board);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 660, deviceScaleFactor: 2, mobile: false });
    const img = (data: string) => `<img src="data:image/png;base64,${data}" width="440" height="580">`;
    await board.setContent(
      `<!doctype html><style>body{margin:0;background:linear-gradient(135deg,#efe7dc,#e2d6c6);display:flex;gap:20px;align-items:center;justify-content:center;height:660px}img{border-radius:12px;box-shadow:0 10px 40px rgba(40,25,10,.25)}</style>${img(a)}${img(b)}${img(c)}`,
    );
    await board.screenshot({ path: 'docs/popup.png' });
    console.log('docs/popup.png written (This page, People, a speaker in the dark theme).');
    for (const t of tabs) await t.close();
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}

main().catch((e: unknown) => {
  console.error(`screenshot:readme: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
