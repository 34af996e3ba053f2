/**
 * The Dexie database: schema and versions. Opened only by the background and extension pages,
 * never by a content script (its IndexedDB would be the web page's).
 */
import Dexie, { type Table } from 'dexie';
import type { QuoteKind, SpeakerType } from '../extract/types';

export interface ArticleRow {
  id?: number;
  /** Canonical URL: the article's identity. */
  url: string;
  /** Every address the article was read at (for "this page" lookups). */
  urls: string[];
  site: string;
  siteName: string | null;
  title: string;
  authors: string[];
  published: string | null;
  firstSeen: number;
  lastSeen: number;
  quoteCount: number;
}

export interface SpeakerRow {
  id?: number;
  /** Identity key: the normalised full name. */
  key: string;
  name: string;
  type: SpeakerType | null;
  aliases: string[];
  roles: string[];
  sites: string[];
  quoteCount: number;
  lastQuoted: number;
}

export interface QuoteRow {
  id?: number;
  articleId: number;
  speakerId: number | null;
  /** Normalised text: identity of the quote within its article. */
  norm: string;
  text: string;
  speakerName: string | null;
  mention: string | null;
  role: string | null;
  cue: string | null;
  kind: QuoteKind;
  confidence: number;
  block: number;
  start: number;
  end: number;
  before: string;
  after: string;
  site: string;
  url: string;
  /** When the article was published if known, else when it was first seen (ms since epoch). */
  date: number;
  seen: number;
}

export class QuotemarkDB extends Dexie {
  articles!: Table<ArticleRow, number>;
  speakers!: Table<SpeakerRow, number>;
  quotes!: Table<QuoteRow, number>;

  constructor(name = 'quotemark', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      articles: '++id, &url, *urls, site, lastSeen',
      speakers: '++id, &key, quoteCount, lastQuoted',
      quotes: '++id, &[articleId+norm], articleId, [speakerId+date], site, seen',
    });
  }
}

let shared: QuotemarkDB | null = null;

/** The extension's database, created on first use (wxt build imports entrypoints in Node). */
export function getDb(): QuotemarkDB {
  shared ??= new QuotemarkDB();
  return shared;
}
