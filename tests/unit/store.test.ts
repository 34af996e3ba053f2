import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CapturedQuote, PageCapture } from '../../lib/messaging';
import { QuotemarkDB } from '../../lib/store/db';
import { savePage } from '../../lib/store/save';
import { pageQuotes, speakersByCount } from '../../lib/store/queries';

let db: QuotemarkDB;
beforeEach(() => {
  db = new QuotemarkDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
});

function quote(text: string, speaker: string, block = 0): CapturedQuote {
  return { quote: text, speaker, mention: speaker, speakerType: 'person', role: null, cue: `${speaker} said`, kind: 'direct', block, start: 1, end: 1 + text.length, confidence: 0.9, before: '', after: '' };
}

function page(url: string, quotes: CapturedQuote[], site = new URL(url).hostname): PageCapture {
  return { meta: { url, canonicalUrl: url, site, siteName: null, title: 'T', authors: [], published: null, lang: 'en' }, quotes };
}

describe('savePage', () => {
  it('stores an article, its quotes and speakers, and a revisit adds nothing', async () => {
    const p = page('https://a.example/story', [quote('We will build it.', 'Ana Ruiz'), quote('Not on my watch.', 'Ben Cole', 1)]);
    const first = await savePage(db, p, 1000);
    expect(first).toMatchObject({ added: 2, removed: 0 });
    const again = await savePage(db, p, 2000);
    expect(again).toMatchObject({ added: 0, removed: 0, kept: 2 });
    expect(await db.quotes.count()).toBe(2);
    expect(await db.articles.count()).toBe(1);
    expect((await speakersByCount(db)).map((s) => [s.name, s.quoteCount]).sort()).toEqual([
      ['Ana Ruiz', 1],
      ['Ben Cole', 1],
    ]);
  });

  it('replaces the quotes of an edited article instead of adding', async () => {
    await savePage(db, page('https://a.example/story', [quote('We will build it.', 'Ana Ruiz')]), 1000);
    await savePage(db, page('https://a.example/story', [quote('We will build it soon.', 'Ana Ruiz')]), 2000);
    const quotes = await pageQuotes(db, 'https://a.example/story');
    expect(quotes.map((q) => q.text)).toEqual(['We will build it soon.']);
    expect((await speakersByCount(db))[0].quoteCount).toBe(1);
  });

  it('keeps one speaker across sites and lists both sites', async () => {
    await savePage(db, page('https://a.example/1', [quote('First thing.', 'Ana Ruiz')]), 1000);
    await savePage(db, page('https://b.example/2', [quote('Second thing.', 'Ana Ruiz')]), 2000);
    const [ana] = await speakersByCount(db);
    expect(ana.quoteCount).toBe(2);
    expect(ana.sites.sort()).toEqual(['a.example', 'b.example']);
  });
});
