/** Saving a page: idempotent, an edited article replaces its quotes, the user's changes are kept, one transaction. */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../../lib/background/handle';
import { deleteQuote, saveManualQuote, setQuoteSpeaker } from '../../../lib/store/edit';
import { StoreError, QUOTA_MESSAGE } from '../../../lib/store/errors';
import { counts, listSpeakers, pageQuotes } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { search } from '../../../lib/store/search';
import type { QuotemarkDB } from '../../../lib/store/db';
import { freshDb, page, q } from './fixtures';

const URL1 = 'https://news.example/2024/story';

async function snapshot(db: QuotemarkDB) {
  return { articles: await db.articles.toArray(), quotes: await db.quotes.toArray(), speakers: await db.speakers.toArray(), groups: await db.groups.toArray(), deletions: await db.deletions.toArray() };
}

/** Make every write to `table` fail as a full disk does (a QuotaExceededError, wrapped as the browser and Dexie wrap it). */
async function fillDisk(db: QuotemarkDB, table: string): Promise<void> {
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== table) return t;
        return {
          ...t,
          mutate: (_req: DBCoreMutateRequest) => {
            const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            const abort = Object.assign(new DOMException('Transaction aborted', 'AbortError'), { inner: quota });
            return Promise.reject(abort);
          },
        };
      },
    }),
  });
  await db.open();
}

