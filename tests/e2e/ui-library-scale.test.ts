/**
 * The library and People at a size where rendering everything would show: thousands of quotes,
 * seeded through the extension's own background. Only the rows in view are in the DOM, and more
 * are read by key as the reader scrolls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { captureBatches } from '../../scripts/support/ui-seed';
import { captureView } from './ui-support';

const SEED = { articles: 800, quotesPerArticle: 5, speakers: 300, sites: 40, seed: 7 };
const QUOTES = SEED.articles * SEED.quotesPerArticle;

let browser: ExtensionBrowser;
const a11y: string[] = [];

async function seed(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  for (const batch of captureBatches(SEED, 200)) {
    const errors = await page.evaluate(async (msgs) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
      const out: string[] = [];
      for (const m of msgs) {
        const r = await rt.sendMessage(m);
        if (!r?.ok) out.push(r?.error ?? 'no reply');
      }
      return out;
    }, batch);
    expect(errors).toEqual([]);
  }
  await page.close();
}

/** The number of rows the summary says are loaded ("400+ quotes" → 400). */
async function shown(lib: Page): Promise<number> {
  const text = (await lib.locator('.qm-lib__summary [role=status]').textContent()) ?? '';
  return Number(text.replace(/[^\d,].*$/, '').replace(/,/g, '')) || 0;
}

async function more(lib: Page): Promise<boolean> {
  return ((await lib.locator('.qm-lib__summary [role=status]').textContent()) ?? '').includes('+');
}

async function library(): Promise<Page> {
  const lib = await browser.context.newPage();
  await lib.setViewportSize({ width: 1280, height: 800 });
  await lib.goto(`chrome-extension://${browser.extensionId}/library.html`);
  await lib.waitForSelector('.qm-vrow .qm-vrow__text');
  return lib;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await seed();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (a11y.length) console.log(`axe findings:\n${a11y.join('\n')}`);
});

describe(`the library with ${QUOTES.toLocaleString('en-US')} quotes`, () => {
  it('renders only the rows in view and reads more by key while scrolling', async () => {
    const lib = await library();
    await expect.poll(() => lib.locator('.qm-lib__summary [role=status]').textContent()).toMatch(/^200\+ quotes/);
    const rendered = await lib.locator('.qm-vrow').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    a11y.push(...(await captureView(lib, 'library-at-scale')));
    // scroll to the end of what is loaded, again and again: more pages arrive, the DOM stays small
    let loaded = await shown(lib);
    while (loaded < 600) {
      await lib.locator('.qm-vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect.poll(() => shown(lib), { timeout: 15_000 }).toBeGreaterThan(loaded);
      loaded = await shown(lib);
    }
    expect(await lib.locator('.qm-vrow').count()).toBeLessThan(40);
    // the rows in view are far down the list; the selected first row stays mounted (it may hold the focus)
    const positions = await lib.$$eval('.qm-vrow', (rows) => rows.filter((r) => !r.querySelector('[aria-current=true]')).map((r) => Number(r.getAttribute('aria-posinset'))));
    expect(Math.min(...positions)).toBeGreaterThan(100);
    expect(await lib.locator('.qm-vrow [aria-current=true]').getAttribute('tabindex')).toBe('0');
    await lib.close();
  });

  it('the keyboard walks the whole list: End reaches the last quote', async () => {
    const lib = await library();
    await lib.locator('.qm-vrow__btn[tabindex="0"]').focus();
    // each End goes to the last row loaded; the list reads the next page, until the end
    while (await more(lib)) {
      const before = await shown(lib);
      await lib.keyboard.press('End');
      await expect.poll(async () => (await shown(lib)) > before || !(await more(lib)), { timeout: 15_000 }).toBe(true);
    }
    await lib.keyboard.press('End');
    await expect.poll(() => lib.evaluate(() => { const row = document.activeElement?.closest('.qm-vrow'); return !!row && row.getAttribute('aria-posinset') === row.getAttribute('aria-setsize'); })).toBe(true);
    // each statement once: never more rows than quotes stored
    const rows = await shown(lib);
    expect(rows).toBeGreaterThan(QUOTES / 2);
    expect(rows).toBeLessThanOrEqual(QUOTES);
    await lib.close();
  });

  it('People pages through speakers by key: "Show more people" adds the next fifty', async () => {
    const p = await browser.context.newPage();
    await p.setViewportSize({ width: 440, height: 580 });
    await p.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await p.getByRole('tab', { name: 'People' }).click();
    await expect.poll(() => p.locator('.qm-person').count()).toBe(50);
    const counts = await p.$$eval('.qm-person .qm-count', (els) => els.map((e) => Number((e.textContent ?? '').replace(/[^\d]/g, ''))));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    await p.getByRole('button', { name: 'Show more people' }).click();
    await expect.poll(() => p.locator('.qm-person').count()).toBe(100);
    const names = await p.$$eval('.qm-person .qm-name', (els) => els.map((e) => e.textContent));
    expect(new Set(names).size).toBe(100);
    await p.close();
  });
});

describe('accessibility at scale', () => {
  it('has no serious or critical axe violations', () => {
    expect(a11y).toEqual([]);
  });
});
