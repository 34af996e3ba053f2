/** The same statement across sites: grouped, shown once with "also on", wordings compared. */
import { describe, expect, it } from 'vitest';
import { deleteQuote } from '../../../lib/store/edit';
import { pageQuotes, queryQuotes, quoteGroup, quotesBySpeaker } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { sameStatement, segments, sketch, wordDiff } from '../../../lib/store/similarity';
import { freshDb, page, q } from './fixtures';

const SAID = 'We are not going to raise taxes on working families this year.';
const REWORDED = 'We are not going to raise taxes on working people this year.';

describe('similarity', () => {
  it('finds exact, reworded and partial repeats of a statement, not different statements', () => {
    expect(sameStatement(SAID, `“${SAID.toUpperCase()}”`)).toBe(true);
    expect(sameStatement(SAID, REWORDED)).toBe(true);
    expect(sameStatement(SAID, 'not going to raise taxes on working families')).toBe(true);
    expect(sameStatement(SAID, 'We are going to cut spending on roads and bridges this year.')).toBe(false);
    expect(sameStatement('A total disgrace.', 'A total disgrace.')).toBe(false); // too short to be one statement
  });

  it('does not take shared function words or a stock phrase for the same statement', () => {
    // same frame, different claim: only "trust" is shared besides function words
    expect(sameStatement("I don't trust the weather reports.", "I don't trust the opinion polls.")).toBe(false);
    expect(sameStatement('Not going to talk about that today.', 'not going to talk about what my team is planning next month.')).toBe(false);
    // a stock phrase inside a longer, different quote
    expect(sameStatement("We're going to win this race,", 'Believe me, the party is united, the donors are united, and we are going to win this race in November.')).toBe(false);
    // while a real partial quote of a statement still counts
    expect(sameStatement('fares will stay frozen for every rider until the new depot opens', 'We promise that fares will stay frozen for every rider until the new depot opens next spring.')).toBe(true);
  });

  it('gives repeats sketches that share their smallest numbers', () => {
    const a = sketch(SAID);
    expect(a.length).toBeGreaterThan(0);
    expect(sketch(`"${SAID}"`)).toEqual(a);
    const b = sketch(REWORDED);
    expect(b.slice(0, 3).some((v) => a.includes(v))).toBe(true);
    expect(sketch('Too short.')).toEqual([]);
  });

  it('marks the words that differ, as ranges and as segments', () => {
    const d = wordDiff(REWORDED, SAID);
    expect(d.inA.map((r) => REWORDED.slice(r.start, r.end))).toEqual(['people']);
    expect(d.inB.map((r) => SAID.slice(r.start, r.end))).toEqual(['families']);
    const segs = segments(REWORDED, d.inA);
    expect(segs.map((s) => s.text).join('')).toBe(REWORDED);
    expect(segs.filter((s) => s.marked).map((s) => s.text)).toEqual(['people']);
    // neighbouring changed words make one range
    expect(wordDiff('the quick brown fox jumps', 'the slow red fox jumps').inA.map((r) => [r.start, r.end])).toEqual([[4, 15]]);
  });
});

