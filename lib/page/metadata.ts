/**
 * What a page says about itself: canonical URL, site name, title, authors, date and language, from
 * JSON-LD (including `@graph`), Open Graph, other meta tags and the page's own markup, in that order
 * of trust. Every value is checked and cleaned; a value that does not look right is left out rather
 * than passed on.
 */
import type { PageMeta } from './types';
import { PageHead } from './head';
import { isObject, typesOf, type JsonObject } from './jsonld';
import { normaliseSpace } from './text';

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
export function canonicalOf(doc: Document, head: PageHead, url: string, ld: JsonObject | null): string {
  const candidates = [canonicalLink(doc), head.meta('og:url'), ldUrl(ld)];
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

function canonicalLink(doc: Document): string | null {
  for (const l of doc.getElementsByTagName('link')) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? '')) return l.getAttribute('href');
  }
  return null;
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

const AUTHOR_METAS = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator'];

function authorsOf(doc: Document, head: PageHead, ld: JsonObject | null): string[] {
  const fromLd = ld ? ldNames(ld['author'] ?? ld['creator']) : [];
  if (fromLd.length) return fromLd;
  const fromMeta = head.firstMeta(AUTHOR_METAS);
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

const DATE_METAS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'date', 'og:pubdate',
];

function publishedOf(doc: Document, head: PageHead, ld: JsonObject | null): string | null {
  const fromLd = isoDate(str(ld?.['datePublished']) ?? str(ld?.['dateCreated']));
  if (fromLd) return fromLd;
  const fromMeta = isoDate(head.firstMeta(DATE_METAS));
  if (fromMeta) return fromMeta;
  const time = doc.querySelector('time[itemprop~="datePublished"], time[pubdate], article time[datetime]');
  return isoDate(time?.getAttribute('datetime') ?? null);
}

// ---------------------------------------------------------------------------------------------
// language

/** A BCP 47 tag, lower case with hyphens ("en_US" → "en-us"), or null when it is not one. */
export function normaliseLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/_/g, '-').toLowerCase().split(/[,;\s]/)[0];
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/.test(v) ? v : null;
}

function langOf(doc: Document, head: PageHead, ld: JsonObject | null): string | null {
  return (
    normaliseLang(doc.documentElement?.getAttribute('lang')) ??
    normaliseLang(doc.documentElement?.getAttribute('xml:lang')) ??
    normaliseLang(head.meta('content-language')) ??
    normaliseLang(head.meta('og:locale')) ??
    normaliseLang(str(ld?.['inLanguage']))
  );
}

// ---------------------------------------------------------------------------------------------

function siteNameOf(head: PageHead, ld: JsonObject | null): string | null {
  const og = head.meta('og:site_name');
  if (og) return og;
  const publisher = ld ? ldNames(ld['publisher'])[0] : undefined;
  if (publisher) return publisher;
  for (const n of head.nodes()) {
    const t = typesOf(n);
    if (t.includes('newsmediaorganization') || t.includes('organization') || t.includes('website')) {
      const name = str(n['name']);
      if (name) return name;
    }
  }
  return head.meta('application-name');
}

function titleOf(doc: Document, head: PageHead, ld: JsonObject | null, url: string): string {
  return (
    head.meta('og:title') ??
    str(ld?.['headline']) ??
    str(ld?.['name']) ??
    head.meta('twitter:title') ??
    (normaliseSpace(doc.title ?? '') || url)
  );
}

/** The page's metadata; `head` is the page's head when the caller has read it already. */
export function readMetadata(doc: Document, pageUrl: string, head: PageHead = new PageHead(doc)): PageMeta {
  const url = stripFragment(pageUrl);
  const ld = head.articleNode();
  const canonicalUrl = canonicalOf(doc, head, url, ld);
  return {
    url,
    canonicalUrl,
    site: hostOf(canonicalUrl) || hostOf(url),
    siteName: siteNameOf(head, ld),
    title: titleOf(doc, head, ld, url).slice(0, 1000),
    authors: authorsOf(doc, head, ld),
    published: publishedOf(doc, head, ld),
    lang: langOf(doc, head, ld),
  };
}
