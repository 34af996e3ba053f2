/**
 * What a page says about itself: canonical URL, site name, title, authors, date and language, from
 * JSON-LD (including `@graph`), Open Graph, other meta tags and the page's own markup, in that order
 * of trust. Every value is checked and cleaned; a value that does not look right is left out rather
 * than passed on.
 */
import type { PageMeta } from './types';
import { allNodes, findArticleNode, isObject, typesOf, type JsonObject } from './jsonld';
import { normaliseSpace } from './text';

function meta(doc: Document, selector: string): string | null {
  const el = doc.querySelector(selector);
  const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
  return v && v.trim() ? normaliseSpace(v) : null;
}

function firstMeta(doc: Document, selectors: readonly string[]): string | null {
  for (const s of selectors) {
    const v = meta(doc, s);
    if (v) return v;
  }
  return null;
}

export function stripFragment(url: string): string {
  const i = url.indexOf('#');
  return i >= 0 ? url.slice(0, i) : url;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** An absolute http(s) URL without fragment, or null. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href || !href.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? stripFragment(u.href) : null;
  } catch {
    return null;
  }
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return normaliseSpace(v);
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) return normaliseSpace(x);
  return null;
}

// ---------------------------------------------------------------------------------------------
// canonical URL

/**
 * The canonical address, if the page gives a believable one. A canonical that points at the site's
 * home page from a deeper page is a template mistake: believing it would file every article of the
 * site under one address.
 */
export function canonicalOf(doc: Document, url: string, ld: JsonObject | null): string {
  const candidates = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    meta(doc, 'meta[property="og:url"]'),
    ldUrl(ld),
  ];
  const here = safeUrl(url);
  for (const c of candidates) {
    const abs = absoluteUrl(c, url);
    if (!abs) continue;
    const u = safeUrl(abs);
    if (!u) continue;
    if (here && (u.pathname === '/' || u.pathname === '') && here.pathname.length > 1) continue;
    return abs;
  }
  return url;
}

function ldUrl(ld: JsonObject | null): string | null {
  if (!ld) return null;
  const main = ld['mainEntityOfPage'];
  if (typeof main === 'string') return main;
  if (isObject(main)) {
    const id = main['@id'] ?? main['url'];
    if (typeof id === 'string') return id;
  }
  return typeof ld['url'] === 'string' ? ld['url'] : null;
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// people and organisations

/** Names from a JSON-LD author/publisher value: a string, a Person/Organization, or a list of them. */
export function ldNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string') out.push(...splitNames(v));
    else if (isObject(v)) {
      const name = str(v['name']) ?? [str(v['givenName']), str(v['familyName'])].filter(Boolean).join(' ');
      if (name) out.push(name);
    }
  }
  return cleanNames(out);
}

/** "By Jane Roe and John Doe" / "Jane Roe, John Doe" → ["Jane Roe", "John Doe"]. */
export function splitNames(text: string): string[] {
  const t = normaliseSpace(text)
    .replace(/^by[:\s]+/i, '')
    .replace(/\s*[|•·]\s*.*$/, '');
  return t
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NOT_A_NAME = /^(?:https?:|www\.|@)|[<>{}]|\.(?:com|org|net|co\.uk)\b/i;

function cleanNames(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const name = normaliseSpace(n).replace(/^by\s+/i, '');
    if (!name || name.length > 120 || NOT_A_NAME.test(name) || /^\d/.test(name)) continue;
    if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
    if (out.length >= 20) break;
  }
  return out;
}

