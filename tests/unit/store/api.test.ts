/** Every function of the store's API, once, end to end (the detailed rules have their own files). */
import { describe, expect, it } from 'vitest';
import * as store from '../../../lib/store';
import { freshDb, page, q } from './fixtures';

describe('store API', () => {
  it('saves pages and answers every read', async () => {
    const db = freshDb();
    const r1 = await store.savePage(db, page('https://a.example/1', [q('We will rebuild the bridge before winter comes.', 'Ana Ruiz', { role: 'mayor' }), q('The budget is not there for it.', 'Ben Cole', { block: 1 })], { published: '2024-03-01T10:00:00Z' }), 1000);
    expect(r1).toMatchObject({ added: 2, removed: 0, kept: 0 });
    await store.savePage(db, page('https://b.example/2', [q('We will rebuild the bridge before winter comes.', 'Ana M. Ruiz')], { published: '2024-03-02T10:00:00Z' }), 2000);

    expect((await store.articleForUrl(db, 'https://a.example/1#top'))?.title).toBe('Story at /1');
    expect((await store.pageQuotes(db, 'https://a.example/1')).map((x) => x.speakerName)).toEqual(['Ana Ruiz', 'Ben Cole']);
    const pv = await store.pageView(db, 'https://a.example/1');
    expect(pv?.speakers.map((s) => [s.speaker?.name, s.role])).toEqual([
      ['Ana Ruiz', 'mayor'],
      ['Ben Cole', null],
    ]);
    const speakers = await store.listSpeakers(db, { sort: 'count' });
    expect(speakers.items.map((s) => [s.name, s.quoteCount, s.sites])).toEqual([
      ['Ana Ruiz', 2, ['a.example', 'b.example']],
      ['Ben Cole', 1, ['a.example']],
    ]);
    expect((await store.speakersByCount(db, 1)).map((s) => s.name)).toEqual(['Ana Ruiz']);
    const ana = speakers.items[0];
    expect((await store.getSpeaker(db, ana.id))?.aliases).toEqual(['Ana M. Ruiz']);
    const anaQuotes = await store.quotesBySpeaker(db, ana.id, { collapseGroups: false });
    expect(anaQuotes.items.map((x) => x.site)).toEqual(['b.example', 'a.example']);
    expect((await store.speakerQuotes(db, ana.id)).length).toBe(1); // one statement, shown once
    expect((await store.quotesBySite(db, 'a.example')).items).toHaveLength(2);
    expect((await store.recentQuotes(db, { collapseGroups: false })).items.map((x) => x.site)).toEqual(['b.example', 'a.example', 'a.example']);
    expect((await store.queryQuotes(db, { sort: 'oldest', collapseGroups: false })).items[0].site).toBe('a.example');
    const found = await store.search(db, 'brid');
    expect(found.total).toBe(2);
    expect(found.quotes.items).toHaveLength(1);
    expect(found.quotes.items[0].group?.also.map((a) => a.site)).toEqual(['a.example']);
    const g = await store.quoteGroup(db, found.quotes.items[0].groupId!);
    expect(g?.outlets).toBe(2);
    expect((await store.listSites(db)).map((s) => [s.site, s.quoteCount])).toEqual([
      ['a.example', 2],
      ['b.example', 1],
    ]);
    expect(await store.counts(db)).toEqual({ quotes: 3, speakers: 2, articles: 2, groups: 1 });
  });

  it('applies every correction and exports what it holds', async () => {
    const db = freshDb();
    await store.savePage(db, page('https://a.example/1', [q('First thing we do is this.', 'Ana Ruiz'), q('Second thing we do is that.', 'Ana Ruiz', { block: 1 }), q('Third.', 'Ben Cole', { block: 2 })]), 1000);
    const [ana, ben] = (await store.listSpeakers(db)).items;
    const quotes = await store.pageQuotes(db, 'https://a.example/1');
    expect((await store.setQuoteSpeaker(db, quotes[2].id, { name: 'Cara Diaz' }))?.name).toBe('Cara Diaz');
    await store.deleteQuote(db, quotes[1].id);
    expect((await store.mergeSpeakers(db, ana.id, ben.id)).aliases).toContain('Ben Cole');
    const split = await store.splitSpeaker(db, ana.id, { name: 'Ann Ruiz', quoteIds: [quotes[0].id] });
    expect(split.quoteCount).toBe(1);
    expect((await store.renameSpeaker(db, split.id, 'Annette Ruiz')).name).toBe('Annette Ruiz');
    const id = await store.saveManualQuote(db, { text: 'A selected sentence.', speaker: { name: 'Dan Eze' }, url: 'https://c.example/x', title: 'C' }, 3000);
    expect((await store.pageQuotes(db, 'https://c.example/x')).map((x) => [x.id, x.origin])).toEqual([[id, 'manual']]);

    const json = await store.exportJson(db, 5000);
    expect(JSON.parse(json)).toMatchObject({ format: store.EXPORT_FORMAT, version: store.EXPORT_VERSION });
    expect((await store.exportCsv(db)).split('\r\n')[0]).toMatch(/^id,date,speaker/);
    expect((await store.exportJsonLines(db)).trim().split('\n')).toHaveLength(3);
    const file = await store.exportFile(db, 'csv', 5000);
    expect(file.filename).toBe('quotemark-1970-01-01.csv');

    const other = freshDb();
    expect(await store.importJson(other, json)).toMatchObject({ quotes: 3, skipped: 0 });
    expect(await store.importJson(other, json)).toMatchObject({ articles: 0, speakers: 0, quotes: 0, skipped: 3 });
    await expect(store.importJson(other, '{"hello": 1}')).rejects.toThrow(/not a Quotemark export/);

    await store.deleteAllData(db);
    expect(await store.counts(db)).toEqual({ quotes: 0, speakers: 0, articles: 0, groups: 0 });
  });
});
