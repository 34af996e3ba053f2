/** The user's corrections: fix a speaker, delete, merge, split, rename, save a selection, delete everything. */
import { describe, expect, it } from 'vitest';
import { deleteAllData, deleteQuote, deleteQuotes, mergeSpeakers, renameSpeaker, restoreQuotes, saveManualQuote, setQuoteSpeaker, splitSpeaker } from '../../../lib/store/edit';
import { StoreError } from '../../../lib/store/errors';
import { counts, getSpeaker, listSpeakers, pageQuotes, quotesBySpeaker } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { search } from '../../../lib/store/search';
import { freshDb, page, q } from './fixtures';

const A = 'https://a.example/1';
const B = 'https://b.example/2';

async function twoPages() {
  const db = freshDb();
  await savePage(db, page(A, [q('Rates will fall by autumn.', 'Ana Ruiz', { role: 'central bank governor' }), q('We disagree strongly.', 'Ben Cole', { block: 1 }), q('Ask the minister.', 'Ana Ruiz', { block: 2 })]), 1);
  await savePage(db, page(B, [q('Rates stay where they are.', 'Ana Ruiz-Soto'), q('Nothing to add.', 'Cara Diaz', { block: 1 })]), 2);
  const byName = async (name: string) => (await listSpeakers(db, { limit: 50 })).items.find((s) => s.name === name)!;
  return { db, byName };
}

