/**
 * The one protocol between the content script, the background and the extension pages.
 * Every message is declared here with its payload and reply, and checked where it arrives
 * (`parseRequest`): pages are hostile, and a message is only trusted after its shape is checked.
 */
import type { ExtractedQuote, QuoteKind, SpeakerType } from './extract/types';
import type { PageMeta } from './page/types';

/** Caps on what one page can send. Anything larger is refused, not truncated silently. */
export const LIMITS = {
  quotesPerPage: 500,
  quoteChars: 5_000,
  contextChars: 400,
  shortString: 300,
  url: 2_048,
  title: 1_000,
  authors: 20,
} as const;

/** A quote as captured on a page: the engine's output plus a little context to find it again. */
export interface CapturedQuote extends ExtractedQuote {
  /** Text just before and after the quote in its block (for highlighting and `#:~:text=` links). */
  before: string;
  after: string;
}

export interface PageCapture {
  meta: PageMeta;
  quotes: CapturedQuote[];
}

export interface SaveResult {
  articleId: number;
  added: number;
  removed: number;
  kept: number;
}

/**
 * Requests, named by direction: `content→background` as `page/…`, extension pages as `ui/…`.
 * `requested`: the user asked for this page from the popup (collects on a site set to "ask").
 */
export type Request = { type: 'page/captured'; capture: PageCapture; requested?: boolean };

export interface Replies {
  'page/captured': SaveResult;
}

export type Reply<T extends Request['type']> = { ok: true; value: Replies[T] } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// validation

export class InvalidMessage extends Error {
  override name = 'InvalidMessage';
}

function fail(path: string, what: string): never {
  throw new InvalidMessage(`${path}: ${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') fail(path, 'expected a string');
  if (v.length > max) fail(path, `longer than ${max} characters`);
  return v;
}

function strOrNull(v: unknown, path: string, max: number): string | null {
  return v === null || v === undefined ? null : str(v, path, max);
}

function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(path, `expected an integer in ${min}..${max}`);
  return v;
}

function httpUrl(v: unknown, path: string): string {
  const s = str(v, path, LIMITS.url);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    fail(path, 'not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(path, 'only http(s) URLs are accepted');
  return s;
}

const KINDS: readonly QuoteKind[] = ['direct', 'partial', 'block'];
const SPEAKER_TYPES: readonly SpeakerType[] = ['person', 'organization', 'document', 'descriptor'];

function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(path, `expected one of ${allowed.join(', ')}`);
  return v as T;
}

function parseMeta(v: unknown): PageMeta {
  if (!isObject(v)) fail('capture.meta', 'expected an object');
  const authorsRaw = v.authors;
  if (!Array.isArray(authorsRaw) || authorsRaw.length > LIMITS.authors) fail('capture.meta.authors', `expected at most ${LIMITS.authors} names`);
  return {
    url: httpUrl(v.url, 'capture.meta.url'),
    canonicalUrl: httpUrl(v.canonicalUrl, 'capture.meta.canonicalUrl'),
    site: str(v.site, 'capture.meta.site', LIMITS.shortString),
    siteName: strOrNull(v.siteName, 'capture.meta.siteName', LIMITS.shortString),
    title: str(v.title, 'capture.meta.title', LIMITS.title),
    authors: authorsRaw.map((a, i) => str(a, `capture.meta.authors[${i}]`, LIMITS.shortString)),
    published: strOrNull(v.published, 'capture.meta.published', LIMITS.shortString),
    lang: strOrNull(v.lang, 'capture.meta.lang', 35),
  };
}

function parseQuote(v: unknown, i: number): CapturedQuote {
  const p = `capture.quotes[${i}]`;
  if (!isObject(v)) fail(p, 'expected an object');
  const quote = str(v.quote, `${p}.quote`, LIMITS.quoteChars);
  if (!quote.trim()) fail(`${p}.quote`, 'empty');
  const confidence = v.confidence;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) fail(`${p}.confidence`, 'expected a number in 0..1');
  return {
    quote,
    speaker: strOrNull(v.speaker, `${p}.speaker`, LIMITS.shortString),
    mention: strOrNull(v.mention, `${p}.mention`, LIMITS.shortString),
    speakerType: v.speakerType === null || v.speakerType === undefined ? null : oneOf(v.speakerType, `${p}.speakerType`, SPEAKER_TYPES),
    role: strOrNull(v.role, `${p}.role`, LIMITS.shortString),
    cue: strOrNull(v.cue, `${p}.cue`, LIMITS.shortString),
    kind: oneOf(v.kind, `${p}.kind`, KINDS),
    block: int(v.block, `${p}.block`, 0, 1_000_000),
    start: int(v.start, `${p}.start`, 0, 10_000_000),
    end: int(v.end, `${p}.end`, 0, 10_000_000),
    confidence,
    before: str(v.before ?? '', `${p}.before`, LIMITS.contextChars),
    after: str(v.after ?? '', `${p}.after`, LIMITS.contextChars),
  };
}

/** Check an incoming message; throws `InvalidMessage` with the offending field's path. */
export function parseRequest(v: unknown): Request {
  if (!isObject(v)) fail('message', 'expected an object');
  switch (v.type) {
    case 'page/captured': {
      const c = v.capture;
      if (!isObject(c)) fail('capture', 'expected an object');
      if (!Array.isArray(c.quotes)) fail('capture.quotes', 'expected an array');
      if (c.quotes.length > LIMITS.quotesPerPage) fail('capture.quotes', `more than ${LIMITS.quotesPerPage} quotes`);
      const capture = { meta: parseMeta(c.meta), quotes: c.quotes.map(parseQuote) };
      return v.requested === true ? { type: 'page/captured', capture, requested: true } : { type: 'page/captured', capture };
    }
    default:
      fail('message.type', `unknown message type ${JSON.stringify(String(v.type)).slice(0, 60)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// extension pages → the content script of one tab (browser.tabs.sendMessage), for the popup's
// "This page": what the page holds, scroll to a quote, collect this page now.

export type TabRequest = { type: 'tab/status' } | { type: 'tab/show-quote'; quote: string } | { type: 'tab/collect' };

export interface TabStatus {
  /** The page's address as read (no fragment). */
  url: string;
  /** What the page says about itself (title, site, date), for the popup and "Save as quote". */
  meta: PageMeta;
  /** Quotes found on the page by the content script (whether or not they were stored). */
  found: number;
}

export interface TabReplies {
  'tab/status': TabStatus;
  'tab/show-quote': { found: boolean };
  'tab/collect': Reply<'page/captured'>;
}

/** Check a message sent to a tab; throws `InvalidMessage`. */
export function parseTabRequest(v: unknown): TabRequest {
  if (!isObject(v)) fail('message', 'expected an object');
  switch (v.type) {
    case 'tab/status':
    case 'tab/collect':
      return { type: v.type };
    case 'tab/show-quote':
      return { type: 'tab/show-quote', quote: str(v.quote, 'quote', LIMITS.quoteChars) };
    default:
      fail('message.type', `unknown message type ${JSON.stringify(String(v.type)).slice(0, 60)}`);
  }
}
