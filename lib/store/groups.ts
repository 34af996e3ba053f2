/**
 * Groups of the same statement across articles, kept inside write transactions: new quotes find the
 * statements they repeat through the sketch index; groups shrink and dissolve as quotes go.
 */
import type { QuotemarkDB } from './db';
import { sameStatement, similarity } from './similarity';
import type { QuoteRow } from './types';

/** Sketch candidates looked at per new quote (most shared sketch numbers first). */
const CANDIDATES = 4;

/**
 * Give new quotes (not yet stored) the group of the statement they repeat in other articles,
 * creating or merging groups as needed. Existing quotes that join a group are written here.
 * Returns the groups touched (their sizes are settled with `settleGroups` after the new rows are stored).
 */
export async function groupNewQuotes(db: QuotemarkDB, fresh: QuoteRow[], now: number): Promise<Set<number>> {
  const touched = new Set<number>();
  const withSketch = fresh.filter((q) => q.sketch.length);
  if (!withSketch.length) return touched;
  const hits = await Promise.all(withSketch.map((q) => db.quotes.where('sketch').anyOf(q.sketch).primaryKeys()));
  const wanted = new Map<QuoteRow, number[]>();
  const allIds = new Set<number>();
  withSketch.forEach((q, i) => {
    const counts = new Map<number, number>();
    for (const id of hits[i]) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ids = [...counts]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, CANDIDATES)
      .map(([id]) => id);
    wanted.set(q, ids);
    ids.forEach((id) => allIds.add(id));
  });
  if (!allIds.size) return touched;
  const idList = [...allIds];
  const rows = await db.quotes.bulkGet(idList);
  const byId = new Map<number, QuoteRow>();
  rows.forEach((r, i) => r && byId.set(idList[i], r));

  const changed = new Set<QuoteRow>();
  for (const q of withSketch) {
    const matches = (wanted.get(q) ?? [])
      .map((id) => byId.get(id))
      .filter((m): m is QuoteRow => !!m && m.articleId !== q.articleId && sameStatement(q.text, m.text));
    if (!matches.length) continue;
    matches.sort((a, b) => similarity(q.text, b.text).jaccard - similarity(q.text, a.text).jaccard);
    const groups = [...new Set(matches.map((m) => m.groupId).filter((g): g is number => g != null))].sort((a, b) => a - b);
    const target = groups[0] ?? (await db.groups.add({ size: 0, created: now }));
    for (const other of groups.slice(1)) {
      // this quote bridges two groups: they were one statement all along
      await db.quotes.where('groupId').equals(other).modify({ groupId: target });
      for (const r of byId.values()) if (r.groupId === other) r.groupId = target;
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
  for (const id of new Set(ids)) {
    const members = await db.quotes.where('groupId').equals(id).primaryKeys();
    if (members.length <= 1) {
      if (members.length) await db.quotes.update(members[0], { groupId: null });
      await db.groups.delete(id);
    } else {
      await db.groups.update(id, { size: members.length });
    }
  }
}