describe('fixing a speaker', () => {
  it('moves a quote to a known speaker or a typed name, counts follow, and a revisit keeps it', async () => {
    const { db, byName } = await twoPages();
    const [rates, , ask] = await pageQuotes(db, A);
    const ben = await byName('Ben Cole');
    expect((await setQuoteSpeaker(db, ask.id, { speakerId: ben.id }))!.quoteCount).toBe(2);
    expect((await byName('Ana Ruiz')).quoteCount).toBe(1);
    // a typed name that is a known speaker's name goes to them; a new one makes a speaker
    expect((await setQuoteSpeaker(db, rates.id, { name: 'Cara Diaz' }))!.id).toBe((await byName('Cara Diaz')).id);
    const dan = (await setQuoteSpeaker(db, rates.id, { name: 'Dan Eze' }))!;
    expect(dan).toMatchObject({ name: 'Dan Eze', quoteCount: 1 });
    expect((await byName('Cara Diaz')).quoteCount).toBe(1);
    // search follows the new speaker
    expect((await search(db, 'eze')).quotes.items.map((x) => x.text)).toEqual(['Rates will fall by autumn.']);
    await savePage(db, page(A, [q('Rates will fall by autumn.', 'Ana Ruiz'), q('We disagree strongly.', 'Ben Cole', { block: 1 }), q('Ask the minister.', 'Ana Ruiz', { block: 2 })]), 3);
    expect((await pageQuotes(db, A)).map((x) => x.speaker?.name)).toEqual(['Dan Eze', 'Ben Cole', 'Ben Cole']);
    // unknown speaker
    expect(await setQuoteSpeaker(db, rates.id, null)).toBeNull();
    expect((await pageQuotes(db, A))[0].speaker).toBeNull();
    expect(await getSpeaker(db, dan.id)).toMatchObject({ quoteCount: 0 });
    expect((await listSpeakers(db)).items.map((s) => s.name)).not.toContain('Dan Eze');
  });

  it('refuses a speaker that is gone and an empty name', async () => {
    const { db } = await twoPages();
    const [first] = await pageQuotes(db, A);
    await expect(setQuoteSpeaker(db, first.id, { speakerId: 999 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(setQuoteSpeaker(db, first.id, { name: '   ' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(setQuoteSpeaker(db, 12345, { name: 'X Y' })).rejects.toBeInstanceOf(StoreError);
  });
});

describe('deleting', () => {
  it('deletes quotes for good: counts follow, and a later visit does not bring them back', async () => {
    const { db, byName } = await twoPages();
    const [rates, disagree] = await pageQuotes(db, A);
    await deleteQuote(db, rates.id);
    expect((await byName('Ana Ruiz')).quoteCount).toBe(1);
    expect(await deleteQuotes(db, [disagree.id, 999])).toBe(1);
    expect((await listSpeakers(db)).items.map((s) => s.name)).not.toContain('Ben Cole');
    await savePage(db, page(A, [q('Rates will fall by autumn.', 'Ana Ruiz'), q('We disagree strongly.', 'Ben Cole', { block: 1 }), q('Ask the minister.', 'Ana Ruiz', { block: 2 })]), 5);
    expect((await pageQuotes(db, A)).map((x) => x.text)).toEqual(['Ask the minister.']);
    expect((await db.articles.toArray()).find((a) => a.url === A)!.quoteCount).toBe(1);
    await expect(deleteQuote(db, rates.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes everything', async () => {
    const { db } = await twoPages();
    await deleteQuote(db, (await pageQuotes(db, A))[0].id);
    await deleteAllData(db);
    expect(await counts(db)).toEqual({ quotes: 0, speakers: 0, articles: 0, groups: 0 });
    expect(await db.deletions.count()).toBe(0);
    expect(await db.speakers.count()).toBe(0);
  });
});

describe('merging and splitting speakers', () => {
  it('merges two speakers: quotes, names, roles and sites move; later visits file the name under the merged one', async () => {
    const { db, byName } = await twoPages();
    const ana = await byName('Ana Ruiz');
    const aRuiz = await byName('Ana Ruiz-Soto'); // another surname: kept apart until the user says otherwise
    const merged = await mergeSpeakers(db, ana.id, aRuiz.id);
    expect(merged).toMatchObject({ name: 'Ana Ruiz', quoteCount: 3, aliases: ['Ana Ruiz-Soto'], roles: ['central bank governor'] });
    expect(merged.sites.sort()).toEqual(['a.example', 'b.example']);
    expect(await getSpeaker(db, aRuiz.id)).toBeUndefined();
    expect((await quotesBySpeaker(db, ana.id)).items).toHaveLength(3);
    await savePage(db, page('https://c.example/3', [q('A third outlet.', 'Ana Ruiz-Soto')]), 9);
    expect((await byName('Ana Ruiz')).quoteCount).toBe(4);
    await expect(mergeSpeakers(db, ana.id, ana.id)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('splits chosen quotes and name forms into a new speaker, and later visits follow the split', async () => {
    const db = freshDb();
    await savePage(db, page(A, [q('One.', 'Ana Ruiz')]), 1);
    await savePage(db, page(B, [q('Two.', 'Ana M. Ruiz')]), 2);
    await savePage(db, page('https://c.example/3', [q('Three.', 'Ana M. Ruiz')]), 3);
    const [ana] = (await listSpeakers(db)).items;
    expect(ana).toMatchObject({ quoteCount: 3, aliases: ['Ana M. Ruiz'] });
    const moved = (await quotesBySpeaker(db, ana.id)).items.filter((x) => x.speakerName === 'Ana M. Ruiz').map((x) => x.id);
    const other = await splitSpeaker(db, ana.id, { name: 'Ana Maria Ruiz', quoteIds: moved, aliases: ['Ana M. Ruiz'] });
    expect(other).toMatchObject({ name: 'Ana Maria Ruiz', quoteCount: 2, aliases: ['Ana M. Ruiz'] });
    expect(await getSpeaker(db, ana.id)).toMatchObject({ quoteCount: 1, aliases: [] });
    await savePage(db, page('https://d.example/4', [q('Four.', 'Ana M. Ruiz')]), 4);
    expect((await getSpeaker(db, other.id))!.quoteCount).toBe(3);
    // moved quotes keep their new speaker when their page is read again
    await savePage(db, page(B, [q('Two.', 'Ana M. Ruiz')]), 5);
    expect((await getSpeaker(db, other.id))!.quoteCount).toBe(3);
    await expect(splitSpeaker(db, ana.id, { name: 'Ben Cole', quoteIds: moved })).rejects.toThrow(/not by Ana Ruiz/);
    await expect(splitSpeaker(db, ana.id, { name: 'Ana Ruiz', quoteIds: [] })).rejects.toMatchObject({ code: 'invalid' });
    await expect(splitSpeaker(db, other.id, { name: 'Ana Ruiz', quoteIds: [] })).rejects.toThrow(/already a speaker/);
  });

  it('renames a speaker, keeping the old name as an alias that later visits still find', async () => {
    const { db, byName } = await twoPages();
    const cara = await byName('Cara Diaz');
    expect(await renameSpeaker(db, cara.id, 'Carolina Díaz')).toMatchObject({ name: 'Carolina Díaz', aliases: ['Cara Diaz'] });
    await savePage(db, page('https://c.example/3', [q('Again.', 'Cara Diaz')]), 3);
    expect((await byName('Carolina Díaz')).quoteCount).toBe(2);
    expect((await search(db, 'carolina')).total).toBe(2);
    await expect(renameSpeaker(db, cara.id, 'Ben Cole')).rejects.toThrow(/merge/);
  });
});

describe('saving a selection', () => {
  it('saves a quote from a page never collected, with its speaker, and keeps it on a later visit', async () => {
    const db = freshDb();
    const id = await saveManualQuote(db, { text: '  We will not back down.  ', speaker: { name: 'Ana Ruiz' }, url: 'https://www.blog.example/post#c2', title: 'A post', before: 'She said ', after: ' on Monday.', role: 'activist' }, 7);
    const [saved] = await pageQuotes(db, 'https://www.blog.example/post');
    expect(saved).toMatchObject({ id, text: 'We will not back down.', origin: 'manual', site: 'blog.example', role: 'activist', before: 'She said ', speakerFixed: true });
    expect(saved.speaker!.name).toBe('Ana Ruiz');
    expect(saved.article!.title).toBe('A post');
    // the page is read later: the engine's quotes join, the selection stays
    await savePage(db, page('https://www.blog.example/post', [q('Another thing she said here.', 'Ana Ruiz')], { site: 'blog.example' }), 8);
    expect((await pageQuotes(db, 'https://www.blog.example/post')).map((x) => x.origin)).toEqual(['manual', 'page']);
    // saving the same words again adds nothing
    expect(await saveManualQuote(db, { text: 'We will not back down.', speaker: null, url: 'https://www.blog.example/post' }, 9)).toBe(id);
  });

  it('brings back a deleted quote when the user saves it by hand, and refuses bad selections', async () => {
    const db = freshDb();
    await savePage(db, page(A, [q('Words to delete.', 'Ana Ruiz')]), 1);
    await deleteQuote(db, (await pageQuotes(db, A))[0].id);
    await saveManualQuote(db, { text: 'Words to delete.', speaker: { name: 'Ana Ruiz' }, url: A }, 2);
    await savePage(db, page(A, [q('Words to delete.', 'Ana Ruiz')]), 3);
    expect(await pageQuotes(db, A)).toHaveLength(1);
    await expect(saveManualQuote(db, { text: '   ', speaker: null, url: A })).rejects.toMatchObject({ code: 'invalid' });
    await expect(saveManualQuote(db, { text: 'x', speaker: null, url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(saveManualQuote(db, { text: 'x'.repeat(6000), speaker: null, url: A })).rejects.toThrow(/at most/);
  });
});

describe('undoing a deletion', () => {
  it('brings deleted quotes back exactly: place on the page, speaker, group, counts', async () => {
    const db = freshDb();
    const said = 'We are not going to raise taxes on working families this year.';
    await savePage(db, page(A, [q(said, 'Ana Ruiz', { role: 'mayor' }), q('Another point entirely, made later on.', 'Ana Ruiz', { block: 4 })]), 1);
    await savePage(db, page(B, [q(said, 'Ana Ruiz')]), 2);
    const [onA] = await pageQuotes(db, A);
    const before = await db.quotes.get(onA.id);
    const deleted = await deleteQuote(db, onA.id, 3);
    expect(await db.groups.count()).toBe(0);
    expect(await restoreQuotes(db, deleted, 4)).toBe(1);
    const after = (await db.quotes.get(onA.id))!;
    expect({ ...after, groupId: null }).toEqual({ ...before, groupId: null });
    expect(after.groupId).not.toBeNull();
    expect((await db.groups.toArray())[0].size).toBe(2);
    expect(await db.deletions.count()).toBe(0);
    // a later visit keeps it once
    await savePage(db, page(A, [q(said, 'Ana Ruiz', { role: 'mayor' })]), 5);
    expect((await pageQuotes(db, A)).filter((x) => x.text === said)).toHaveLength(1);
  });

  it('files a restored quote under the speaker its speaker was merged into, and skips what came back meanwhile', async () => {
    const db = freshDb();
    await savePage(db, page(A, [q('First words here.', 'Ana Ruiz-Soto'), q('Second words here.', 'Ana Ruiz', { block: 1 })]), 1);
    const [first] = await pageQuotes(db, A);
    const deleted = await deleteQuote(db, first.id);
    // she has no quotes left, so she is not listed: find both in the table
    const speakers = await db.speakers.toArray();
    await mergeSpeakers(db, speakers.find((s) => s.name === 'Ana Ruiz')!.id!, speakers.find((s) => s.name === 'Ana Ruiz-Soto')!.id!);
    expect(await restoreQuotes(db, deleted)).toBe(1);
    expect((await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount])).toEqual([['Ana Ruiz', 2]]);
    expect(await restoreQuotes(db, deleted)).toBe(0);
  });
});
