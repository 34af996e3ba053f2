/**
 * The content script's page UI (issue 6): answers the popup about this page (what was found,
 * "show me this quote", "collect this page now") and, when the user turned highlights on,
 * underlines the quotes found with the speaker on hover. Everything is tied to the content
 * script's context: invalidating it removes the listeners and the layer.
 */
import { browser } from 'wxt/browser';
import { parseTabRequest, type PageCapture, type PageRead, type Reply, type Request, type TabReplies, type TabRequest } from '../messaging';
import type { ArticlePage } from '../page/types';
import { loadSettings, siteMode, siteOfUrl, watchSettings, type Settings } from '../settings';
import { comparable, findTextRange } from './locate';
import { Overlay, type Mark } from './overlay';

/** What the page UI needs from WXT's content-script context. */
export interface PageUiContext {
  readonly isValid: boolean;
  onInvalidated(cb: () => void): () => void;
}

export interface Captured {
  /** The elements the article's blocks were read from (`elements[i]` holds block `i`). */
  page: Pick<ArticlePage, 'elements'>;
  /** The quotes the background found in the page (the engine runs there) and the page's metadata. */
  capture: PageCapture;
  /** The page as read and sent, to send again when the user asks to collect it. */
  read?: PageRead;
}

function labelOf(q: PageCapture['quotes'][number]): string {
  const who = q.speaker ?? 'Speaker not identified';
  return q.role ? `${who} · ${q.role}` : who;
}

export class PageUi {
  private overlay: Overlay | null = null;
  private ranges = new Map<number, Range | null>();
  private cleanups: (() => void)[] = [];
  private settings: Settings | null = null;

  constructor(
    private doc: Document,
    private result: Captured,
    private send: (req: Request) => Promise<Reply<Request['type']>>,
  ) {}

  /** The page was read again (it changed, or moved to another address without a reload). */
  setResult(result: Captured): void {
    this.result = result;
    this.ranges.clear();
    if (this.settings) this.apply(this.settings);
  }

  /** The Range of captured quote `i` on the page (cached). */
  rangeOf(i: number): Range | null {
    if (!this.ranges.has(i)) {
      const q = this.result.capture.quotes[i];
      const el = q ? this.result.page.elements[q.block] : undefined;
      this.ranges.set(i, el?.isConnected ? findTextRange(el, q.quote, q.start) : null);
    }
    const r = this.ranges.get(i) ?? null;
    return r && r.startContainer.isConnected ? r : null;
  }

  /** Find a quote by its text: among the captured ones first, then anywhere in the article. */
  locate(text: string): Range | null {
    const want = comparable(text);
    const quotes = this.result.capture.quotes;
    for (let i = 0; i < quotes.length; i++) if (comparable(quotes[i].quote) === want) return this.rangeOf(i);
    for (const el of this.result.page.elements) {
      if (!el.isConnected) continue;
      const r = findTextRange(el, text);
      if (r) return r;
    }
    return this.doc.body ? findTextRange(this.doc.body, text) : null;
  }

  async handle(req: TabRequest): Promise<TabReplies[TabRequest['type']]> {
    switch (req.type) {
      case 'tab/status':
        return { url: this.result.capture.meta.url, meta: this.result.capture.meta, found: this.result.capture.quotes.length };
      case 'tab/show-quote': {
        const range = this.locate(req.quote);
        if (!range) return { found: false };
        const target = range.startContainer.parentElement;
        // smooth where the reader sees it; at once in a hidden tab (it would not animate there)
        const reduce = this.doc.visibilityState === 'hidden' || this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        target?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
        this.ensureOverlay().flash(range);
        return { found: true };
      }
      case 'tab/collect':
        return this.result.read
          ? this.send({ type: 'page/read', read: this.result.read, requested: true })
          : this.send({ type: 'page/captured', capture: this.result.capture, requested: true });
    }
  }

  private ensureOverlay(): Overlay {
    this.overlay ??= new Overlay(this.doc);
    return this.overlay;
  }

  /** Apply settings: underline the quotes when highlights are on (and the site is not excluded). */
  apply(settings: Settings): void {
    this.settings = settings;
    // never on a site the user excluded; elsewhere whenever the switch is on
    const on = settings.highlights && siteMode(settings, siteOfUrl(this.result.capture.meta.url)) !== 'never';
    if (on) {
      const marks: Mark[] = [];
      this.result.capture.quotes.forEach((q, i) => {
        const range = this.rangeOf(i);
        if (range) marks.push({ range, label: labelOf(q) });
      });
      this.ensureOverlay().setMarks(marks);
    } else if (this.overlay) {
      this.overlay.setMarks([]);
    }
  }

  get highlighting(): boolean {
    return !!this.settings?.highlights && (this.overlay?.underlined ?? 0) > 0;
  }

  pointerAt(x: number, y: number): void {
    if (this.highlighting) this.overlay?.pointerAt(x, y);
  }

  relayout(): void {
    if (this.highlighting) this.overlay?.relayout();
  }

  onCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  destroy(): void {
    for (const fn of this.cleanups.splice(0)) {
      try {
        fn();
      } catch {
        /* already gone */
      }
    }
    this.overlay?.destroy();
    this.overlay = null;
  }
}

export interface PageUiHook {
  /** Give the page UI the latest reading of the page (each time the content script reads it). */
  update(result: Captured): void;
}

/**
 * Wire the page UI into the content script: call `update` with each capture. Nothing is set up
 * until the page was read as an article. Never throws into the page.
 */
export function attachPageUi(ctx: PageUiContext, doc: Document = document): PageUiHook {
  let ui: PageUi | null = null;
  return {
    update(result) {
      try {
        if (ui) ui.setResult(result);
        else ui = start(ctx, result, doc);
      } catch {
        // never let an error reach the page
      }
    },
  };
}

function start(ctx: PageUiContext, result: Captured, doc: Document): PageUi {
  const ui = new PageUi(doc, result, (req) => browser.runtime.sendMessage(req) as Promise<Reply<Request['type']>>);
  const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || !ctx.isValid) return undefined;
    let req: TabRequest;
    try {
      req = parseTabRequest(raw);
    } catch {
      return undefined; // not ours to answer
    }
    return ui.handle(req).catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ui.onCleanup(() => browser.runtime.onMessage.removeListener(onMessage));

  const win = doc.defaultView;
  if (win) {
    let pending = false;
    let px = 0;
    let py = 0;
    const onMove = (e: MouseEvent) => {
      px = e.clientX;
      py = e.clientY;
      if (pending || !ui.highlighting) return;
      pending = true;
      win.requestAnimationFrame(() => {
        pending = false;
        ui.pointerAt(px, py);
      });
    };
    const onResize = () => ui.relayout();
    doc.addEventListener('mousemove', onMove, { passive: true });
    win.addEventListener('resize', onResize, { passive: true });
    ui.onCleanup(() => doc.removeEventListener('mousemove', onMove));
    ui.onCleanup(() => win.removeEventListener('resize', onResize));
    if (typeof ResizeObserver === 'function' && doc.body) {
      const ro = new ResizeObserver(onResize);
      ro.observe(doc.body);
      ui.onCleanup(() => ro.disconnect());
    }
  }

  loadSettings().then(
    (s) => ctx.isValid && ui.apply(s),
    () => {},
  );
  ui.onCleanup(watchSettings((s) => ctx.isValid && ui.apply(s)));
  ctx.onInvalidated(() => ui.destroy());
  return ui;
}
