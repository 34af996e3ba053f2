import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { gateCapture } from '../../../lib/background/settings-gate';
import { collectDecision, DEFAULT_SETTINGS, loadSettings, normalizeSite, parseSettings, saveSettings, siteMode, siteOfUrl, updateSettings, watchSettings, withSiteMode, type Settings } from '../../../lib/settings';

const base = (): Settings => parseSettings(null);

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: collecting on, no site rules, highlights off', async () => {
    expect(await loadSettings()).toEqual({ paused: false, sites: {}, highlights: false, privateWindows: false });
    expect(DEFAULT_SETTINGS.highlights).toBe(false);
  });

  it('survives damaged stored values field by field', () => {
    expect(parseSettings('nonsense')).toEqual(base());
    expect(parseSettings({ paused: 'yes', highlights: true, sites: { 'WWW.Example.com': 'never', 'x.org': 'sometimes', 'bad host/..': 'ask' } })).toEqual({
      paused: false,
      highlights: true,
      privateWindows: false,
      sites: { 'example.com': 'never' },
    });
  });

  it('site keys: host names without www and port, from hosts or URLs', () => {
    expect(normalizeSite('https://www.News.Example.com:8443/a?b')).toBe('news.example.com');
    expect(normalizeSite('www.example.com')).toBe('example.com');
    expect(normalizeSite('  ')).toBeNull();
    expect(siteOfUrl('chrome://extensions')).toBeNull();
    expect(siteOfUrl('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
  });

  it('a rule on a domain covers its subdomains; the nearest rule wins', () => {
    let s = withSiteMode(base(), 'example.com', 'never');
    expect(siteMode(s, 'news.example.com')).toBe('never');
    expect(siteMode(s, 'example.org')).toBe('always');
    s = withSiteMode(s, 'news.example.com', 'ask');
    expect(siteMode(s, 'news.example.com')).toBe('ask');
    expect(siteMode(s, 'sport.example.com')).toBe('never');
    s = withSiteMode(s, 'example.com', 'always');
    expect(s.sites).toEqual({ 'news.example.com': 'ask' });
  });

  it('decides collection: paused, never, ask, and a page the user asked for', () => {
    const url = 'https://news.example.com/a';
    expect(collectDecision(base(), url)).toEqual({ collect: true });
    expect(collectDecision({ ...base(), paused: true }, url)).toEqual({ collect: false, reason: 'paused' });
    expect(collectDecision({ ...base(), paused: true }, url, true)).toEqual({ collect: true });
    const ask = withSiteMode(base(), 'example.com', 'ask');
    expect(collectDecision(ask, url)).toEqual({ collect: false, reason: 'ask' });
    expect(collectDecision(ask, url, true)).toEqual({ collect: true });
    const never = withSiteMode(base(), 'news.example.com', 'never');
    expect(collectDecision(never, url, true)).toEqual({ collect: false, reason: 'never' });
  });

  it('saves, updates and reports changes to watchers', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ ...base(), highlights: true });
    await updateSettings((s) => ({ ...s, paused: true }));
    expect(await loadSettings()).toEqual({ paused: true, sites: {}, highlights: true, privateWindows: false });
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toEqual({ paused: true, sites: {}, highlights: true, privateWindows: false });
    stop();
  });
});

describe('the background gate', () => {
  const capture = (url: string) => ({ type: 'page/captured', capture: { meta: { url }, quotes: [] } });
  it('lets pages through by default and refuses by the settings, saying why', async () => {
    const url = 'https://news.example.com/a';
    expect(await gateCapture(capture(url), async () => base())).toBeNull();
    expect(await gateCapture(capture(url), async () => ({ ...base(), paused: true }))).toEqual({ ok: false, error: 'not saved: collecting is paused' });
    const ask = withSiteMode(base(), 'example.com', 'ask');
    expect(await gateCapture(capture(url), async () => ask)).toEqual({ ok: false, error: expect.stringContaining('only when asked') });
    expect(await gateCapture({ ...capture(url), requested: true }, async () => ask)).toBeNull();
    const never = withSiteMode(base(), 'example.com', 'never');
    expect(await gateCapture({ ...capture(url), requested: true }, async () => never)).toEqual({ ok: false, error: expect.stringContaining('never') });
  });
  it('ignores other messages (they are validated elsewhere)', async () => {
    expect(await gateCapture({ type: 'db/drop' }, async () => ({ ...base(), paused: true }))).toBeNull();
    expect(await gateCapture(null, async () => base())).toBeNull();
  });
});
