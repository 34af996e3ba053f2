import type { PageMeta } from './types';
import { jsonLd } from './detect';

function meta(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content');
  return v && v.trim() ? v.trim() : null;
}

function stripFragment(url: string): string {
  const i = url.indexOf('#');
  return i >= 0 ? url.slice(0, i) : url;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? stripFragment(u.href) : null;
  } catch {
    return null;
  }
}

interface LdArticle {
  headline?: unknown;
  datePublished?: unknown;
  author?: unknown;
  publisher?: unknown;
}

function findLdArticle(node: unknown, depth = 0): LdArticle | null {
  if (depth > 4 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findLdArticle(n, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const obj = node as Record<string, unknown>;
  const t = obj['@type'];
  const types = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
  if (types.some((x) => /article|posting/i.test(x))) return obj as LdArticle;
  return findLdArticle(obj['@graph'], depth + 1);
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    else if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') out.push(((v as { name: string }).name).trim());
  }
  return out.filter((n) => n.length > 0 && n.length < 120);
}

export function readMetadata(doc: Document, pageUrl: string): PageMeta {
  const url = stripFragment(pageUrl);
  const ld = jsonLd(doc).map((n) => findLdArticle(n)).find((x): x is LdArticle => x !== null) ?? null;
  const canonicalUrl =
    absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, url) ?? absolute(meta(doc, 'meta[property="og:url"]'), url) ?? url;
  const title =
    (typeof ld?.headline === 'string' && ld.headline.trim()) || meta(doc, 'meta[property="og:title"]') || doc.title?.trim() || url;
  const published =
    (typeof ld?.datePublished === 'string' && ld.datePublished) || meta(doc, 'meta[property="article:published_time"]') || meta(doc, 'meta[name="date"]') || null;
  const ldAuthors = names(ld?.author);
  const authors = ldAuthors.length ? ldAuthors : names(meta(doc, 'meta[name="author"]'));
  const siteName = meta(doc, 'meta[property="og:site_name"]') ?? (names(ld?.publisher)[0] || null);
  const lang = (doc.documentElement.getAttribute('lang') || meta(doc, 'meta[http-equiv="content-language"]') || '').trim().toLowerCase() || null;
  return { url, canonicalUrl, site: hostOf(canonicalUrl) || hostOf(url), siteName, title, authors, published, lang };
}
