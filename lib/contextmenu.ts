/**
 * "Save as quote…" on selected text (issue 6). The background registers the menu item; a click
 * opens a small extension window (save-quote.html) that asks who said it and saves it.
 */
import { browser } from 'wxt/browser';
import { LIMITS } from './messaging';

export const SAVE_QUOTE_MENU = 'qm-save-quote';

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

export interface ClickedTab {
  id?: number;
  url?: string;
  title?: string;
}

/** The address of the "save as quote" window for a click, or null when there is nothing to save. */
export function saveQuotePath(info: MenuClick, tab: ClickedTab | undefined): string | null {
  if (info.menuItemId !== SAVE_QUOTE_MENU) return null;
  const text = (info.selectionText ?? '').trim().slice(0, LIMITS.quoteChars);
  if (!text) return null;
  const url = info.pageUrl ?? tab?.url ?? '';
  if (!/^https?:\/\//i.test(url)) return null;
  const q = new URLSearchParams({ text, url });
  if (tab?.title) q.set('title', tab.title.slice(0, LIMITS.title));
  if (tab?.id !== undefined && tab.id >= 0) q.set('tab', String(tab.id));
  q.set('popup', '1');
  return `/save-quote.html?${q}`;
}

/** Create the menu item (again: Firefox forgets menus on restart) and open the window on clicks. */
export function registerContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  menus
    .removeAll()
    .then(() =>
      menus.create({
        id: SAVE_QUOTE_MENU,
        title: 'Save as quote…',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    )
    .catch(() => {});
  menus.onClicked.addListener((info, tab) => {
    const path = saveQuotePath(info, tab);
    if (!path) return;
    const url = browser.runtime.getURL(path as `/save-quote.html${string}`);
    const open = browser.windows?.create
      ? browser.windows.create({ url, type: 'popup', width: 480, height: 560 })
      : browser.tabs.create({ url });
    open.catch(() => browser.tabs.create({ url }));
  });
}