describe('quote groups', () => {
  it('groups one statement across three sites with one reworded variant', async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q(SAID, 'Ana Ruiz')], { published: '2024-05-01T10:00:00Z' }), 1);
    await savePage(db, page('https://b.example/2', [q(`${SAID}`, 'Ana Ruiz'), q('An unrelated remark about the weather today.', 'Ben Cole', { block: 1 })], { published: '2024-05-01T12:00:00Z' }), 2);
    await savePage(db, page('https://c.example/3', [q(REWORDED, 'Mayor Ana Ruiz')], { published: '2024-05-02T09:00:00Z' }), 3);
    expect(await db.groups.count()).toBe(1);
    const members = await db.quotes.where('groupId').equals((await db.groups.toArray())[0].id!).toArray();
    expect(members.map((m) => m.site).sort()).toEqual(['a.example', 'b.example', 'c.example']);

    const g = (await quoteGroup(db, members[0].groupId!))!;
    expect(g).toMatchObject({ size: 3, outlets: 3, differing: 1 });
    const [base, variant] = g.variants;
    expect(base).toMatchObject({ isBase: true, text: SAID, marks: [] });
    expect(base.sites).toEqual(['a.example', 'b.example']);
    expect(variant.sites).toEqual(['c.example']);
    expect(variant.segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['people']);
    expect(variant.marks.map((m) => REWORDED.slice(m.start, m.end))).toEqual(['people']);
    expect(variant.baseSegments.filter((s) => s.marked).map((s) => s.text)).toEqual(['families']);

    // lists show the statement once, where it comes first in their order, with the other sightings
    const newest = await queryQuotes(db, {});
    expect(newest.items.map((x) => x.site)).toEqual(['b.example', 'c.example'].includes(newest.items[0].site) ? newest.items.map((x) => x.site) : []);
    const shown = newest.items.filter((x) => x.groupId != null);
    expect(shown).toHaveLength(1);
    expect(shown[0].site).toBe('c.example');
    expect(shown[0].group).toMatchObject({ size: 3, outlets: 3, differing: 1, differs: true });
    expect(shown[0].group!.also.map((a) => [a.site, a.differs])).toEqual([
      ['a.example', true],
      ['b.example', true],
    ]);
    const oldest = await queryQuotes(db, { sort: 'oldest' });
    expect(oldest.items.find((x) => x.groupId != null)!.site).toBe('a.example');
    const ana = (await pageQuotes(db, 'https://a.example/1'))[0].speakerId!;
    expect((await quotesBySpeaker(db, ana)).items).toHaveLength(1);
    expect((await quotesBySpeaker(db, ana, { collapseGroups: false })).items).toHaveLength(3);
    // "this page" shows its own quote with the others as "also on"
    const [onA] = await pageQuotes(db, 'https://a.example/1');
    expect(onA.group!.also.map((a) => a.site)).toEqual(['b.example', 'c.example']);
  });

  it('joins an outlet quoting only part of the statement, never quotes of the same article or short ones', async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q(SAID, 'Ana Ruiz'), q('not going to raise taxes on working families', 'Ana Ruiz', { block: 1 }), q('Absolutely not.', 'Ana Ruiz', { block: 2 })]), 1);
    expect(await db.groups.count()).toBe(0);
    await savePage(db, page('https://b.example/2', [q('not going to raise taxes on working families this year', 'Ana Ruiz'), q('Absolutely not.', 'Ana Ruiz', { block: 1 })]), 2);
    const groups = await db.groups.toArray();
    expect(groups).toHaveLength(1);
    expect(groups[0].size).toBe(3);
  });

  it('merges two groups when a new quote bridges them', async () => {
    const db = freshDb();
    const left = 'Nobody in this room will ever accept the trade deal';
    const right = 'the trade deal sells out farmers across the whole country';
    await savePage(db, page('https://a.example/1', [q(left, 'Ana Ruiz')]), 1);
    await savePage(db, page('https://b.example/1', [q(left, 'Ana Ruiz')]), 2);
    await savePage(db, page('https://c.example/1', [q(right, 'Ana Ruiz')]), 3);
    await savePage(db, page('https://d.example/1', [q(right, 'Ana Ruiz')]), 4);
    expect(await db.groups.count()).toBe(2);
    await savePage(db, page('https://e.example/1', [q(`${left} because ${right}`, 'Ana Ruiz')]), 5);
    const groups = await db.groups.toArray();
    expect(groups).toHaveLength(1);
    expect(groups[0].size).toBe(5);
  });

  it('shrinks and dissolves a group as its quotes go', async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q(SAID, 'Ana Ruiz')]), 1);
    await savePage(db, page('https://b.example/2', [q(SAID, 'Ana Ruiz')]), 2);
    await savePage(db, page('https://c.example/3', [q(SAID, 'Ana Ruiz')]), 3);
    const [gid] = (await db.groups.toArray()).map((g) => g.id!);
    const [onB] = await pageQuotes(db, 'https://b.example/2');
    await deleteQuote(db, onB.id);
    expect((await db.groups.get(gid))?.size).toBe(2);
    // an edited article that no longer carries the statement leaves the group
    await savePage(db, page('https://c.example/3', [q('Something else entirely was said here today.', 'Ana Ruiz')]), 4);
    expect(await db.groups.count()).toBe(0);
    expect((await pageQuotes(db, 'https://a.example/1'))[0]).toMatchObject({ groupId: null, group: null });
  });
});
