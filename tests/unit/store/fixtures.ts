/** Test fixtures for the store: a fresh fake-indexeddb database and small hand-written captures. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { SpeakerType } from '../../../lib/extract/types';
import type { CapturedQuote, PageCapture } from '../../../lib/messaging';
import { QuotemarkDB } from '../../../lib/store/db';

let n = 0;
/** A new, empty database on its own IDBFactory (Dexie keeps state per factory). */
export function freshDb(): QuotemarkDB {
  return new QuotemarkDB(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export interface QuoteOpts {
  type?: SpeakerType | null;
  role?: string | null;
  mention?: string | null;
  block?: number;
}

export function q(text: string, speaker: string | null, opts: QuoteOpts = {}): CapturedQuote {
  return {
    quote: text,
    speaker,
    mention: opts.mention ?? speaker,
    speakerType: opts.type === undefined ? (speaker ? 'person' : null) : opts.type,
    role: opts.role ?? null,
    cue: speaker ? `${speaker} said` : null,
    kind: 'direct',
    block: opts.block ?? 0,
    start: 1,
    end: 1 + text.length,
    confidence: 0.9,
    before: 'before ',
    after: ' after',
  };
}

export function page(url: string, quotes: CapturedQuote[], meta: Partial<PageCapture['meta']> = {}): PageCapture {
  const u = new URL(url);
  return {
    meta: { url, canonicalUrl: url, site: u.hostname.replace(/^www\./, ''), siteName: null, title: `Story at ${u.pathname}`, authors: [], published: null, lang: 'en', ...meta },
    quotes,
  };
}
