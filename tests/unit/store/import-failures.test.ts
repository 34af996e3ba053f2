/** An import file that starts well and is broken deep inside is refused whole: nothing of it is written. */
import { describe, expect, it } from 'vitest';
import { savePage } from '../../../lib/store/save';
import { exportData, importJson } from '../../../lib/store/transfer';
import type { QuotemarkDB } from '../../../lib/store/db';
import { freshDb, page, q } from './fixtures';

async function everything(db: QuotemarkDB) {
  return { articles: await db.articles.toArray(), quotes: await db.quotes.toArray(), speakers: await db.speakers.toArray(), groups: await db.groups.toArray(), deletions: await db.deletions.toArray(), sites: await db.sites.toArray(), tallies: await db.tallies.toArray() };
}

describe('imports broken deep inside', () => {
  it('refuses a long export whose last records are damaged, naming the record, and changes nothing', async () => {
    const source = freshDb();
    for (let i = 0; i < 40; i++) await savePage(source, page(`https://s${i % 4}.example/story/${i}`, Array.from({ length: 5 }, (_, k) => q(`Statement ${k} of story ${i} is on the record.`, `Person ${String.fromCharCode(65 + ((i + k) % 9))} Example`, { block: k }))), i + 1);
    const good = await exportData(source);
    expect(good.quotes).toHaveLength(200);

    const target = freshDb();
    await savePage(target, page('https://mine.example/1', [q('Mine before the import.', 'Ana Ruiz')]), 1);
    const before = await everything(target);
    const last = good.quotes.length - 1;
    const broken = [
      { ...good, quotes: good.quotes.map((x, i) => (i === last ? { ...x, text: 42 } : x)) },
      { ...good, quotes: good.quotes.map((x, i) => (i === last ? { ...x, speakerId: 99_999 } : x)) },
      { ...good, articles: good.articles.map((a, i) => (i === good.articles.length - 1 ? { ...a, urls: ['data:text/html,hi'] } : a)) },
    ];
    for (const file of broken) {
      const err = await importJson(target, JSON.stringify(file)).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'StoreError', code: 'invalid', message: expect.stringMatching(/Nothing was changed/) });
      expect(await everything(target)).toEqual(before);
    }
    expect((await importJson(target, JSON.stringify(broken[0])).catch((e: Error) => e.message)) as string).toContain(`quotes[${last}]`);
    // the intact file goes in whole
    expect(await importJson(target, JSON.stringify(good))).toMatchObject({ quotes: 200 });
    expect(await target.quotes.count()).toBe(201);
  });
});