function authorsOf(doc: Document, ld: JsonObject | null): string[] {
  const fromLd = ld ? ldNames(ld['author'] ?? ld['creator']) : [];
  if (fromLd.length) return fromLd;
  const fromMeta = firstMeta(doc, [
    'meta[name="author"]',
    'meta[property="article:author"]',
    'meta[name="byl"]',
    'meta[name="parsely-author"]',
    'meta[name="sailthru.author"]',
    'meta[name="dc.creator"]',
    'meta[name="DC.creator"]',
    'meta[name="dcterms.creator"]',
  ]);
  if (fromMeta) {
    const names = cleanNames(splitNames(fromMeta));
    if (names.length) return names;
  }
  const links = Array.from(doc.querySelectorAll('a[rel~="author"], [itemprop~="author"] [itemprop~="name"], [itemprop~="author"]'))
    .slice(0, 5)
    .map((a) => normaliseSpace(a.getAttribute('content') ?? a.textContent ?? ''));
  return cleanNames(links.flatMap(splitNames));
}

// ---------------------------------------------------------------------------------------------
// dates

/** An ISO 8601 date(-time) as given when it already is one; else parsed and written as ISO; else null. */
export function isoDate(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    return Number.isFinite(t) ? v.replace(' ', 'T') : null;
  }
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`; // 20191119
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : null;
}

function publishedOf(doc: Document, ld: JsonObject | null): string | null {
  const fromLd = isoDate(str(ld?.['datePublished']) ?? str(ld?.['dateCreated']));
  if (fromLd) return fromLd;
  const fromMeta = firstMeta(doc, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[property="og:article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="parsely-pub-date"]',
    'meta[name="sailthru.date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dcterms.created"]',
    'meta[name="date"]',
    'meta[property="og:pubdate"]',
  ]);
  return isoDate(fromMeta) ?? isoDate(meta(doc, 'time[itemprop~="datePublished"], time[pubdate], article time[datetime]'));
}

// ---------------------------------------------------------------------------------------------
// language

/** A BCP 47 tag, lower case with hyphens ("en_US" → "en-us"), or null when it is not one. */
export function normaliseLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/_/g, '-').toLowerCase().split(/[,;\s]/)[0];
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/.test(v) ? v : null;
}

function langOf(doc: Document, ld: JsonObject | null): string | null {
  return (
    normaliseLang(doc.documentElement.getAttribute('lang')) ??
    normaliseLang(doc.documentElement.getAttribute('xml:lang')) ??
    normaliseLang(meta(doc, 'meta[http-equiv="content-language"]')) ??
    normaliseLang(meta(doc, 'meta[http-equiv="Content-Language"]')) ??
    normaliseLang(meta(doc, 'meta[property="og:locale"]')) ??
    normaliseLang(str(ld?.['inLanguage']))
  );
}

// ---------------------------------------------------------------------------------------------

function siteNameOf(doc: Document, ld: JsonObject | null): string | null {
  const og = meta(doc, 'meta[property="og:site_name"]');
  if (og) return og;
  const publisher = ld ? ldNames(ld['publisher'])[0] : undefined;
  if (publisher) return publisher;
  for (const n of allNodes(doc)) {
    const t = typesOf(n);
    if (t.includes('newsmediaorganization') || t.includes('organization') || t.includes('website')) {
      const name = str(n['name']);
      if (name) return name;
    }
  }
  return meta(doc, 'meta[name="application-name"]');
}

function titleOf(doc: Document, ld: JsonObject | null, url: string): string {
  return (
    meta(doc, 'meta[property="og:title"]') ??
    str(ld?.['headline']) ??
    str(ld?.['name']) ??
    meta(doc, 'meta[name="twitter:title"]') ??
    (normaliseSpace(doc.title ?? '') || url)
  );
}

export function readMetadata(doc: Document, pageUrl: string): PageMeta {
  const url = stripFragment(pageUrl);
  const ld = findArticleNode(doc);
  const canonicalUrl = canonicalOf(doc, url, ld);
  return {
    url,
    canonicalUrl,
    site: hostOf(canonicalUrl) || hostOf(url),
    siteName: siteNameOf(doc, ld),
    title: titleOf(doc, ld, url).slice(0, 1000),
    authors: authorsOf(doc, ld),
    published: publishedOf(doc, ld),
    lang: langOf(doc, ld),
  };
}
