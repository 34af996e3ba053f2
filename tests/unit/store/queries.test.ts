/** Reads: the speakers list, key paging, the library's filters and orders, search, and live updates. */
import Dexie, { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../lib/store/errors';
import { getSpeaker, listSites, listSpeakers, pageView, queryQuotes, quotesBySite, quotesBySpeaker, recentQuotes } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { search } from '../../../lib/store/search';
import type { Page } from '../../../lib/store/types';
import { freshDb, page, q } from './fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** Read every page of a paged list. */
async function all<T>(first: (after: string | null) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const p = await first(after);
    items.push(...p.items);
    after = p.next;
    pages++;
  } while (after && pages < 1000);
  return { items, pages };
}

/** A collection: `n` articles over `n` days on three sites; speakers quoted in proportion to their number. */
async function collection(n: number) {
  const db = freshDb();
  const names = ['Ana Ruiz', 'Ben Cole', 'Cara Diaz', 'Dan Eze', 'Eva Fox'];
  for (let i = 0; i < n; i++) {
    const site = ['a.example', 'b.example', 'c.example'][i % 3];
    const quotes = names.slice(0, 1 + (i % names.length)).map((name, k) => q(`Statement ${i} number ${k} about item${i}x${k} and budget ${i % 7}.`, name, { block: k }));
    await savePage(db, page(`https://${site}/story/${i}`, quotes, { published: new Date(T0 + i * DAY).toISOString() }), T0 + i * DAY + 1);
  }
  return db;
}

describe('speakers list', () => {
  it('orders by quote count and by recency, pages by key, and filters by a name prefix', async () => {
    const db = await collection(20);
    const byCount = await listSpeakers(db, { sort: 'count', limit: 2 });
    expect(byCount.items.map((s) => s.name)).toEqual(['Ana Ruiz', 'Ben Cole']);
    const every = await all((after) => listSpeakers(db, { sort: 'count', limit: 2, after }));
    expect(every.items.map((s) => [s.name, s.quoteCount])).toEqual([
      ['Ana Ruiz', 20],
      ['Ben Cole', 16],
      ['Cara Diaz', 12],
      ['Dan Eze', 8],
      ['Eva Fox', 4],
    ]);
    expect(every.pages).toBe(3);
    const recent = await listSpeakers(db, { sort: 'recent' });
    expect(recent.items[0].lastQuoted).toBe(T0 + 19 * DAY);
    expect(recent.items.map((s) => s.lastQuoted)).toEqual([...recent.items.map((s) => s.lastQuoted)].sort((a, b) => b - a));
    expect(every.items[0].sites.sort()).toEqual(['a.example', 'b.example', 'c.example']);
    expect((await listSpeakers(db, { prefix: 'c' })).items.map((s) => s.name)).toEqual(['Ben Cole', 'Cara Diaz']);
    expect((await listSpeakers(db, { prefix: 'dan e' })).items.map((s) => s.name)).toEqual(['Dan Eze']);
    expect((await listSpeakers(db, { prefix: 'zz' })).items).toEqual([]);
    const filteredPages = await all((after) => listSpeakers(db, { prefix: 'c', limit: 1, after }));
    expect(filteredPages.items.map((s) => s.name)).toEqual(['Ben Cole', 'Cara Diaz']);
  });

  it('refuses a cursor it did not make', async () => {
    const db = await collection(2);
    await expect(listSpeakers(db, { after: 'garbage' })).rejects.toBeInstanceOf(StoreError);
    await expect(queryQuotes(db, { after: '{"p":"x","k":[1]}' })).rejects.toThrow(/another list/);
  });
});

