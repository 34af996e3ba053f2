/**
 * `npm run demo`: the extension's main job on the sample articles, for real.
 * Serves the samples on localhost, starts Chromium with the built extension (headless unless a
 * display is available), visits each article, then prints who said what as the popup shows it and
 * saves screenshots of the popup under test-results/demo/.
 */
import { mkdirSync } from 'node:fs';
import { launchWithExtension } from './support/chromium';
import { SAMPLES_DIR, serveDir } from './support/server';
import { expectedFor, shown } from './support/samples';

const OUT = 'test-results/demo';
const ARTICLES = ['harbor-letter.html', 'transit-vote.html', 'transit-followup.html', 'ferry-strike.html'];

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const site = await serveDir(SAMPLES_DIR, 'localhost');
  const headless = !process.env.DISPLAY;
  const browser = await launchWithExtension(undefined, { headless });
  try {
    console.log(`Serving sample articles at ${site.base} and visiting them in Chromium${headless ? ' (headless)' : ''}…`);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const tabs = [];
    for (const a of ARTICLES) {
      const page = await browser.context.newPage();
      await page.goto(site.base + a, { waitUntil: 'load' });
      tabs.push(page);
    }
    await popup.getByRole('tab', { name: 'People' }).click();

    let failures = 0;
    console.log('\nWho said what (as the popup shows it):\n');
    for (const a of ARTICLES) {
      const view = await browser.context.newPage();
      await view.goto(`chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(site.base + a)}`);
      // the popup follows the database live: wait until this page's quotes are all there
      await view.waitForFunction((n) => document.querySelectorAll('.qm-quote').length >= n, expectedFor(a).length, { timeout: 20_000 });
      const title = await tabs[ARTICLES.indexOf(a)].title();
      const rows = await view.$$eval('.qm-quote', (items) =>
        items.map((li) => ({ quote: li.querySelector('.qm-text')?.textContent ?? '', speaker: li.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent ?? '' })),
      );
      console.log(`■ ${title}`);
      for (const r of rows) console.log(`   ${r.speaker.padEnd(16)} “${r.quote.length > 90 ? r.quote.slice(0, 89) + '…' : r.quote}”`);
      const expected = expectedFor(a);
      // the popup groups quotes by speaker: match each expected quote by its text
      const wrong = expected.filter((e) => rows.find((r) => r.quote === shown(e.quote))?.speaker !== e.speaker).length + Math.abs(rows.length - expected.length);
      if (wrong) {
        failures += wrong;
        console.log(`   (!) ${wrong} quote(s) differ from samples/expected.json`);
      }
      await view.screenshot({ path: `${OUT}/this-page-${a.replace('.html', '')}.png`, fullPage: true });
      await view.close();
      console.log('');
    }
    await popup.screenshot({ path: `${OUT}/people.png`, fullPage: true });
    const people = await popup.$$eval('.qm-person', (items) =>
      items.map((li) => `${li.querySelector('.qm-name')?.textContent} — ${li.querySelector('.qm-count')?.textContent} (${li.querySelector('.qm-sites')?.textContent})`),
    );
    console.log('People:');
    for (const p of people) console.log(`   ${p}`);
    console.log(`\nScreenshots saved in ${OUT}/`);
    return failures ? 1 : 0;
  } finally {
    await browser.close();
    await site.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
