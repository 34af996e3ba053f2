/**
 * Key-based paging of quote lists. A plan walks an index in the list's order from a key on; a page
 * is collected from it, each statement shown once where it comes first in that order when groups
 * are collapsed. The cursor handed to the UI is the key of the last row read (opaque to the UI),
 * so a page costs the same at row 50 as at row 50,000 and lists stay stable while quotes arrive.
 */
import Dexie, { cmp, type IndexableType } from 'dexie';
import type { QuotemarkDB } from './db';
import { StoreError } from './errors';
import { loadGroups, toViews } from './views';
import type { Page, QuoteRow, QuoteView } from './types';

/** A row's place in a list: the key of the index walked (strings and numbers; bounds may use Dexie's min/max keys). */
export type Key = IndexableType[];

export interface Plan {
  /** Names the plan in cursors, so the next page continues the same walk. */
  name: string;
  /** The next rows in this order strictly after `after` (from the start when null), at most `n`. */
  fetch(after: Key | null, n: number): Promise<QuoteRow[]>;
  /** The row's place in this order. */
  key(row: QuoteRow): Key;
  /** 1: ascending keys; -1: descending. */
  dir: 1 | -1;
  /** Whether a row belongs to the list (for choosing where a grouped statement is shown). */
  matches(row: QuoteRow): boolean;
}

export const MAX_PAGE = 500;

export function pageSize(limit: number | undefined, fallback = 50): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreError('invalid', `page size must be a positive integer, not ${limit}`);
  return Math.min(limit, MAX_PAGE);
}

export function encodeCursor(plan: string, key: Key): string {
  return JSON.stringify({ p: plan, k: key });
}

export function decodeCursor(cursor: string | null | undefined): { plan: string; key: Key } | null {
  if (cursor == null) return null;
  try {
    const v = JSON.parse(cursor) as { p?: unknown; k?: unknown };
    if (typeof v.p === 'string' && Array.isArray(v.k) && v.k.every((x) => typeof x === 'string' || typeof x === 'number')) return { plan: v.p, key: v.k as Key };
  } catch {
    // fall through
  }
  throw new StoreError('invalid', 'This list position is no longer valid: start the list again.');
}

/** Walk an index between two keys in one direction, filtering rows the index cannot. */
export function indexPlan(
  db: QuotemarkDB,
  opts: { name: string; index: string; lower: Key; upper: Key; dir: 1 | -1; key: (r: QuoteRow) => Key; filter?: (r: QuoteRow) => boolean; matches: (r: QuoteRow) => boolean },
): Plan {
  return {
    name: opts.name,
    dir: opts.dir,
    key: opts.key,
    matches: opts.matches,
    async fetch(after, n) {
      let lower = opts.lower;
      let upper = opts.upper;
      let lowerOpen = false;
      let upperOpen = false;
      if (after) {
        if (opts.dir === 1) {
          if (cmp(after, lower) >= 0) [lower, lowerOpen] = [after, true];
        } else if (cmp(after, upper) <= 0) [upper, upperOpen] = [after, true];
      }
      if (cmp(lower, upper) > 0) return [];
      let c = db.quotes.where(opts.index).between(lower, upper, !lowerOpen, !upperOpen);
      if (opts.dir === -1) c = c.reverse();
      if (opts.filter) c = c.filter(opts.filter);
      return c.limit(n).toArray();
    },
  };
}

/** A list small enough to read whole and sort in memory. */
export function memoryPlan(opts: { name: string; load: () => Promise<QuoteRow[]>; key: (r: QuoteRow) => Key; dir: 1 | -1; matches: (r: QuoteRow) => boolean }): Plan {
  let rows: QuoteRow[] | null = null;
  return {
    name: opts.name,
    dir: opts.dir,
    key: opts.key,
    matches: opts.matches,
    async fetch(after, n) {
      rows ??= (await opts.load()).filter(opts.matches).sort((a, b) => opts.dir * cmp(opts.key(a), opts.key(b)));
      const start = after ? rows.findIndex((r) => opts.dir * cmp(opts.key(r), after) > 0) : 0;
      return start < 0 ? [] : rows.slice(start, start + n);
    },
  };
}

/** A list of quote ids, newest (highest) first, read in slices. */
export function idsPlan(db: QuotemarkDB, name: string, idsDesc: readonly number[], matches: (r: QuoteRow) => boolean): Plan {
  return {
    name,
    dir: -1,
    key: (r) => [r.id!],
    matches,
    async fetch(after, n) {
      let start = 0;
      if (after) {
        const below = Number(after[0]);
        // ids are sorted descending: find the first id below the cursor
        let lo = 0;
        let hi = idsDesc.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (idsDesc[mid] >= below) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      }
      const ids = idsDesc.slice(start, start + n);
      const rows = await db.quotes.bulkGet(ids);
      return rows.filter((r): r is QuoteRow => !!r);
    },
  };
}

/** Whether `row` is where its group is shown in this list: the first member of the list in its order. */
function firstOfGroup(plan: Plan, row: QuoteRow, members: readonly QuoteRow[] | undefined): boolean {
  if (!members) return true;
  const mine = plan.key(row);
  return !members.some((m) => m.id !== row.id && plan.matches(m) && plan.dir * cmp(plan.key(m), mine) < 0);
}

/** One page of a plan's list, from a cursor, joined for display. */
export async function collectPage(db: QuotemarkDB, plan: Plan, limit: number, cursor: Key | null, collapse: boolean): Promise<Page<QuoteView>> {
  const out: QuoteRow[] = [];
  const groups = new Map<number, QuoteRow[]>();
  let at = cursor;
  let more = false;
  for (;;) {
    const want = limit - out.length + 1;
    const batch = await plan.fetch(at, want);
    if (collapse) await loadGroups(db, batch.filter((r) => r.groupId != null).map((r) => r.groupId!), groups);
    let i = 0;
    for (; i < batch.length && out.length < limit; i++) {
      const r = batch[i];
      at = plan.key(r);
      if (collapse && r.groupId != null && !firstOfGroup(plan, r, groups.get(r.groupId))) continue;
      out.push(r);
    }
    if (out.length >= limit) {
      more = i < batch.length;
      break;
    }
    if (batch.length < want) break;
  }
  const items = await toViews(db, out, groups);
  return { items, next: more && at ? encodeCursor(plan.name, at) : null };
}

export const MIN = Dexie.minKey;
export const MAX = Dexie.maxKey;
