/**
 * The Dexie database: schema versions and the database class. Opened only by the background and
 * extension pages, never by a content script (its IndexedDB would be the web page's).
 *
 * Schema versions are FROZEN once committed: never edit a version below; add a new one with its
 * upgrade, and add its fixture to `tests/unit/store/migration.test.ts`, which opens a database
 * written by the previous version and checks nothing is lost.
 *
 * Indexes (each one is used by a query in this folder; nothing else is indexed):
 * - articles `*urls`: this page's quotes by any address it was read at, canonical included.
 * - speakers `*keys`: identity of a name when saving; `surname`: name variants of people;
 *   `*nameWords`: name-prefix filter and search; `[listed+quoteCount+id]`, `[listed+lastQuoted+id]`:
 *   the speakers list by count and by recency, paged by key.
 * - quotes `&[articleId+norm]`: one row per statement per article (idempotent saving) and a page's
 *   quotes; `[speakerId+date+id]`, `[site+date+id]`, `[date+id]`, `[speakerSort+negDate+id]`: the
 *   sorted views, paged by key; `*words`: search; `*sketch`: the same statement elsewhere;
 *   `groupId`: a statement's other sightings.
 * - deletions `[articleId+norm]`: quotes the user deleted stay deleted.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { ArticleRow, DeletionRow, GroupRow, QuoteRow, SpeakerRow } from './types';

export type { ArticleRow, DeletionRow, GroupRow, QuoteRow, SpeakerRow } from './types';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every schema version, oldest first. FROZEN: append, never edit. */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: '++id, *urls',
      speakers: '++id, *keys, surname, *nameWords, [listed+quoteCount+id], [listed+lastQuoted+id]',
      quotes: '++id, &[articleId+norm], [speakerId+date+id], [site+date+id], [date+id], [speakerSort+negDate+id], *words, *sketch, groupId',
      groups: '++id',
      deletions: '[articleId+norm]',
    },
  },
];

export const LATEST_VERSION = SCHEMA[SCHEMA.length - 1].version;

export type DexieOptions = ConstructorParameters<typeof Dexie>[1];

export class QuotemarkDB extends Dexie {
  articles!: Table<ArticleRow, number>;
  speakers!: Table<SpeakerRow, number>;
  quotes!: Table<QuoteRow, number>;
  groups!: Table<GroupRow, number>;
  deletions!: Table<DeletionRow, [number, string]>;

  /** `upTo` opens the database as an older version declared it (for migration tests only). */
  constructor(name = 'quotemark', options?: DexieOptions, upTo = LATEST_VERSION) {
    super(name, options);
    for (const v of SCHEMA) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: QuotemarkDB | null = null;

/** The extension's database, created on first use (wxt build imports entrypoints in Node). */
export function getDb(): QuotemarkDB {
  shared ??= new QuotemarkDB();
  return shared;
}

/**
 * Run reads in one read-only transaction whose scope is an async function: the reads see one
 * consistent state, and Dexie's zone (the transaction, and `liveQuery`'s record of what was read)
 * is kept across every await, whatever the caller's querier looks like.
 */
export function reading<T>(db: QuotemarkDB, read: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.tables, async () => read());
}
