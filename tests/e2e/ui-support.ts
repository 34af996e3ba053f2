/**
 * Helpers for the UI's real-browser tests: screenshots of every view in light and dark, and an
 * axe-core check of each (serious and critical violations fail the test), in Chromium through
 * Playwright and in Firefox through WebDriver BiDi (real pointer and keyboard input).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { FirefoxWithExtension } from '../../scripts/support/firefox';

export const UI_SHOTS = 'test-results/ui';

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

interface AxeResultLike {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Only what matters for the bar we set: serious and critical violations. */
export function seriousOf(results: AxeResultLike): AxeFinding[] {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// ---------------------------------------------------------------------------------------------
// Chromium (Playwright)

/**
 * Screenshot a view in light and dark (`<dir>/<name>-light.png`, `-dark.png`) and run axe on it in
 * both schemes (contrast differs). Returns the serious/critical findings, named by scheme.
 */
export async function captureView(page: Page, name: string, opts: { fullPage?: boolean; dir?: string } = {}): Promise<string[]> {
  const dir = opts.dir ?? UI_SHOTS;
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(dir, `${name}-${scheme}.png`), fullPage: opts.fullPage ?? false });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const f of seriousOf(results)) problems.push(`${name} (${scheme}): ${f.id} [${f.impact}] ${f.help} at ${f.targets.join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Firefox (WebDriver BiDi)

const require = createRequire(import.meta.url);
let axeSource: string | null = null;
function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface ChromeTree {
  contexts: { context: string; url: string }[];
}

/** One tab of Firefox, driven as a person would: real pointer clicks and key presses. */
export class FirefoxTab {
  constructor(
    readonly ff: FirefoxWithExtension,
    readonly context: string,
  ) {}

  static async open(ff: FirefoxWithExtension, url: string, viewport = { width: 440, height: 580 }): Promise<FirefoxTab> {
    const context = await ff.openTab('about:blank');
    await ff.bidi.send('browsingContext.setViewport', { context, viewport });
    await ff.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return new FirefoxTab(ff, context);
  }

  eval<T>(expression: string): Promise<T> {
    return this.ff.evaluate<T>(this.context, expression);
  }

  async goto(url: string): Promise<void> {
    await this.ff.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Wait until `expression` is truthy (polling), or fail after `timeout` ms saying what was awaited. */
  async waitFor(expression: string, timeout = 15_000): Promise<void> {
    const end = Date.now() + timeout;
    for (;;) {
      let ok = false;
      try {
        ok = !!(await this.eval<unknown>(expression));
      } catch {
        ok = false;
      }
      if (ok) return;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Click the centre of the first element matching `selector` (optionally containing `text`). */
  async click(selector: string, text?: string): Promise<void> {
    const find = `[...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text ? `e.textContent.includes(${JSON.stringify(text)})` : 'true'})`;
    await this.waitFor(`(() => { const e = ${find}; return e && e.getClientRects().length > 0; })()`);
    const pt = await this.eval<{ x: number; y: number }>(`(() => { const e = ${find}; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: Math.round(r.left + Math.min(r.width / 2, 40)), y: Math.round(r.top + r.height / 2) }; })()`);
    await this.ff.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: pt.x, y: pt.y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /** Type text with real key events into whatever has focus. */
  async type(text: string): Promise<void> {
    const actions = [...text].flatMap((ch) => [
      { type: 'keyDown', value: ch },
      { type: 'keyUp', value: ch },
    ]);
    await this.ff.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Press named keys: Tab, Enter, Escape, ArrowDown, ArrowRight… */
  async press(...keys: string[]): Promise<void> {
    const codes: Record<string, string> = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010', Backspace: '\uE003', Space: '\uE00D' };
    const actions = keys.flatMap((k) => {
      const value = codes[k] ?? k;
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
    await this.ff.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  async focused(): Promise<string> {
    return this.eval<string>(`(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.tagName).trim() : ''; })()`);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.ff.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  /** axe-core, injected into the page, with the same rules as in Chromium. */
  async axe(): Promise<AxeFinding[]> {
    const has = await this.eval<boolean>(`typeof window.axe === 'object'`);
    if (!has) {
      const r = await this.ff.bidi.send<{ type: string; exceptionDetails?: { text?: string } }>('script.evaluate', { expression: `${axeScript()}\n;true`, target: { context: this.context }, awaitPromise: false });
      if (r.type !== 'success') throw new Error(`could not inject axe-core: ${r.exceptionDetails?.text ?? ''}`);
    }
    const results = await this.eval<AxeResultLike>(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })) }))`);
    return seriousOf(results);
  }

  async close(): Promise<void> {
    await this.ff.closeTab(this.context);
  }
}

/** Switch Firefox's content colour scheme (a preference, set from the browser's own chrome context). */
export async function firefoxColorScheme(ff: FirefoxWithExtension, scheme: 'light' | 'dark'): Promise<void> {
  const tree = await ff.bidi.send<ChromeTree>('browsingContext.getTree', { 'moz:scope': 'chrome' } as Record<string, unknown>);
  const ctx = tree.contexts[0]?.context;
  if (!ctx) throw new Error('no Firefox chrome window to set the colour scheme from');
  await ff.bidi.send('script.evaluate', {
    expression: `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); true`,
    target: { context: ctx },
    awaitPromise: false,
  });
}

/** Firefox counterpart of `captureView`: both schemes, screenshots and axe. */
export async function captureFirefoxView(tab: FirefoxTab, name: string, dir = join(UI_SHOTS, 'firefox')): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await firefoxColorScheme(tab.ff, scheme);
    await tab.waitFor(`matchMedia('(prefers-color-scheme: ${scheme})').matches`);
    await tab.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`);
    await tab.screenshot(join(dir, `${name}-${scheme}.png`));
    for (const f of await tab.axe()) problems.push(`${name} (${scheme}): ${f.id} [${f.impact}] ${f.help} at ${f.targets.join(', ')}`);
  }
  await firefoxColorScheme(tab.ff, 'light');
  return problems;
}
