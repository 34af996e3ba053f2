/**
 * The one protocol between the content script, the background and the extension pages.
 * Every message is declared here with its payload and reply, and checked where it arrives
 * (`parseRequest`): pages are hostile, and a message is only trusted after its shape is checked.
 */
import type { Block, BlockKind, ExtractedQuote, QuoteKind, SpeakerType } from './extract/types';
import type { PageMeta } from './page/types';

/** Caps on what one page can send. Anything larger is refused, not truncated silently. */
export const LIMITS = {
  /** A page read: blocks, characters per block, characters in all (the engine reads no more). */
  blocksPerPage: 5_000,
  blockChars: 50_000,
  pageChars: 400_000,
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

/**
 * What the content script sends: the article as read (its metadata and its blocks of text). The
 * engine runs in the background, off the page's thread: reading is all a page pays for.
 */
export interface PageRead {
  meta: PageMeta;
  blocks: Block[];
}

/**
 * The background's answer to a page read: the quotes found (for highlights and "This page"), and
 * what was saved, or why nothing was (the user's settings: paused, or "only when I ask" here).
 */
export interface ReadReply {
  saved: SaveResult | null;
  refused: string | null;
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
export type Request = { type: 'page/read'; read: PageRead; requested?: boolean } | { type: 'page/captured'; capture: PageCapture; requested?: boolean };

export interface Replies {
  'page/read': ReadReply;
  'page/captured': SaveResult;
}

/** A reply: a value, or an error said in words. Distributes over a union of request types. */
export type Reply<T extends Request['type']> = T extends unknown ? { ok: true; value: Replies[T] } | { ok: false; error: string } : never;

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

function parseMeta(v: unknown, path: string): PageMeta {
  if (!isObject(v)) fail(path, 'expected an object');
  const authorsRaw = v.authors;
  if (!Array.isArray(authorsRaw) || authorsRaw.length > LIMITS.authors) fail(`${path}.authors`, `expected at most ${LIMITS.authors} names`);
  return {
    url: httpUrl(v.url, `${path}.url`),
    canonicalUrl: httpUrl(v.canonicalUrl, `${path}.canonicalUrl`),
    site: str(v.site, `${path}.site`, LIMITS.shortString),
    siteName: strOrNull(v.siteName, `${path}.siteName`, LIMITS.shortString),
    title: str(v.title, `${path}.title`, LIMITS.title),
    authors: authorsRaw.map((a, i) => str(a, `${path}.authors[${i}]`, LIMITS.shortString)),
    published: strOrNull(v.published, `${path}.published`, LIMITS.shortString),
    lang: strOrNull(v.lang, `${path}.lang`, 35),
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

const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'heading', 'blockquote', 'caption', 'byline', 'list-item'];

function parseBlocks(v: unknown): Block[] {
  if (!Array.isArray(v)) fail('read.blocks', 'expected an array');
  if (v.length > LIMITS.blocksPerPage) fail('read.blocks', `more than ${LIMITS.blocksPerPage} blocks`);
  let total = 0;
  return v.map((b, i) => {
    const p = `read.blocks[${i}]`;
    if (!isObject(b)) fail(p, 'expected an object');
    const text = str(b.text, `${p}.text`, LIMITS.blockChars);
    total += text.length;
    if (total > LIMITS.pageChars) fail('read.blocks', `more than ${LIMITS.pageChars} characters in all`);
    return { text, kind: oneOf(b.kind, `${p}.kind`, BLOCK_KINDS) };
  });
}

/** Check an incoming message; throws `InvalidMessage` with the offending field's path. */
export function parseRequest(v: unknown): Request {
  if (!isObject(v)) fail('message', 'expected an object');
  switch (v.type) {
    case 'page/read': {
      const r = v.read;
      if (!isObject(r)) fail('read', 'expected an object');
      const read = { meta: parseMeta(r.meta, 'read.meta'), blocks: parseBlocks(r.blocks) };
      return v.requested === true ? { type: 'page/read', read, requested: true } : { type: 'page/read', read };
    }
    case 'page/captured': {
      const c = v.capture;
      if (!isObject(c)) fail('capture', 'expected an object');
      if (!Array.isArray(c.quotes)) fail('capture.quotes', 'expected an array');
      if (c.quotes.length > LIMITS.quotesPerPage) fail('capture.quotes', `more than ${LIMITS.quotesPerPage} quotes`);
      const capture = { meta: parseMeta(c.meta, 'capture.meta'), quotes: c.quotes.map(parseQuote) };
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
  'tab/collect': Reply<'page/captured'> | Reply<'page/read'>;
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