describe('quote lists', () => {
  it("pages a speaker's quotes newest first by key, without gaps or repeats while new quotes arrive", async () => {
    const db = await collection(30);
    const ana = (await listSpeakers(db)).items[0];
    const first = await quotesBySpeaker(db, ana.id, { limit: 7 });
    expect(first.items.map((x) => x.date)).toEqual([...Array(7)].map((_, i) => T0 + (29 - i) * DAY));
    // a newer quote arrives between pages: the next page continues where the first ended
    await savePage(db, page('https://d.example/late', [q('A late statement about the harbour plan.', 'Ana Ruiz')], { published: new Date(T0 + 99 * DAY).toISOString() }), T0 + 99 * DAY);
    const rest = await all((after) => quotesBySpeaker(db, ana.id, { limit: 7, after: after ?? first.next }));
    const seen = [...first.items, ...rest.items].map((x) => x.id);
    expect(new Set(seen).size).toBe(30);
    expect(rest.items.at(-1)!.date).toBe(T0);
    expect((await getSpeaker(db, ana.id))!.quoteCount).toBe(31);
  });

  it('filters the library by speaker, site and dates, in each order, paged by key', async () => {
    const db = await collection(24);
    const ben = (await listSpeakers(db)).items.find((s) => s.name === 'Ben Cole')!;
    const onA = await all((after) => queryQuotes(db, { site: 'a.example', limit: 5, after }));
    expect(onA.items.every((x) => x.site === 'a.example')).toBe(true);
    expect(onA.items).toHaveLength((await db.quotes.where('[site+date+id]').between(['a.example', -Infinity, -Infinity], ['a.example', Infinity, Infinity]).count()));
    expect(onA.items.map((x) => x.date)).toEqual([...onA.items.map((x) => x.date)].sort((a, b) => b - a));

    const window = { from: T0 + 5 * DAY, to: T0 + 10 * DAY };
    const inWindow = await all((after) => queryQuotes(db, { ...window, sort: 'oldest', limit: 4, after }));
    expect(inWindow.items.every((x) => x.date >= window.from && x.date < window.to)).toBe(true);
    expect(new Set(inWindow.items.map((x) => x.date)).size).toBe(5);
    expect(inWindow.items.map((x) => x.date)).toEqual([...inWindow.items.map((x) => x.date)].sort((a, b) => a - b));

    const benOnB = await all((after) => queryQuotes(db, { speakerId: ben.id, site: 'b.example', limit: 3, after }));
    expect(benOnB.items.length).toBeGreaterThan(0);
    expect(benOnB.items.every((x) => x.speakerId === ben.id && x.site === 'b.example')).toBe(true);

    // by speaker: surname A→Z (Cole, Diaz, Eze, Fox, Ruiz), each speaker's newest first
    const bySpeaker = await all((after) => queryQuotes(db, { sort: 'speaker', limit: 9, after }));
    const order = bySpeaker.items.map((x) => x.speakerName);
    expect([...new Set(order)]).toEqual(['Ben Cole', 'Cara Diaz', 'Dan Eze', 'Eva Fox', 'Ana Ruiz']);
    const coles = bySpeaker.items.filter((x) => x.speakerName === 'Ben Cole').map((x) => x.date);
    expect(coles).toEqual([...coles].sort((a, b) => b - a));
    expect(bySpeaker.items).toHaveLength(await db.quotes.count());
    // the same order within a site (read whole and sorted) and within dates
    const siteBySpeaker = await all((after) => queryQuotes(db, { site: 'c.example', sort: 'speaker', limit: 4, after }));
    expect(siteBySpeaker.items.map((x) => x.id)).toEqual(bySpeaker.items.filter((x) => x.site === 'c.example').map((x) => x.id));
    const datesBySpeaker = await all((after) => queryQuotes(db, { ...window, sort: 'speaker', limit: 4, after }));
    expect(datesBySpeaker.items.map((x) => x.id)).toEqual(bySpeaker.items.filter((x) => x.date >= window.from && x.date < window.to).map((x) => x.id));

    expect((await quotesBySite(db, 'b.example', { limit: 1 })).items[0].site).toBe('b.example');
    const recent = await all((after) => recentQuotes(db, { limit: 10, after }));
    expect(recent.items.map((x) => x.id)).toEqual([...recent.items.map((x) => x.id)].sort((a, b) => b - a));
    expect(recent.items).toHaveLength(await db.quotes.count());
    expect((await listSites(db)).map((s) => s.site)).toEqual(expect.arrayContaining(['a.example', 'b.example', 'c.example']));
  });

  it("groups this page's quotes by speaker with the role the article gave them", async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q('One.', 'Ana Ruiz', { role: 'mayor' }), q('Two.', null, { block: 1 }), q('Three.', 'Ben Cole', { block: 2 }), q('Four.', 'Ana Ruiz', { block: 3 })]), 1);
    const view = (await pageView(db, 'https://a.example/1'))!;
    expect(view.speakers.map((s) => [s.speaker?.name ?? null, s.role, s.quotes.map((x) => x.text)])).toEqual([
      ['Ana Ruiz', 'mayor', ['One.', 'Four.']],
      ['Ben Cole', null, ['Three.']],
      [null, null, ['Two.']],
    ]);
    expect(await pageView(db, 'https://a.example/unknown')).toBeNull();
  });
});

