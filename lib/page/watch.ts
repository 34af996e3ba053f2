/**
 * Pages that change: articles whose body arrives late, "load more" and infinite scroll, and
 * single-page sites that move to another article without a reload. The page is read once at start;
 * then a MutationObserver (cheap: it only looks at what changed, and only changes to the article or
 * new text count) and address changes schedule a re-read, debounced. A read is sent only when it
 * holds text not sent before, so the same reading is never sent twice.
 *
 * Everything is tied to the content script's lifetime: timers come from the caller (WXT's ctx),
 * the observer is disconnected when `signal` aborts, and no callback lets an error reach the page.
 * The DOM is only read.
 */
import type { ReadOutcome } from '../capture';
import type { PageRead } from '../messaging';
import type { Block } from '../extract/types';
import type { PageMeta } from './types';
import { hostOf, stripFragment } from './metadata';
import { wordSet } from './words';

export interface Timers {
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface Skipped {
  skipped: string;
  final: boolean;
}

export type PassOutcome = 'sent' | 'unchanged' | 'not-article' | 'stale' | 'error';

export interface PassInfo {
  url: string;
  outcome: PassOutcome;
  /** Why the reader skipped the page, when it did. */
  reason?: string;
  /** Start and end of the pass on the caller's clock. */
  start: number;
  end: number;
  result: ReadOutcome | null;
}

export interface WatchDeps {
  doc: Document;
  /** The page's current address. */
  url(): string;
  /**
   * One pass over the document (`readForCapture`, or `readForCaptureSliced`, which answers later).
   * `afterNavigation` is set for reads after an in-page navigation. A skipped page says why, and
   * whether that is final (then it is not watched for a late body). While a sliced read is under
   * way no other starts: a pass asked for meanwhile runs when it is done.
   */
  capture(doc: Document, url: string, afterNavigation: boolean): ReadOutcome | Skipped | Promise<ReadOutcome | Skipped>;
  /** Hand a page read to the background (which extracts and saves). */
  send(read: PageRead): void;
  timers: Timers;
  /** A clock in milliseconds (performance.now). */
  now(): number;
  /** Aborted when the content script is invalidated. */
  signal: AbortSignal;
  /**
   * Subscribe to address changes made without a reload (WXT's `wxt:locationchange`). The listener
   * gets the new address when known: the event can fire before `location` changes.
   */
  onLocationChange(listener: (newUrl?: string) => void): void;
  MutationObserver: typeof MutationObserver;
  /** Told after every pass (diagnostics, benchmark marks). */
  onPass?(info: PassInfo): void;
}

export interface WatchSettings {
  /** Quiet time after the last relevant change before re-reading. */
  quietMs: number;
  /** Longest a re-read waits while changes keep coming. */
  maxWaitMs: number;
  /** How long a page that is not (yet) an article is watched for a late body, from start or from an address change. */
  watchMs: number;
}

export const DEFAULT_SETTINGS: WatchSettings = { quietMs: 400, maxWaitMs: 2_000, watchMs: 20_000 };

/** Added text at least this long, anywhere, is worth a re-read (a body rendered in a new place, a second article). */
const NEW_TEXT = 200;

/** Elements whose arrival never changes the article's text. */
const INERT = wordSet('SCRIPT STYLE LINK META NOSCRIPT TEMPLATE IFRAME IMG PICTURE SOURCE VIDEO AUDIO SVG svg CANVAS INS BR HR');

function hasText(node: Node): boolean {
  if (node.nodeType === 3) return !!node.nodeValue?.trim();
  if (node.nodeType !== 1) return false;
  if (INERT.has((node as Element).tagName)) return false;
  return !!node.textContent?.trim();
}

function textLength(node: Node): number {
  if (node.nodeType === 3) return node.nodeValue?.length ?? 0;
  if (node.nodeType !== 1 || INERT.has((node as Element).tagName)) return 0;
  return node.textContent?.length ?? 0;
}

/** Same blocks, same texts: the page still shows the article that was read. */
function sameBody(a: readonly Block[], b: readonly Block[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].text !== b[i].text) return false;
  return true;
}

function blockKey(b: { text: string; kind: string }): string {
  return `${b.kind}\u0000${b.text}`;
}

interface Sent {
  url: string;
  canonicalUrl: string;
  /** Keys of the blocks sent (kind and text). */
  keys: Set<string>;
  /** The blocks read (kept by reference, to tell a page still showing this article after it moved). */
  blocks: readonly Block[];
  meta: PageMeta;
}

