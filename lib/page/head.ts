/**
 * What the page says about itself in markup meant for machines: meta tags and JSON-LD. Read once
 * per pass: the meta tags into a map (one walk over the page's `<meta>` elements instead of one
 * selector query per tag asked for), the JSON-LD scripts as text, parsed only when asked and only
 * once.
 */
import { findArticleNodeIn, parseLenient, topNodes, type JsonObject } from './jsonld';

/** Largest JSON-LD block parsed; anything bigger is not a page's self-description. */
const MAX_JSON = 512 * 1024;

export class PageHead {
  private metas: Map<string, string> | null = null;
  private texts: string[] | null = null;
  private parsed: unknown[] | null = null;
  private article: JsonObject | null | undefined;

  constructor(readonly doc: Document) {}

  /** The og:type, read straight off its tag (the one meta tag every page's check asks for). */
  ogType(): string | null {
    if (this.metas) return this.meta('og:type')?.toLowerCase() ?? null;
    const el = (this.doc.head ?? this.doc).querySelector('meta[property="og:type"], meta[name="og:type"]') ?? this.doc.querySelector('meta[property="og:type"]');
    const v = el?.getAttribute('content')?.trim().toLowerCase();
    return v || null;
  }

  /** Content of the first `<meta>` whose property, name, itemprop or http-equiv is `key` (any case), trimmed. */
  meta(key: string): string | null {
    if (!this.metas) this.metas = readMetas(this.doc);
    const v = this.metas.get(key.toLowerCase());
    return v === undefined ? null : v.replace(/\s+/g, ' ').trim() || null;
  }

  private ldTexts(): string[] {
    if (!this.texts) {
      this.texts = [];
      for (const s of this.doc.querySelectorAll('script[type="application/ld+json"]')) {
        const text = s.textContent ?? '';
        if (text && text.length <= MAX_JSON) this.texts.push(text);
      }
    }
    return this.texts;
  }

  /** The first of `keys` that the page gives. */
  firstMeta(keys: readonly string[]): string | null {
    for (const k of keys) {
      const v = this.meta(k);
      if (v) return v;
    }
    return null;
  }

  /** The article node of the page's JSON-LD (see `findArticleNodeIn`); parses only blocks that can hold one. */
  articleNode(): JsonObject | null {
    if (this.article === undefined) this.article = findArticleNodeIn(this.ldTexts());
    return this.article;
  }

  /** Every top-level JSON-LD node (the value, array members and `@graph` members). */
  nodes(): JsonObject[] {
    if (!this.parsed) this.parsed = this.ldTexts().map(parseLenient).filter((v) => v !== undefined);
    const out: JsonObject[] = [];
    for (const v of this.parsed) topNodes(v, out);
    return out;
  }
}

function readMetas(doc: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const m of doc.getElementsByTagName('meta')) {
    const content = m.getAttribute('content');
    if (content === null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr);
      if (key) {
        const k = key.trim().toLowerCase();
        if (!metas.has(k)) metas.set(k, content);
      }
    }
  }
  return metas;
}
