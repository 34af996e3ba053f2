/**
 * Schema versions are frozen, and every upgrade keeps what the previous version stored.
 *
 * To add version N+1: append it to SCHEMA (never edit an earlier one), add its stores to FROZEN
 * below, write `migrations/vN.ts` (literal rows as version N stores them), and add an entry to
 * UPGRADES checking what the upgrade must produce; when it rewrites rows, update `rewritten` of
 * the older entries too. The generic test opens a database at each older version with its rows,
 * upgrades it to the latest, checks every row is still there (as rewritten), then runs the
 * entry's own checks: the app must read and write the upgraded data as its own.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, QuotemarkDB, SCHEMA } from '../../../lib/store/db';
import { getSpeaker, listSites, listSpeakers, pageQuotes, quoteGroup } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { search } from '../../../lib/store/search';
import { page, q } from './fixtures';
import { V1 } from './migrations/v1';
import { V2 } from './migrations/v2';

/** Every released version's stores, as released. A failure here means a released version was edited. */
const FROZEN: Record<number, Record<string, string | null>> = {
  1: {
    articles: '++id, *urls',
    speakers: '++id, *keys, surname, *nameWords, [listed+quoteCount+id], [listed+lastQuoted+id]',
    quotes: '++id, &[articleId+norm], [speakerId+date+id], [site+date+id], [date+id], [speakerSort+negDate+id], *words, *sketch, groupId',
    groups: '++id',
    deletions: '[articleId+norm]',
  },
  2: { sites: 'site' },
  3: { tallies: 'speakerId' },
};

type Tables = Record<string, object[]>;

interface Upgrade {
  from: number;
  rows: Tables;
  /** Rows as the latest version must hold them, where an upgrade rewrote them (table → rows by key). */
  rewritten?: Record<string, object[]>;
  /** What the upgrade (and everything after it) must produce, beyond keeping every row. */
  check(db: QuotemarkDB): Promise<void>;
}

/** v3 moved each speaker's per-site and per-role counts out of the row into `tallies`. */
const SPEAKERS_V3 = V1.speakers.map(({ sites, roles, ...rest }) => ({
  ...rest,
  topSites: [...(sites as [string, number][])].sort((a, b) => b[1] - a[1]).map(([s]) => s),
  siteCount: sites.length,
  topRoles: roles.map(([r]) => r),
  roleCount: roles.length,
}));

async function checkV3(db: QuotemarkDB): Promise<void> {
  expect(await db.tallies.toArray()).toEqual(V1.speakers.map((s) => ({ speakerId: s.id, sites: s.sites, roles: s.roles })));
  const ana = (await getSpeaker(db, 1))!;
  expect(ana).toMatchObject({ sites: ['a.example', 'b.example'], siteCount: 2, roles: ['mayor'], roleCount: 1 });
}

const UPGRADES: Upgrade[] = [
  {
    from: 2,
    rows: V2,
    rewritten: { speakers: SPEAKERS_V3 },
    async check(db) {
      await checkV3(db);
      expect(await db.sites.toArray()).toEqual(V2.sites);
      expect((await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount, s.sites])).toEqual([
        ['Ana Ruiz', 2, ['a.example', 'b.example']],
        ['Ben Cole', 1, ['a.example']],
      ]);
    },
  },
  {
    from: 1,
    rows: V1,
    rewritten: { speakers: SPEAKERS_V3 },
    async check(db) {
      await checkV3(db);
      // v2 counted sites from the articles
      expect(await db.sites.toArray()).toEqual([
        { site: 'a.example', siteName: 'The A', articleCount: 2, quoteCount: 2, lastSeen: 1714800000000 },
        { site: 'b.example', siteName: null, articleCount: 1, quoteCount: 2, lastSeen: 1714600000000 },
      ]);
      expect((await listSites(db)).map((s) => [s.site, s.quoteCount])).toEqual([
        ['a.example', 2],
        ['b.example', 2],
      ]);
      // the app reads and writes the upgraded data as its own
      expect((await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount])).toEqual([
        ['Ana Ruiz', 2],
        ['Ben Cole', 1],
      ]);
      expect((await search(db, 'harb')).total).toBe(2);
      expect((await quoteGroup(db, 1))!.size).toBe(2);
      const revisit = await savePage(db, page('https://a.example/2024/harbour', [q('We will rebuild the harbour wall before the storms come back.', 'Ana Ruiz'), q('not with our money', 'Ben Cole', { block: 4 }), q('A quote the user deleted.', 'Ben Cole', { block: 5 })]), 1714900000000);
      expect(revisit).toMatchObject({ added: 0, removed: 0, kept: 2 });
      expect((await pageQuotes(db, 'https://a.example/2024/harbour?utm_source=x')).map((x) => x.speaker?.name)).toEqual(['Ana Ruiz', 'Ben Cole']);
      expect((await db.sites.get('a.example'))!.quoteCount).toBe(2);
    },
  },
];

async function dump(db: QuotemarkDB, names: string[]): Promise<Tables> {
  const out: Tables = {};
  for (const n of names) out[n] = (await db.table(n).toArray()) as object[];
  return out;
}

describe('schema versions', () => {
  it('are frozen once released, and numbered in order', () => {
    expect(SCHEMA.map((v) => v.version)).toEqual(SCHEMA.map((_, i) => i + 1));
    for (const v of SCHEMA) expect(v.stores, `version ${v.version} was edited after release`).toEqual(FROZEN[v.version]);
    expect(Object.keys(FROZEN).map(Number)).toEqual(SCHEMA.map((v) => v.version));
  });

  it('have an upgrade test from every earlier version', () => {
    expect(UPGRADES.map((u) => u.from).sort((a, b) => a - b)).toEqual(SCHEMA.slice(0, -1).map((v) => v.version));
  });

  for (const upgrade of UPGRADES) {
    it(`upgrade from version ${upgrade.from} to ${LATEST_VERSION} keeps every row`, async () => {
      const indexedDB = new IDBFactory();
      const old = new QuotemarkDB('migrate', { indexedDB, IDBKeyRange }, upgrade.from);
      await old.open();
      expect(old.verno).toBe(upgrade.from);
      const names = Object.keys(upgrade.rows);
      await old.transaction('rw', names, async () => {
        for (const n of names) await old.table(n).bulkAdd(upgrade.rows[n]);
      });
      const written = await dump(old, names);
      old.close();

      const db = new QuotemarkDB('migrate', { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      expect(await dump(db, names)).toEqual({ ...written, ...upgrade.rewritten });
      await upgrade.check(db);
      db.close();
    });
  }
});
