/**
 * Groups of the same statement across articles, kept inside write transactions: new quotes find the
 * statements they repeat through the sketch index; groups shrink and dissolve as quotes go.
 */
import { transactionOf, type QuotemarkDB } from './db';
import { PROBES, sameStatement, shingle, similarity, type Shingled } from './similarity';
import type { QuoteRow } from './types';

/** Stored quotes looked at per new quote (those sharing the most probes first). */
const CANDIDATES = 4;
/**
 * At most this many quotes are read under one sketch number. A shingle filed under more is a
 * common phrase, says little about which statement a quote is, and is left out; a repeat is still
 * found through its rarer shingles (an exact repeat shares all of them). Without the cap a save
 * would read ever longer lists as the collection grows.
 */
const POSTING_CAP = 48;

/**
 * Quote ids filed under each sketch number. Inside a transaction these are plain IndexedDB
 * requests, all in flight at once: a Dexie `anyOf` cursor would step once per key and per hit, and
 * Dexie's per-request work is a large share of a page's save.
 */
function postings(db: QuotemarkDB, values: number[]): Promise<number[][]> {
  const trans = transactionOf(db) as unknown as { idbtrans?: IDBTransaction } | null;
  if (!trans?.idbtrans) return Promise.all(values.map((v) => db.quotes.where('sketch').equals(v).limit(POSTING_CAP + 1).primaryKeys()));
  const index = trans.idbtrans.objectStore('quotes').index('sketch');
  return new Promise((resolve, reject) => {
    const out: number[][] = new Array(values.length);
    let left = values.length;
    if (!left) resolve(out);
    values.forEach((v, i) => {
      const req = index.getAllKeys(v, POSTING_CAP + 1);
      req.onsuccess = () => {
        out[i] = req.result as number[];
        if (--left === 0) resolve(out);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

/** Stored quotes that may repeat each of these sketches (before the exact similarity check). */
export async function findCandidates(db: QuotemarkDB, sketches: number[][]): Promise<QuoteRow[][]> {
  const probes = sketches.map((s) => s.slice(0, PROBES));
  const values = [...new Set(probes.flat())];
  if (!values.length) return sketches.map(() => []);
  const lists = await postings(db, values);
  const byValue = new Map(values.map((v, i) => [v, lists[i].length > POSTING_CAP ? [] : lists[i]]));
  const wanted = probes.map((ps) => {
    const counts = new Map<number, number>();
    for (const v of ps) for (const id of byValue.get(v) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // sharing one of three probes is mostly chance: read at most one such quote (it may be a
    // partial quote of the statement, or the other half of a statement this one bridges)
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    const strong = ranked.filter(([, n]) => n >= 2).slice(0, CANDIDATES - 1);
    const weak = ranked.filter(([, n]) => n < 2).slice(0, 1);
    return [...strong, ...weak].map(([id]) => id);
  });
  const ids = [...new Set(wanted.flat())];
  if (!ids.length) return sketches.map(() => []);
  const rows = await db.quotes.bulkGet(ids);
  const byId = new Map<number, QuoteRow>();
  rows.forEach((r, i) => r && byId.set(ids[i], r));
  return wanted.map((list) => list.map((id) => byId.get(id)).filter((r): r is QuoteRow => !!r));
}

/**
 * Give new quotes (not yet stored) the group of the statement they repeat in other articles,
 * creating or merging groups as needed. `candidates[i]` are `fresh[i]`'s candidates from
 * `findCandidates` (looked up here when not given). Existing quotes that join a group are written
 * here. Returns the groups touched (sizes are settled with `settleGroups` once the new rows are stored).
 */
export async function groupNewQuotes(db: QuotemarkDB, fresh: QuoteRow[], now: number, candidates?: QuoteRow[][]): Promise<Set<number>> {
  const touched = new Set<number>();
  const cands = candidates ?? (await findCandidates(db, fresh.map((q) => q.sketch)));
  // one object per stored row, so a group change made for one new quote is seen by the next
  const rows = new Map<number, QuoteRow>();
  const shared = cands.map((list) => list.map((r) => rows.get(r.id!) ?? (rows.set(r.id!, r), r)));
  const shingles = new Map<QuoteRow, Shingled>();
  const shingled = (r: QuoteRow): Shingled => {
    let s = shingles.get(r);
    if (!s) shingles.set(r, (s = shingle(r.text)));
    return s;
  };
  const changed = new Set<QuoteRow>();
  for (let i = 0; i < fresh.length; i++) {
    const q = fresh[i];
    if (!q.sketch.length) continue;
    const matches = (shared[i] ?? []).filter((m) => m.articleId !== q.articleId && sameStatement(shingled(q), shingled(m)));
    if (!matches.length) continue;
    const score = new Map(matches.map((m) => [m, similarity(shingled(q), shingled(m)).jaccard]));
    matches.sort((a, b) => score.get(b)! - score.get(a)!);
    const groups = [...new Set(matches.map((m) => m.groupId).filter((g): g is number => g != null))].sort((a, b) => a - b);
    const target = groups[0] ?? (await db.groups.add({ size: 0, created: now }));
    for (const other of groups.slice(1)) {
      // this quote bridges two groups: they were one statement all along
      await db.quotes.where('groupId').equals(other).modify({ groupId: target });
      for (const r of rows.values()) if (r.groupId === other) r.groupId = target;
      await db.groups.delete(other);
      touched.delete(other);
    }
    for (const m of matches) {
      if (m.groupId !== target) {
        m.groupId = target;
        changed.add(m);
      }
    }
    q.groupId = target;
    touched.add(target);
  }
  if (changed.size) await db.quotes.bulkPut([...changed]);
  return touched;
}

/** Recount groups after members came or went; a group left with one quote dissolves. */
export async function settleGroups(db: QuotemarkDB, ids: Iterable<number>): Promise<void> {
  const list = [...new Set(ids)];
  const members = await Promise.all(list.map((id) => db.quotes.where('groupId').equals(id).primaryKeys()));
  await Promise.all(
    list.map((id, i) => {
      const m = members[i];
      if (m.length > 1) return db.groups.update(id, { size: m.length });
      return Promise.all([m.length ? db.quotes.update(m[0], { groupId: null }) : null, db.groups.delete(id)]);
    }),
  );
}
