/**
 * Quote rows joined with what the UI shows next to them: the article, the speaker, and the other
 * sightings of the same statement ("also on …", "quoted differently by 2 of 5").
 */
import type { QuotemarkDB } from './db';
import { wording } from './similarity';
import { speakerRef } from './speakers';
import type { AlsoOn, ArticleRow, GroupSummary, QuoteRow, QuoteView, SpeakerRow } from './types';

/** Members of groups, by group id, oldest first. */
export async function loadGroups(db: QuotemarkDB, groupIds: Iterable<number>, known = new Map<number, QuoteRow[]>()): Promise<Map<number, QuoteRow[]>> {
  const missing = [...new Set(groupIds)].filter((g) => !known.has(g));
  if (missing.length) {
    const rows = await db.quotes.where('groupId').anyOf(missing).toArray();
    for (const g of missing) known.set(g, []);
    for (const r of rows) known.get(r.groupId!)!.push(r);
    for (const g of missing) known.get(g)!.sort((a, b) => a.date - b.date || a.id! - b.id!);
  }
  return known;
}

/** The most common wording of a group (ties: the one seen first). */
export function baseWording(members: readonly QuoteRow[]): string {
  const counts = new Map<string, number>();
  for (const m of [...members].sort((a, b) => a.seen - b.seen || a.id! - b.id!)) {
    const w = wording(m.text);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [w, c] of counts) if (c > bestCount) [best, bestCount] = [w, c];
  return best;
}

async function bulkMap<T>(table: { bulkGet(keys: number[]): Promise<(T | undefined)[]> }, ids: Iterable<number | null>): Promise<Map<number, T>> {
  const list = [...new Set([...ids].filter((id): id is number => id != null))];
  const rows = list.length ? await table.bulkGet(list) : [];
  const out = new Map<number, T>();
  rows.forEach((r, i) => r && out.set(list[i], r));
  return out;
}

/** Join quote rows with their article, speaker and group. `groups` may hold members already loaded. */
export async function toViews(db: QuotemarkDB, rows: QuoteRow[], groups = new Map<number, QuoteRow[]>()): Promise<QuoteView[]> {
  if (!rows.length) return [];
  const members = await loadGroups(
    db,
    rows.map((r) => r.groupId).filter((g): g is number => g != null),
    groups,
  );
  const related = rows.flatMap((r) => (r.groupId != null ? (members.get(r.groupId) ?? []) : []));
  const [articles, speakers] = await Promise.all([
    bulkMap<ArticleRow>(db.articles, [...rows, ...related].map((r) => r.articleId)),
    bulkMap<SpeakerRow>(db.speakers, rows.map((r) => r.speakerId)),
  ]);
  const bases = new Map<number, string>();
  return rows.map((r) => {
    const speaker = r.speakerId != null ? speakers.get(r.speakerId) : undefined;
    let group: GroupSummary | null = null;
    const ms = r.groupId != null ? members.get(r.groupId) : undefined;
    if (r.groupId != null && ms && ms.length > 1) {
      if (!bases.has(r.groupId)) bases.set(r.groupId, baseWording(ms));
      const base = bases.get(r.groupId)!;
      const mine = wording(r.text);
      const also: AlsoOn[] = ms
        .filter((m) => m.id !== r.id)
        .map((m) => ({ quoteId: m.id!, site: m.site, url: m.url, title: articles.get(m.articleId)?.title ?? '', date: m.date, differs: wording(m.text) !== mine }));
      group = {
        id: r.groupId,
        size: ms.length,
        outlets: new Set(ms.map((m) => m.site)).size,
        differing: ms.filter((m) => wording(m.text) !== base).length,
        differs: mine !== base,
        also,
      };
    }
    return { ...r, id: r.id!, article: articles.get(r.articleId) ?? null, speaker: speaker ? speakerRef(speaker) : null, group };
  });
}
