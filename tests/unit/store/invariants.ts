/** What must hold in the store after any sequence of writes: every count and tally equals what the rows say. */
import { expect } from 'vitest';
import type { QuotemarkDB } from '../../../lib/store/db';
import { speakerSortKey, NO_SPEAKER_SORT } from '../../../lib/store/names';
import { quoteWords } from '../../../lib/store/save';
import { tallyValues, TOP_ROLES, TOP_SITES } from '../../../lib/store/speakers';

function tally(values: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export async function checkInvariants(db: QuotemarkDB): Promise<void> {
  const [articles, speakers, quotes, groups, sites, deletions, tallies] = await Promise.all([db.articles.toArray(), db.speakers.toArray(), db.quotes.toArray(), db.groups.toArray(), db.sites.toArray(), db.deletions.toArray(), db.tallies.toArray()]);
  // a tally belongs to a speaker that exists
  for (const t of tallies) expect(speakers.some((s) => s.id === t.speakerId), `tally of speaker ${t.speakerId}`).toBe(true);
  const articleIds = new Set(articles.map((a) => a.id!));
  const speakerById = new Map(speakers.map((s) => [s.id!, s]));

  for (const a of articles) {
    expect(a.quoteCount, `article ${a.url} quote count`).toBe(quotes.filter((x) => x.articleId === a.id).length);
    expect(a.urls).toContain(a.url);
  }
  // an address belongs to one article
  const urls = articles.flatMap((a) => a.urls);
  expect(new Set(urls).size).toBe(urls.length);

  for (const x of quotes) {
    expect(articleIds.has(x.articleId), `quote ${x.id} has its article`).toBe(true);
    const s = x.speakerId != null ? speakerById.get(x.speakerId) : undefined;
    if (x.speakerId != null) expect(s, `quote ${x.id} has its speaker`).toBeDefined();
    expect(x.speakerSort).toBe(s ? speakerSortKey(s.name, s.type) : NO_SPEAKER_SORT);
    expect(x.words).toEqual(quoteWords(x.text, s?.name, x.speakerName));
    expect(x.negDate).toBe(-x.date);
    expect(x.date).toBe(articles.find((a) => a.id === x.articleId)!.date);
  }

  for (const s of speakers) {
    const mine = quotes.filter((x) => x.speakerId === s.id);
    expect(s.quoteCount, `${s.name} quote count`).toBe(mine.length);
    const t = tallies.find((x) => x.speakerId === s.id) ?? { sites: [], roles: [] };
    expect(Object.fromEntries(t.sites), `${s.name} sites`).toEqual(tally(mine.map((x) => x.site)));
    expect(Object.fromEntries(t.roles), `${s.name} roles`).toEqual(tally(mine.map((x) => x.role)));
    expect(s.siteCount).toBe(t.sites.length);
    expect(s.roleCount).toBe(t.roles.length);
    expect(s.topSites).toEqual(tallyValues(t.sites).slice(0, TOP_SITES));
    expect(s.topRoles).toEqual(tallyValues(t.roles).slice(0, TOP_ROLES));
    expect(s.listed).toBe(s.scope === 'global' && mine.length > 0 ? 1 : 0);
    if (mine.length) {
      expect(s.firstQuoted, `${s.name} first quoted`).toBe(Math.min(...mine.map((x) => x.date)));
      expect(s.lastQuoted, `${s.name} last quoted`).toBe(Math.max(...mine.map((x) => x.date)));
    }
    if (s.scope === 'article') expect(articleIds.has(s.articleId!)).toBe(true);
  }
  // a name key leads to one speaker
  const keys = speakers.flatMap((s) => s.keys);
  expect(new Set(keys).size, 'identity keys are unique').toBe(keys.length);

  for (const g of groups) {
    const members = quotes.filter((x) => x.groupId === g.id);
    expect(members.length, `group ${g.id} size`).toBe(g.size);
    expect(members.length).toBeGreaterThanOrEqual(2);
  }
  const groupIds = new Set(groups.map((g) => g.id));
  for (const x of quotes) if (x.groupId != null) expect(groupIds.has(x.groupId), `quote ${x.id}'s group exists`).toBe(true);

  const bySite = new Map<string, { articleCount: number; quoteCount: number }>();
  for (const a of articles) {
    const s = bySite.get(a.site) ?? { articleCount: 0, quoteCount: 0 };
    s.articleCount++;
    s.quoteCount += a.quoteCount;
    bySite.set(a.site, s);
  }
  for (const s of sites) expect({ site: s.site, articleCount: s.articleCount, quoteCount: s.quoteCount }).toEqual({ site: s.site, ...(bySite.get(s.site) ?? { articleCount: 0, quoteCount: 0 }) });
  for (const site of bySite.keys()) expect(sites.some((s) => s.site === site), `site ${site} counted`).toBe(true);

  // a deleted quote is not stored
  for (const d of deletions) expect(quotes.some((x) => x.articleId === d.articleId && x.norm === d.norm)).toBe(false);
}
