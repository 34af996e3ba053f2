/**
 * Saves racing each other (ten tabs at once, one article in two tabs): whatever arrives together
 * ends as if it had been saved one page after another. Seeded, so a failure replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuotemarkDB } from '../../../lib/store/db';
import { listSpeakers, pageQuotes } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { checkInvariants } from './invariants';
import { freshDb, page, q } from './fixtures';

const NAMES = ['Lena Vargas', 'Vargas', 'Tomas Reyes', 'Greta Lindqvist', 'Marcus Bell', 'Mayor Lena Vargas'];
const SENTENCES = ['The bridge will reopen in May.', 'We cannot pay for the new road.', 'The school stays open.', 'Nobody asked us first.', 'The water is safe to drink.', 'It was a long night for everyone.'];
const SITES = ['a.example', 'b.example'];

/** What a person sees: each article's quotes with their speakers, and the people with their counts. */
async function seen(db: QuotemarkDB, urls: string[]) {
  const pages: Record<string, string[]> = {};
  for (const u of urls) pages[u] = (await pageQuotes(db, u)).map((x) => `${x.text} | ${x.speaker?.name ?? x.speakerName ?? ''}`).sort();
  const people = (await listSpeakers(db, { limit: 100 })).items.map((s) => `${s.name} ${s.quoteCount}`).sort();
  return { pages, people };
}

const pageArb = fc.record({
  article: fc.nat(7),
  quotes: fc.array(fc.record({ s: fc.nat(SENTENCES.length - 1), n: fc.nat(NAMES.length - 1) }), { minLength: 1, maxLength: 4 }),
});

describe('concurrent saves', () => {
  it('ten pages saved at once store each quote once, as saving them one by one does', async () => {
    const pages = Array.from({ length: 10 }, (_, i) =>
      page(
        `https://${SITES[i % 2]}/story/${i}`,
        Array.from({ length: 4 }, (_, k) => q(`${SENTENCES[(i + k) % SENTENCES.length]} (${i}.${k})`, NAMES[(i + k) % NAMES.length], { block: k })),
      ),
    );
    const racing = freshDb();
    const results = await Promise.all(pages.map((p) => savePage(racing, p, 1)));
    expect(results.map((r) => r.added)).toEqual(pages.map(() => 4));
    expect(await racing.quotes.count()).toBe(40);
    await checkInvariants(racing);
    const inTurn = freshDb();
    for (const p of pages) await savePage(inTurn, p, 1);
    const urls = pages.map((p) => p.meta.url);
    expect(await seen(racing, urls)).toEqual(await seen(inTurn, urls));
  });

  it('any pages arriving together (the same article more than once included) end as saved in turn', async () => {
    let pagesSaved = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(pageArb, { minLength: 1, maxLength: 8, selector: (b) => b.article }), fc.array(fc.nat(), { maxLength: 4 }), async (batch, again) => {
        const distinct = batch.map((b) =>
          page(
            `https://${SITES[b.article % 2]}/story/${b.article}`,
            b.quotes.map((x, k) => q(SENTENCES[x.s], NAMES[x.n], { block: k })),
          ),
        );
        // the same article open in more than one tab: the same capture arrives again
        const captures = [...distinct, ...again.map((i) => distinct[i % distinct.length])];
        pagesSaved += captures.length;
        const racing = freshDb();
        await Promise.all(captures.map((c) => savePage(racing, c, 1)));
        await checkInvariants(racing);
        const inTurn = freshDb();
        for (const c of distinct) await savePage(inTurn, c, 1);
        const urls = distinct.map((c) => c.meta.url);
        expect(await seen(racing, urls)).toEqual(await seen(inTurn, urls));
        expect(await racing.articles.count()).toBe(urls.length);
      }),
      { numRuns: 60, seed: 8_2026 },
    );
    expect(pagesSaved).toBeGreaterThan(60);
    console.log(`concurrent saves: 60 random batches, ${pagesSaved} pages saved racing, each batch equal to saving in turn`);
  }, 60_000);
});
