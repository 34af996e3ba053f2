/**
 * The user's settings, kept in the extension's own storage (browser.storage.local), read by the background (should this page be collected?), the content script (are
 * highlights on?) and the extension pages (popup, library, options).
 *
 * Everything read from storage is checked and completed by `parseSettings`: a damaged or older
 * value never breaks a reader, it falls back field by field to the defaults.
 */
import { browser } from 'wxt/browser';

/** How Quotemark treats one site. `ask`: collect only when the user asks, from the popup. */
export type SiteMode = 'always' | 'ask' | 'never';

export interface Settings {
  /** Collecting is paused everywhere (the popup can still collect one page on request). */
  paused: boolean;
  /** Per-site rules, by host name without "www." ("example.com" also covers "news.example.com"). */
  sites: Record<string, Exclude<SiteMode, 'always'>>;
  /** Underline collected quotes on news pages, speaker on hover. Off by default. */
  highlights: boolean;
  /**
   * Collect from tabs in private (incognito) windows. Off by default: the browser keeps the
   * extension out of them unless the user allows it, and even then nothing is kept unless this is on.
   */
  privateWindows: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ paused: false, sites: Object.freeze({}) as Settings['sites'], highlights: false, privateWindows: false });

const MAX_SITES = 5_000;

/** A valid settings object from anything (a stored value, an imported file): unknown fields dropped. */
export function parseSettings(raw: unknown): Settings {
  const out: Settings = { paused: DEFAULT_SETTINGS.paused, sites: {}, highlights: DEFAULT_SETTINGS.highlights, privateWindows: DEFAULT_SETTINGS.privateWindows };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.paused === 'boolean') out.paused = r.paused;
  if (typeof r.highlights === 'boolean') out.highlights = r.highlights;
  if (typeof r.privateWindows === 'boolean') out.privateWindows = r.privateWindows;
  if (typeof r.sites === 'object' && r.sites !== null && !Array.isArray(r.sites)) {
    for (const [site, mode] of Object.entries(r.sites as Record<string, unknown>).slice(0, MAX_SITES)) {
      const key = normalizeSite(site);
      if (key && (mode === 'ask' || mode === 'never')) out.sites[key] = mode;
    }
  }
  return out;
}

/** A site key from a host name or URL: lower case, no "www.", no port; null when there is none. */
export function normalizeSite(hostOrUrl: string): string | null {
  let host = hostOrUrl.trim().toLowerCase();
  if (!host) return null;
  if (host.includes('/')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
  return /^[\p{L}\p{N}.\-[\]:]+$/u.test(host) ? host : null;
}

/** The site key of a page URL, only for http(s) pages. */
export function siteOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalizeSite(u.hostname);
  } catch {
    return null;
  }
}

/** The rule for a site: its own, else the nearest parent domain's ("example.com" for "news.example.com"). */
export function siteMode(settings: Settings, site: string | null): SiteMode {
  if (!site) return 'always';
  let host = site;
  for (;;) {
    const mode = settings.sites[host];
    if (mode) return mode;
    const dot = host.indexOf('.');
    if (dot < 0) return 'always';
    host = host.slice(dot + 1);
  }
}

/** The rule that decides a site's mode: the site itself or a parent domain; null when none applies. */
export function siteRuleFor(settings: Settings, site: string | null): string | null {
  if (!site) return null;
  let host = site;
  for (;;) {
    if (settings.sites[host]) return host;
    const dot = host.indexOf('.');
    if (dot < 0) return null;
    host = host.slice(dot + 1);
  }
}

export type CollectDecision =
  | { collect: true }
  | { collect: false; reason: 'paused' | 'never' | 'ask' };

/**
 * Should a page at `url` be collected? `requested`: the user asked for this page from the popup,
 * which collects a page on a site set to "ask", and one page while paused, but never on a site
 * set to "never".
 */
export function collectDecision(settings: Settings, url: string | null | undefined, requested = false): CollectDecision {
  const mode = siteMode(settings, siteOfUrl(url));
  if (mode === 'never') return { collect: false, reason: 'never' };
  if (requested) return { collect: true };
  if (settings.paused) return { collect: false, reason: 'paused' };
  if (mode === 'ask') return { collect: false, reason: 'ask' };
  return { collect: true };
}

/** Settings with one site's mode changed ("always" removes the rule). */
export function withSiteMode(settings: Settings, site: string, mode: SiteMode): Settings {
  const key = normalizeSite(site);
  if (!key) return settings;
  const sites = { ...settings.sites };
  if (mode === 'always') delete sites[key];
  else sites[key] = mode;
  return { ...settings, sites };
}

// ---------------------------------------------------------------------------------------------
// storage: browser.storage.local, key "settings" (read directly: the content script loads this on
// every page, so it carries no storage library)

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(KEY);
    return parseSettings(got[KEY]);
  } catch {
    return parseSettings(null);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: parseSettings(settings) });
}

/** Change settings with a function of the current ones; returns what was saved. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Follow changes made anywhere (popup, options, another window). Returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) cb(parseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
