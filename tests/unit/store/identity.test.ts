/** Speaker identity across articles, through the save path. */
import { describe, expect, it } from 'vitest';
import { listSpeakers, pageView, quotesBySpeaker } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { search } from '../../../lib/store/search';
import { splitSpeaker } from '../../../lib/store/edit';
import { freshDb, page, q } from './fixtures';

async function speakerNames(db: ReturnType<typeof freshDb>): Promise<[string, number][]> {
  return (await listSpeakers(db, { limit: 100 })).items.map((s) => [s.name, s.quoteCount] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

let t = 1000;
const save = (db: ReturnType<typeof freshDb>, url: string, quotes: ReturnType<typeof q>[]) => savePage(db, page(url, quotes), (t += 1000));

describe('speaker identity', () => {
  it('merges "Joe Biden", "President Joe Biden", "Joseph R. Biden Jr." and "Biden" across articles', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('One.', 'Joe Biden')]);
    await save(db, 'https://b.example/2', [q('Two.', 'President Joe Biden')]);
    await save(db, 'https://c.example/3', [q('Three.', 'Joseph R. Biden Jr.')]);
    await save(db, 'https://d.example/4', [q('Four.', 'Biden')]);
    const [biden] = (await listSpeakers(db)).items;
    expect(await speakerNames(db)).toEqual([['Joe Biden', 4]]);
    expect(biden.aliases).toEqual(['Joseph R. Biden Jr.', 'Biden']);
    expect(biden.sites).toHaveLength(4);
  });

  it('keeps Bill and Hillary Clinton apart, and a bare "Clinton" with neither', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('Mine.', 'Bill Clinton'), q('Hers.', 'Hillary Clinton', { block: 1 })]);
    await save(db, 'https://b.example/2', [q('Again mine.', 'William J. Clinton'), q('Again hers.', 'Hillary Rodham Clinton', { block: 1 })]);
    await save(db, 'https://c.example/3', [q('Whose?', 'Clinton')]);
    expect(await speakerNames(db)).toEqual([
      ['Bill Clinton', 2],
      ['Clinton', 1],
      ['Hillary Clinton', 2],
    ]);
  });

  it('tells apart people who share a surname, and files an ambiguous initial under neither', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('A.', 'John Smith'), q('B.', 'Jane Smith', { block: 1 })]);
    await save(db, 'https://b.example/2', [q('C.', 'John A. Smith'), q('D.', 'Jane Smith', { block: 1 }), q('E.', 'J. Smith', { block: 2 })]);
    expect(await speakerNames(db)).toEqual([
      ['J. Smith', 1],
      ['Jane Smith', 2],
      ['John Smith', 2],
    ]);
  });

  it('gives a surname-only speaker the first full name met, and their quotes follow', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('We stand firm on taxes.', 'Okafor')]);
    await save(db, 'https://b.example/2', [q('Later words.', 'Ngozi Okafor')]);
    expect(await speakerNames(db)).toEqual([['Ngozi Okafor', 2]]);
    // the first quote now sorts and searches under the full name
    expect((await search(db, 'ngozi')).total).toBe(2);
  });

  it('keeps conflicting middle initials and generations apart, merges a missing suffix', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('A.', 'John F. Kent'), q('B.', 'John Q. Kent', { block: 1 })]);
    await save(db, 'https://b.example/2', [q('C.', 'Carl Mora Jr.'), q('D.', 'Carl Mora Sr.', { block: 1 })]);
    await save(db, 'https://c.example/3', [q('E.', 'Martin Luther Kingsley Jr.')]);
    await save(db, 'https://d.example/4', [q('F.', 'Martin Luther Kingsley')]);
    expect(await speakerNames(db)).toEqual([
      ['Carl Mora Jr.', 1],
      ['Carl Mora Sr.', 1],
      ['John F. Kent', 1],
      ['John Q. Kent', 1],
      ['Martin Luther Kingsley Jr.', 2],
    ]);
  });

  it('tells a father and son apart: on one page, and across pages once the user split them', async () => {
    const db = freshDb();
    // one article naming both: the engine told them apart, so they stay two
    await save(db, 'https://a.example/1', [q('Father speaking.', 'Donald Tramp'), q('Son speaking.', 'Donald Tramp Jr.', { block: 1 })]);
    expect(await speakerNames(db)).toEqual([
      ['Donald Tramp', 1],
      ['Donald Tramp Jr.', 1],
    ]);
    await save(db, 'https://b.example/2', [q('Son again.', 'Donald Tramp Jr.'), q('Father again.', 'Donald J. Tramp', { block: 1 })]);
    expect(await speakerNames(db)).toEqual([
      ['Donald Tramp', 2],
      ['Donald Tramp Jr.', 2],
    ]);

    // with only the son known, a suffix-less mention is taken as a variant of him; the user splits it off
    const db2 = freshDb();
    await save(db2, 'https://a.example/1', [q('Son speaking.', 'Carl Vance Jr.')]);
    await save(db2, 'https://b.example/2', [q('Father speaking.', 'Carl Vance')]);
    const [one] = (await listSpeakers(db2)).items;
    expect(one.quoteCount).toBe(2);
    const father = (await quotesBySpeaker(db2, one.id)).items.find((x) => x.speakerName === 'Carl Vance')!;
    await splitSpeaker(db2, one.id, { name: 'Carl Vance', quoteIds: [father.id], aliases: ['Carl Vance'] });
    await save(db2, 'https://c.example/3', [q('Father again.', 'Carl Vance'), q('Son again.', 'Carl Vance Jr.', { block: 1 })]);
    expect(await speakerNames(db2)).toEqual([
      ['Carl Vance', 2],
      ['Carl Vance Jr.', 2],
    ]);
  });

  it('merges common diminutives of a first name', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('A.', 'Robert Lund')]);
    await save(db, 'https://b.example/2', [q('B.', 'Bob Lund')]);
    await save(db, 'https://c.example/3', [q('C.', 'Roberta Lund')]);
    expect(await speakerNames(db)).toEqual([
      ['Robert Lund', 2],
      ['Roberta Lund', 1],
    ]);
  });

  it('keeps descriptors and documents to their article, and organisations global', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('It is signed.', 'the letter', { type: 'document' }), q('No comment.', 'a spokesman', { type: 'descriptor', block: 1 }), q('We act.', 'the White House', { type: 'organization', block: 2 })]);
    await save(db, 'https://b.example/2', [q('It is unsigned.', 'the letter', { type: 'document' }), q('Still no comment.', 'a spokesman', { type: 'descriptor', block: 1 }), q('We acted.', 'White House', { type: 'organization', block: 2 })]);
    // only the organisation is listed: "the letter" of two articles are two documents
    expect(await speakerNames(db)).toEqual([['the White House', 2]]);
    const ids = new Set<number>();
    for (const u of ['https://a.example/1', 'https://b.example/2']) for (const s of (await pageView(db, u))!.speakers) ids.add(s.speaker!.id);
    expect(ids.size).toBe(5);
    // a revisit finds the same article-local speakers again
    await save(db, 'https://a.example/1', [q('It is signed.', 'the letter', { type: 'document' })]);
    expect((await db.speakers.count())).toBe(5);
  });

  it('keeps every role the articles gave, most frequent first', async () => {
    const db = freshDb();
    await save(db, 'https://a.example/1', [q('A.', 'Ana Ruiz', { role: 'mayor' })]);
    await save(db, 'https://b.example/2', [q('B.', 'Ana Ruiz', { role: 'candidate for governor' })]);
    await save(db, 'https://c.example/3', [q('C.', 'Ana Ruiz', { role: 'candidate for governor' })]);
    const [ana] = (await listSpeakers(db)).items;
    expect(ana.roles).toEqual(['candidate for governor', 'mayor']);
  });
});