/**
 * After an in-page navigation, metadata in the page's head may still describe the previous
 * article (many single-page sites never update it). Where the canonical address did not move with
 * the page, nothing in the head is trusted: the address is the page's, and the title, date and
 * authors are kept only where they changed.
 */
export function freshMeta(meta: PageMeta, previous: PageMeta, doc: Document, roots: readonly Element[] = []): PageMeta {
  if (meta.url === previous.url || meta.canonicalUrl !== previous.canonicalUrl) return meta;
  const h1 = headlineOf(doc, roots);
  const docTitle = doc.title?.replace(/\s+/g, ' ').trim();
  const title = meta.title !== previous.title ? meta.title : h1 && h1 !== previous.title ? h1 : docTitle && docTitle !== previous.title ? docTitle : meta.url;
  return {
    ...meta,
    canonicalUrl: meta.url,
    site: hostOf(meta.url) || meta.site,
    title,
    published: meta.published !== previous.published ? meta.published : null,
    authors: meta.authors.join('\n') !== previous.authors.join('\n') ? meta.authors : [],
  };
}

/** The headline of the article read: the first h1 in or just around its body, else the page's only h1. */
function headlineOf(doc: Document, roots: readonly Element[]): string | undefined {
  for (const r of roots) {
    const h = r.querySelector('h1') ?? r.closest('article')?.querySelector('h1') ?? null;
    if (h) return h.textContent?.replace(/\s+/g, ' ').trim();
  }
  const all = doc.getElementsByTagName('h1');
  return all.length === 1 ? all[0].textContent?.replace(/\s+/g, ' ').trim() : undefined;
}

export interface PageWatch {
  /** Read now (tests, and the first pass). */
  readNow(): void;
  /** Stop watching (also done when the signal aborts). */
  stop(): void;
}