describe('search', () => {
  it('matches word prefixes in quote text and speaker names, every term, newest first, paged', async () => {
    const db = await collection(24);
    const budget = await search(db, 'budg');
    expect(budget.total).toBe(await db.quotes.count());
    expect(budget.quotes.items).toHaveLength(50);
    const items = budget.quotes.items.map((x) => x.id);
    expect(items).toEqual([...items].sort((a, b) => b - a));
    const rest = await all((after) => search(db, 'budg', { limit: 20, after: after ?? budget.quotes.next }).then((r) => r.quotes));
    expect(new Set([...items, ...rest.items.map((x) => x.id)]).size).toBe(budget.total);

    expect((await search(db, 'item3x1')).quotes.items.map((x) => x.text)).toEqual(['Statement 3 number 1 about item3x1 and budget 3.']);
    const cara = await search(db, 'cara item7');
    expect(cara.quotes.items.map((x) => x.speakerName)).toEqual(['Cara Diaz']);
    expect(cara.speakers).toEqual([]);
    const people = await search(db, 'Eze');
    expect(people.speakers.map((s) => s.name)).toEqual(['Dan Eze']);
    expect(people.total).toBe(await db.quotes.where('[speakerSort+negDate+id]').between(['eze dan', -Infinity, -Infinity], ['eze dan', Infinity, Infinity]).count());
    expect((await search(db, 'the ')).total).toBe(0);
    expect((await search(db, '   ')).quotes.items).toEqual([]);
  });

  it('ignores case, accents and typographic apostrophes', async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q('Le café ne ferme pas, says O’Brien.', 'José Álvarez')]), 1);
    expect((await search(db, 'CAFE')).total).toBe(1);
    expect((await search(db, "o'brien")).total).toBe(1);
    expect((await search(db, 'alva')).speakers.map((s) => s.name)).toEqual(['José Álvarez']);
  });
});

describe('live views', () => {
  it('follow writes made after they subscribed', async () => {
    // Dexie's liveQuery stays idle where the platform has no indexedDB (Node): give it one
    Object.assign(Dexie.dependencies, { indexedDB: new IDBFactory(), IDBKeyRange });
    const db = freshDb();
    const seen: number[] = [];
    const sub = liveQuery(() => queryQuotes(db, {})).subscribe((p) => seen.push(p.items.length));
    await expect.poll(() => seen).toEqual([0]);
    await savePage(db, page('https://a.example/1', [q('Fresh words for a live list.', 'Ana Ruiz')]), 1);
    await expect.poll(() => seen.at(-1)).toBe(1);
    const speakers: string[][] = [];
    const sub2 = liveQuery(() => search(db, 'fresh')).subscribe((r) => speakers.push(r.quotes.items.map((x) => x.speakerName ?? '')));
    await expect.poll(() => speakers.at(-1)).toEqual(['Ana Ruiz']);
    await savePage(db, page('https://b.example/2', [q('Fresh words again, somewhere else.', 'Ben Cole')]), 2);
    await expect.poll(() => speakers.at(-1)).toEqual(['Ben Cole', 'Ana Ruiz']);
    sub.unsubscribe();
    sub2.unsubscribe();
  });
});