describe('savePage', () => {
  it('stores a page once: a reload, a revisit and a visit through another address add nothing', async () => {
    const db = freshDb();
    const p = page(URL1, [q('We will build it.', 'Ana Ruiz'), q('Not on my watch.', 'Ben Cole', { block: 1 })]);
    expect(await savePage(db, p, 1000)).toMatchObject({ added: 2, removed: 0, kept: 0 });
    const before = await snapshot(db);
    expect(await savePage(db, p, 2000)).toMatchObject({ added: 0, removed: 0, kept: 2 });
    const viaFeed = page(`${URL1}?utm_source=feed`, p.quotes, { canonicalUrl: URL1 });
    expect(await savePage(db, viaFeed, 3000)).toMatchObject({ added: 0, kept: 2 });
    const after = await snapshot(db);
    expect(after.quotes).toEqual(before.quotes);
    expect(after.speakers).toEqual(before.speakers);
    expect(after.articles).toHaveLength(1);
    expect(after.articles[0]).toMatchObject({ lastSeen: 3000, firstSeen: 1000, urls: [URL1, `${URL1}?utm_source=feed`] });
    // "this page" answers for either address
    expect(await pageQuotes(db, `${URL1}?utm_source=feed#comments`)).toHaveLength(2);
  });

  it('counts typographic variants of a quote on one page once', async () => {
    const db = freshDb();
    await savePage(db, page(URL1, [q('“It’s done,” ', 'Ana Ruiz'), q("It's done.", 'Ana Ruiz', { block: 3 })]), 1);
    expect(await db.quotes.count()).toBe(1);
  });

  it('replaces the quotes of an edited article instead of adding, and counts follow', async () => {
    const db = freshDb();
    await savePage(db, page(URL1, [q('We will build the bridge by spring.', 'Ana Ruiz'), q('The money is there.', 'Ana Ruiz', { block: 1 })]), 1000);
    const r = await savePage(db, page(URL1, [q('We will build the bridge by summer.', 'Ana Ruiz'), q('The money is there.', 'Ana Ruiz', { block: 2 })]), 2000);
    expect(r).toMatchObject({ added: 1, removed: 1, kept: 1 });
    expect((await pageQuotes(db, URL1)).map((x) => [x.text, x.block])).toEqual([
      ['We will build the bridge by summer.', 0],
      ['The money is there.', 2],
    ]);
    expect((await listSpeakers(db)).items[0].quoteCount).toBe(2);
    expect((await search(db, 'spring')).total).toBe(0);
    expect((await search(db, 'summer')).total).toBe(1);
    expect((await db.articles.toArray())[0].quoteCount).toBe(2);
  });

  it('moves a quote when the engine attributes it to someone else on a later visit', async () => {
    const db = freshDb();
    await savePage(db, page(URL1, [q('Taxes go up.', 'Ana Ruiz'), q('Roads first.', 'Ana Ruiz', { block: 1 })]), 1);
    await savePage(db, page(URL1, [q('Taxes go up.', 'Ana Ruiz'), q('Roads first.', 'Ben Cole', { block: 1 })]), 2);
    expect((await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount]).sort()).toEqual([
      ['Ana Ruiz', 1],
      ['Ben Cole', 1],
    ]);
  });

  it('follows a changed publication date', async () => {
    const db = freshDb();
    await savePage(db, page(URL1, [q('A.', 'Ana Ruiz')], { published: '2024-01-01T00:00:00Z' }), 1);
    await savePage(db, page(URL1, [q('A.', 'Ana Ruiz')], { published: '2024-02-01T00:00:00Z' }), 2);
    const [quote] = await pageQuotes(db, URL1);
    expect(quote.date).toBe(Date.parse('2024-02-01T00:00:00Z'));
    expect((await listSpeakers(db)).items[0].lastQuoted).toBe(Date.parse('2024-02-01T00:00:00Z'));
  });

  it("keeps the user's changes on a revisit: deleted quotes stay deleted, chosen speakers stay, hand-saved quotes stay", async () => {
    const db = freshDb();
    const p = page(URL1, [q('Keep me.', 'Ana Ruiz'), q('Delete me.', 'Ana Ruiz', { block: 1 }), q('Not hers.', 'Ana Ruiz', { block: 2 })]);
    await savePage(db, p, 1);
    const [keep, del, fix] = await pageQuotes(db, URL1);
    await deleteQuote(db, del.id, 5);
    await setQuoteSpeaker(db, fix.id, { name: 'Ben Cole' });
    await saveManualQuote(db, { text: 'A sentence I chose.', speaker: { speakerId: keep.speakerId! }, url: URL1 }, 6);
    const r = await savePage(db, p, 10);
    expect(r).toMatchObject({ added: 0, removed: 0 });
    expect((await pageQuotes(db, URL1)).map((x) => [x.text, x.speaker?.name])).toEqual([
      ['A sentence I chose.', 'Ana Ruiz'],
      ['Keep me.', 'Ana Ruiz'],
      ['Not hers.', 'Ben Cole'],
    ]);
    expect(await counts(db)).toMatchObject({ quotes: 3, speakers: 2 });
  });

  it('saves nothing of a page when the disk is full, and says so clearly', async () => {
    const db = freshDb();
    await savePage(db, page('https://other.example/x', [q('Already here.', 'Ana Ruiz')]), 1);
    const before = await snapshot(db);
    await fillDisk(db, 'quotes');
    const err = await savePage(db, page(URL1, [q('New words.', 'Ana Ruiz'), q('More words.', 'Ben Cole', { block: 1 })]), 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
    // the article and speakers written before the quotes failed were rolled back with them
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers the content script with the clear message when storage is full', async () => {
    const db = freshDb();
    await fillDisk(db, 'articles');
    const reply = await handleMessage(db, { type: 'page/captured', capture: page(URL1, [q('Words.', 'Ana Ruiz')]) }, { id: 'me' }, 'me', 1);
    expect(reply).toEqual({ ok: false, error: QUOTA_MESSAGE });
    expect(await db.quotes.count()).toBe(0);
  });

  it('keeps concurrent saves of the same page from duplicating it', async () => {
    const db = freshDb();
    const p = page(URL1, [q('Same time.', 'Ana Ruiz')]);
    await Promise.all([savePage(db, p, 1), savePage(db, p, 1), savePage(db, p, 1)]);
    expect(await counts(db)).toMatchObject({ quotes: 1, articles: 1, speakers: 1 });
    expect((await listSpeakers(db)).items[0].quoteCount).toBe(1);
  });
});
