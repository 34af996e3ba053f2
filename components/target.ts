/**
 * Which page the popup is about ("This page"), and talking to that page's content script.
 * `?url=` names the page (tests, links from the library); otherwise the active tab. Tab URLs are
 * only visible to us for the active tab (activeTab), so a page named by URL is found by asking
 * each tab's content script where it is.
 */
import { browser } from 'wxt/browser';
import type { TabReplies, TabRequest, TabStatus } from '../lib/messaging';

export interface Target {
  /** The page's address, or null when there is no web page (a new tab, a browser page). */
  url: string | null;
  /** The tab showing it, when known (needed to scroll to a quote or collect the page). */
  tabId: number | null;
}

function bare(url: string): string {
  return url.split('#')[0];
}

/** The page named by `?url=` or the active tab's, immediately, without waiting for tabs. */
export function targetFromLocation(search = location.search): { url: string | null; tabId: number | null } | null {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (!url) return null;
  const raw = params.get('tab');
  const tab = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  return { url, tabId: tab };
}

export async function sendToTab<T extends TabRequest['type']>(tabId: number, req: Extract<TabRequest, { type: T }>, timeoutMs = 1500): Promise<TabReplies[T]> {
  const reply = browser.tabs.sendMessage(tabId, req) as Promise<TabReplies[T] | undefined>;
  const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the page did not answer')), timeoutMs));
  const v = await Promise.race([reply, timeout]);
  if (v === undefined || v === null) throw new Error('Quotemark has not read this page');
  return v;
}

/** The status of a tab's page, or null when no content script of ours answers there. */
export async function tabStatus(tabId: number): Promise<TabStatus | null> {
  try {
    return await sendToTab(tabId, { type: 'tab/status' });
  } catch {
    return null;
  }
}

/** The tab showing `url`, found by asking each tab's content script (URLs of other tabs are hidden from us). */
export async function findTabFor(url: string): Promise<{ tabId: number; status: TabStatus } | null> {
  const want = bare(url);
  const tabs = await browser.tabs.query({});
  const found = await Promise.all(
    tabs.map(async (t) => {
      if (t.id === undefined || t.id < 0) return null;
      if (t.url && bare(t.url) !== want) return null;
      const status = await tabStatus(t.id);
      return status && bare(status.url) === want ? { tabId: t.id, status } : null;
    }),
  );
  return found.find((f) => f !== null) ?? null;
}

/**
 * Resolve the target page: from `?url=` (finding its tab), else the active tab. `onUrl` hears the
 * address as soon as it is known, before the page's content script has answered, so the first
 * view's query need not wait for it.
 */
export async function resolveTarget(onUrl?: (t: Target) => void): Promise<Target & { status: TabStatus | null }> {
  const named = targetFromLocation();
  if (named?.url) {
    onUrl?.(named);
    if (named.tabId !== null) return { ...named, status: await tabStatus(named.tabId) };
    const hit = await findTabFor(named.url).catch(() => null);
    return { url: named.url, tabId: hit?.tabId ?? null, status: hit?.status ?? null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return { url: null, tabId: null, status: null };
  const web = (u: string | null | undefined) => (u && /^https?:/i.test(u) ? u : null);
  if (tab.url) onUrl?.({ url: web(tab.url), tabId: tab.id });
  const status = await tabStatus(tab.id);
  return { url: web(tab.url ?? status?.url), tabId: tab.id, status };
}