export function watchPage(deps: WatchDeps, settings: WatchSettings = DEFAULT_SETTINGS): PageWatch {
  const { doc, timers } = deps;
  let roots: Element[] = [];
  let sent: Sent | null = null;
  /** Set by an address change until the page has been read at its new address. */
  let navigation = false;
  let currentUrl = stripFragment(deps.url());
  let quietTimer: unknown = null;
  let windowTimer: unknown = null;
  let pendingSince: number | null = null;
  let observing = false;
  let stopped = false;
  /** The last read found the page rules itself out: no watching for a late body. */
  let final = false;
  /** A sliced read is under way; `again`: a pass was asked for meanwhile. */
  let reading = false;
  let again = false;
  /** Callers of `pass` waiting for the read under way to finish. */
  const waiting: (() => void)[] = [];
  /** Counts address changes, so a read that began before one does not clear its flag. */
  let navigations = 0;

  const observer = new deps.MutationObserver((records) => {
    try {
      if (!stopped && relevant(records)) schedule();
    } catch {
      /* never let an error reach the page */
    }
  });

  function observe(): void {
    if (observing || stopped) return;
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    observing = true;
  }

  function disconnect(): void {
    if (!observing) return;
    observer.disconnect();
    observing = false;
  }

  /** Watch for a while for an article to appear; stop then unless one did. */
  function openWindow(): void {
    observe();
    if (windowTimer !== null) timers.clearTimeout(windowTimer);
    windowTimer = timers.setTimeout(() => {
      windowTimer = null;
      if (roots.length === 0 && quietTimer === null) disconnect();
    }, settings.watchMs);
  }

  function insideArticle(node: Node): boolean {
    for (const r of roots) if (r === node || r.contains(node)) return true;
    return false;
  }

  function relevant(records: MutationRecord[]): boolean {
    if (navigation) return true;
    if (roots.length > 0 && roots.some((r) => !r.isConnected)) return true; // the article was replaced
    for (const rec of records) {
      if (rec.type === 'characterData') {
        if (roots.length > 0 && insideArticle(rec.target)) return true;
        continue;
      }
      if (roots.length > 0 && insideArticle(rec.target)) {
        for (const n of rec.addedNodes) if (hasText(n)) return true;
        for (const n of rec.removedNodes) if (hasText(n)) return true;
        continue;
      }
      for (const n of rec.addedNodes) {
        if (roots.length === 0 ? hasText(n) : textLength(n) >= NEW_TEXT) return true;
      }
    }
    return false;
  }

  function schedule(): void {
    const t = deps.now();
    if (pendingSince === null) pendingSince = t;
    if (quietTimer !== null) timers.clearTimeout(quietTimer);
    const wait = Math.max(0, Math.min(settings.quietMs, pendingSince + settings.maxWaitMs - t));
    quietTimer = timers.setTimeout(() => {
      quietTimer = null;
      pendingSince = null;
      pass();
    }, wait);
  }

  function report(info: Omit<PassInfo, 'end'>): void {
    try {
      deps.onPass?.({ ...info, end: deps.now() });
    } catch {
      /* diagnostics never break the pass */
    }
  }

  function pass(after?: () => void): void {
    if (stopped) return;
    if (reading) {
      again = true;
      if (after) waiting.push(after);
      return;
    }
    const start = deps.now();
    const url = stripFragment(deps.url());
    // Read at another address than the last article sent: the page moved without a reload, whether
    // or not an address-change event said so. Its head may still describe the previous article.
    const moved = sent !== null && url !== sent.url;
    const seenNavigations = navigations;
    let read: ReadOutcome | Skipped | Promise<ReadOutcome | Skipped>;
    try {
      read = deps.capture(doc, url, moved || navigation);
    } catch {
      report({ url, outcome: 'error', start, result: null });
      after?.();
      return;
    }
    if (typeof (read as Promise<unknown>).then !== 'function') {
      settle(read as ReadOutcome | Skipped, url, moved, start, seenNavigations);
      after?.();
      return;
    }
    reading = true;
    (read as Promise<ReadOutcome | Skipped>).then(
      (r) => {
        reading = false;
        if (stopped) return;
        settle(r, url, moved, start, seenNavigations);
      },
      () => {
        reading = false;
        if (!stopped) report({ url, outcome: 'error', start, result: null });
      },
    ).then(() => {
      try {
        after?.();
        for (const w of waiting.splice(0)) w();
        if (again && !stopped) {
          again = false;
          pass();
        }
      } catch {
        /* never let an error reach the page */
      }
    });
  }

  /** What a read found: remember the article's elements, and send what is new. */
  function settle(read: ReadOutcome | Skipped, url: string, moved: boolean, start: number, seenNavigations: number): void {
    if ('skipped' in read) {
      roots = [];
      final = read.final;
      report({ url, outcome: 'not-article', reason: read.skipped, start, result: null });
      return;
    }
    const result = read;
    if (moved && sameBody(result.page.blocks, sent!.blocks)) {
      // the previous article is still on the page: wait for the new one
      roots = result.page.roots;
      report({ url, outcome: 'stale', start, result });
      return;
    }
    let payload = result.read;
    if (moved) payload = { ...payload, meta: freshMeta(payload.meta, sent!.meta, doc, result.page.roots) };
    // an address change while this read was under way asks for another read
    if (navigations === seenNavigations) navigation = false;
    roots = result.page.roots;
    const keys = new Set(payload.blocks.map(blockKey));
    const same =
      sent !== null &&
      sent.url === url &&
      sent.canonicalUrl === payload.meta.canonicalUrl &&
      // nothing new: every block was in what was sent (a shorter re-read, such as a collapsed body, is not sent)
      [...keys].every((k) => sent!.keys.has(k));
    if (same) {
      report({ url, outcome: 'unchanged', start, result });
      return;
    }
    sent = { url, canonicalUrl: payload.meta.canonicalUrl, keys, blocks: result.page.blocks, meta: payload.meta };
    try {
      deps.send(payload);
    } catch {
      /* the background may be gone; the next read sends again */
    }
    report({ url, outcome: 'sent', start, result: { ...result, read: payload } });
  }

  function onLocationChange(newUrl?: string): void {
    try {
      const url = stripFragment(newUrl ?? deps.url());
      if (url === currentUrl) return; // only the fragment changed
      currentUrl = url;
      navigation = true;
      navigations++;
      openWindow();
      schedule();
    } catch {
      /* never let an error reach the page */
    }
  }

  function stop(): void {
    stopped = true;
    disconnect();
    if (quietTimer !== null) timers.clearTimeout(quietTimer);
    if (windowTimer !== null) timers.clearTimeout(windowTimer);
    quietTimer = windowTimer = null;
  }

  deps.signal.addEventListener('abort', stop, { once: true });
  deps.onLocationChange(onLocationChange);

  return {
    readNow() {
      pass(() => {
        if (roots.length > 0) observe();
        else if (!final) openWindow();
      });
    },
    stop,
  };
}
