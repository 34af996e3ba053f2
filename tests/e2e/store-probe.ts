/**
 * Reading the extension's IndexedDB and asking its tabs, from an extension page (not the service
 * worker: the reliability tests stop the worker, and a page outlives it).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface StoreContents {
  articles: { id: number; url: string; urls: string[]; quoteCount: number }[];
  /** Per article id, its quotes' texts. */
  quotes: { articleId: number; text: string; norm: string; speakerId: number | null }[];
  speakers: { id: number; name: string; quoteCount: number }[];
}

/** Open an extension page to read from (the options page: any extension page has the APIs). */
export async function openProbe(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** Everything stored, raw (no Dexie: the test reads what is on disk). */
export function readStore(probe: Page): Promise<StoreContents> {
  return probe.evaluate(
    () =>
      new Promise<StoreContents>((resolve, reject) => {
        const open = indexedDB.open('quotemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const out: StoreContents = { articles: [], quotes: [], speakers: [] };
          if (!Array.from(db.objectStoreNames).includes('quotes')) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(['articles', 'quotes', 'speakers'], 'readonly');
          tx.objectStore('articles').getAll().onsuccess = (e) => (out.articles = (e.target as IDBRequest).result);
          tx.objectStore('quotes').getAll().onsuccess = (e) => (out.quotes = (e.target as IDBRequest).result);
          tx.objectStore('speakers').getAll().onsuccess = (e) => (out.speakers = (e.target as IDBRequest).result);
          tx.oncomplete = () => {
            db.close();
            resolve({
              articles: out.articles.map((a) => ({ id: a.id, url: a.url, urls: a.urls, quoteCount: a.quoteCount })),
              quotes: out.quotes.map((q) => ({ articleId: q.articleId, text: q.text, norm: q.norm, speakerId: q.speakerId })),
              speakers: out.speakers.map((s) => ({ id: s.id, name: s.name, quoteCount: s.quoteCount })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The quotes (normalised, sorted) stored for the article read at `url`, or null when there is no such article. */
export function quotesAt(store: StoreContents, url: string): string[] | null {
  const a = store.articles.find((x) => x.urls.includes(url));
  if (!a) return null;
  return store.quotes
    .filter((q) => q.articleId === a.id)
    .map((q) => q.norm)
    .sort();
}

/**
 * For each open tab whose content script has a page: how many quotes its content script has had back from
 * the background (0 until the background answered its page read, which it does after saving).
 */
export function tabReplies(probe: Page): Promise<{ url: string; found: number }[]> {
  return probe.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<{ url?: string; found?: number } | undefined> } } }).chrome;
    const out: { url: string; found: number }[] = [];
    // without the "tabs" permission a tab's address is not visible here: its content script says it
    for (const t of await c.tabs.query({})) {
      if (t.id === undefined) continue;
      const status = await c.tabs.sendMessage(t.id, { type: 'tab/status' }).catch(() => undefined);
      if (status?.url) out.push({ url: status.url, found: status.found ?? 0 });
    }
    return out;
  });
}
