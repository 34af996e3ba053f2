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
 * - sites (v2), keyed by site: counts for the library's site filter.
 * - tallies (v3), keyed by speakerId: a speaker's counts per site and role (the row keeps the top few).
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { ArticleRow, DeletionRow, GroupRow, QuoteRow, SiteRow, SpeakerRow, TallyRow } from './types';

export type { ArticleRow, DeletionRow, GroupRow, QuoteRow, SiteRow, SpeakerRow, TallyRow } from './types';

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
  {
    // the library's site filter lists sites with their counts: v1 read every article for it
    version: 2,
    stores: { sites: 'site' },
    upgrade: async (tx) => {
      // written against v1's article rows, as they were: never change this function
      const bySite = new Map<string, { site: string; siteName: string | null; articleCount: number; quoteCount: number; lastSeen: number }>();
      await tx.table('articles').each((a: { site: string; siteName: string | null; quoteCount: number; lastSeen: number }) => {
        const s = bySite.get(a.site) ?? { site: a.site, siteName: null, articleCount: 0, quoteCount: 0, lastSeen: 0 };
        s.articleCount += 1;
        s.quoteCount += a.quoteCount;
        s.lastSeen = Math.max(s.lastSeen, a.lastSeen);
        s.siteName ??= a.siteName;
        bySite.set(a.site, s);
      });
      await tx.table('sites').bulkPut([...bySite.values()]);
    },
  },
  {
    // a speaker's counts per site and per role move out of the speaker row: the speakers list read
    // every one of them (hundreds of sites for the most quoted) to show three
    version: 3,
    stores: { tallies: 'speakerId' },
    upgrade: async (tx) => {
      // written against v2's speaker rows, as they were: never change this function
      type Tally = [string, number][];
      const top = (t: Tally, n: number) =>
        t
          .map(([v, c], i) => ({ v, c, i }))
          .sort((a, b) => b.c - a.c || a.i - b.i)
          .slice(0, n)
          .map((x) => x.v);
      const tallies: { speakerId: number; sites: Tally; roles: Tally }[] = [];
      await tx
        .table('speakers')
        .toCollection()
        .modify((s: { id: number; sites?: Tally; roles?: Tally; topSites?: string[]; siteCount?: number; topRoles?: string[]; roleCount?: number }) => {
          const sites = s.sites ?? [];
          const roles = s.roles ?? [];
          tallies.push({ speakerId: s.id, sites, roles });
          s.topSites = top(sites, 8);
          s.siteCount = sites.length;
          s.topRoles = top(roles, 3);
          s.roleCount = roles.length;
          delete s.sites;
          delete s.roles;
        });
      await tx.table('tallies').bulkPut(tallies);
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
  sites!: Table<SiteRow, string>;
  tallies!: Table<TallyRow, number>;

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

// ---------------------------------------------------------------------------------------------
// zones

/**
 * Dexie finds the current transaction, and `liveQuery` records what a view read, through its
 * "zone", which it carries across native `await`s only for a limited number of microtasks. The
 * store's reads and writes are nested async functions, so they pin the zone instead: `pinZone`
 * returns the database with every call on a table, collection or where-clause made inside the zone
 * that was current when the read or write began. Nothing then depends on how the caller's
 * function is written (`liveQuery(() => …)` or `liveQuery(async () => …)`).
 */
type Zone = object;
const zones = Dexie.Promise as unknown as { PSD: Zone; usePSD<T>(zone: Zone, fn: () => T): T };
const pinned = new WeakMap<object, Zone>();

export function pinZone(db: QuotemarkDB): QuotemarkDB {
  if (pinned.has(db)) return db;
  const zone = zones.PSD;
  // Dexie's tables, collections and where-clauses, known by their prototypes (names do not survive minifying)
  const protos = [Object.getPrototypeOf(db.quotes), Object.getPrototypeOf(db.quotes.toCollection()), Object.getPrototypeOf(db.quotes.where('groupId'))] as object[];
  const isDexieObject = (v: unknown): v is object => typeof v === 'object' && v !== null && protos.includes(Object.getPrototypeOf(v) as object);
  const wrap = <T extends object>(target: T): T => {
    const proxy = new Proxy(target, {
      get(t, prop) {
        const v = Reflect.get(t, prop, t) as unknown;
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            const r = zones.usePSD(zone, () => (v as (...a: unknown[]) => unknown).apply(t, args));
            return isDexieObject(r) ? wrap(r) : r;
          };
        }
        if (isDexieObject(v)) return wrap(v);
        if (Array.isArray(v) && v.some(isDexieObject)) return v.map((x) => (isDexieObject(x) ? wrap(x) : x));
        return v;
      },
    });
    pinned.set(proxy, zone);
    return proxy;
  };
  return wrap(db);
}

/** The transaction a pinned database works in (null outside a transaction). */
export function transactionOf(db: QuotemarkDB): Transaction | null {
  const zone = pinned.get(db);
  return zone ? zones.usePSD(zone, () => Dexie.currentTransaction) : Dexie.currentTransaction;
}

/**
 * Run reads in one read-only transaction on a pinned database: the reads see one consistent state,
 * and the transaction and `liveQuery`'s record of what was read hold across every await.
 */
export function reading<T>(db: QuotemarkDB, read: (db: QuotemarkDB) => Promise<T>): Promise<T> {
  // already inside a pinned read or write: its transaction covers every table
  if (pinned.has(db)) return read(db);
  return db.transaction('r', db.tables, async () => read(pinZone(db)));
}

/** Run a write in one read-write transaction on a pinned database (see `pinZone`). */
export function writing<T>(db: QuotemarkDB, write: (db: QuotemarkDB) => Promise<T>): Promise<T> {
  if (pinned.has(db) && transactionOf(db)?.mode === 'readwrite') return write(db);
  return db.transaction('rw', db.tables, async () => write(pinZone(db)));
}
