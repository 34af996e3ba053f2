/** The core path in real Firefox ESR with the built extension: visit articles, read the popup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/support/firefox';
import { SAMPLES_DIR, serveDir, type StaticServer } from '../../scripts/support/server';
import { expectedFor, shown } from '../../scripts/support/samples';

let ff: FirefoxWithExtension;
let siteA: StaticServer;
let siteB: StaticServer;

// this page's quotes as shown, each with the speaker of the group it is listed under, in text order
const readQuotes = `document.querySelector(".qm-empty") ? document.querySelector(".qm-empty").textContent : Array.from(document.querySelectorAll('.qm-quote')).map((li) => ({ quote: li.querySelector('.qm-text')?.textContent ?? '', speaker: li.closest('.qm-group')?.querySelector('.qm-speaker')?.textContent ?? '' })).sort((a, b) => a.quote.localeCompare(b.quote))`;

beforeAll(async () => {
  siteA = await serveDir(SAMPLES_DIR, '127.0.0.1');
  siteB = await serveDir(SAMPLES_DIR, 'localhost');
  ff = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await ff?.close();
  await siteA?.close();
  await siteB?.close();
});

describe('Quotemark in Firefox', () => {
  it('stores a visited article’s quotes and shows them with speakers in the popup', async () => {
    // the popup is open before the visits: it must follow the writes live
    const popup = await ff.openTab(`${ff.extensionBase}popup.html?url=${encodeURIComponent(siteA.base + 'harbor-letter.html')}`);
    const tabs: string[] = [];
    for (const url of [siteA.base + 'harbor-letter.html', siteA.base + 'transit-vote.html', siteB.base + 'transit-followup.html', siteA.base + 'search.html']) {
      tabs.push(await ff.openTab(url));
    }
    const expected = expectedFor('harbor-letter.html')
      .map((q) => ({ quote: shown(q.quote), speaker: q.speaker }))
      .sort((a, b) => a.quote.localeCompare(b.quote));
    await expect.poll(() => ff.evaluate(popup, readQuotes), { timeout: 20_000 }).toEqual(expected);

    // People: one speaker quoted on both sites shows both
    await ff.evaluate(popup, `(() => { [...document.querySelectorAll('[role=tab]')].find((b) => b.textContent === 'People').click(); return true; })()`);
    const okaforSites = `(() => { const li = [...document.querySelectorAll('.qm-person')].find((p) => p.textContent.includes('Ravi Okafor')); return li ? li.querySelector('.qm-sites').textContent.split(/, | and /).sort() : null; })()`;
    await expect.poll(() => ff.evaluate(popup, okaforSites), { timeout: 20_000 }).toEqual(['127.0.0.1', 'localhost']);

    for (const t of tabs) await ff.closeTab(t);
    const pageEmpty = await ff.openTab(`${ff.extensionBase}popup.html?url=${encodeURIComponent(siteA.base + 'search.html')}`);
    await expect.poll(() => ff.evaluate(pageEmpty, `document.querySelector('.qm-empty')?.textContent ?? ''`)).toContain('No quotes collected on this page');
  });
});
