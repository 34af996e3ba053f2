/** Shared by the page e2e tests: the fixture server, reading the extension's database, expected captures. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { parseDocument } from '../../lib/node/dom';
import { capturePage } from '../../lib/capture';
import { normalizeQuote } from '../../lib/store/normalize';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
export const SHARED_HTML = resolve(import.meta.dirname, '../../../shared/pages/html');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export interface StoredArticle {
  url: string;
  urls: string[];
  title: string;
  quotes: string[];
}

/** Every article in the extension's IndexedDB with its quotes' texts, read inside the service worker. */
export async function storedArticles(worker: Worker): Promise<StoredArticle[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredArticle[]>((resolve, reject) => {
        const open = indexedDB.open('quotemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!Array.from(db.objectStoreNames).includes('articles')) {
            db.close();
            resolve([]);
            return;
          }
          const tx = db.transaction(['articles', 'quotes'], 'readonly');
          let articles: { id: number; url: string; urls: string[]; title: string }[] = [];
          let quotes: { articleId: number; text: string }[] = [];
          tx.objectStore('articles').getAll().onsuccess = (e) => (articles = (e.target as IDBRequest).result);
          tx.objectStore('quotes').getAll().onsuccess = (e) => (quotes = (e.target as IDBRequest).result);
          tx.oncomplete = () => {
            db.close();
            resolve(articles.map((a) => ({ url: a.url, urls: a.urls, title: a.title, quotes: quotes.filter((q) => q.articleId === a.id).map((q) => q.text) })));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The quotes (normalised, sorted) that the content script's pass finds in `html` once `change` has been applied to it. */
export function expectedQuotes(html: string, url: string, change?: (doc: Document) => void): string[] {
  const doc = parseDocument(html);
  change?.(doc);
  const result = capturePage(doc, url);
  if (!result) throw new Error(`expectedQuotes: ${url} is not read as an article`);
  return [...new Set(result.capture.quotes.map((q) => normalizeQuote(q.quote)))].sort();
}

export function normalised(quotes: string[]): string[] {
  return quotes.map(normalizeQuote).sort();
}

/** Move a template's content into an element, as the fixture pages' own scripts do. */
export function fillFrom(doc: Document, templateId: string, targetId: string, replace = true): void {
  const tpl = doc.getElementById(templateId) as HTMLTemplateElement;
  const target = doc.getElementById(targetId)!;
  // linkedom keeps a template's children as children; a browser keeps them in .content
  const nodes = tpl.content?.childNodes?.length ? Array.from(tpl.content.childNodes) : Array.from(tpl.childNodes);
  const copies = nodes.map((n) => n.cloneNode(true));
  if (replace) target.replaceChildren(...copies);
  else target.append(...copies);
}
