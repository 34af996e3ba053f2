/**
 * The store benchmark's in-browser half: bundled by `scripts/bench-store.ts` and run inside an
 * extension page of real Chromium, so every figure comes from the browser's own IndexedDB.
 */
import { QuotemarkDB } from '../../lib/store/db';
import { listSpeakers, quotesBySpeaker } from '../../lib/store/queries';
import { savePage } from '../../lib/store/save';
import { search } from '../../lib/store/search';
import { SyntheticNews, type SyntheticOptions } from './synthetic';

let db: QuotemarkDB;
let news: SyntheticNews;
let loaded = 0;
/** Articles from this index on are never loaded: benchmark pages come from there. */
const BENCH_BASE = 10_000_000;
let benchNext = BENCH_BASE;
let clock = Date.UTC(2025, 0, 1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

export async function open(name: string, opts: SyntheticOptions, relaxed = false): Promise<void> {
  news = new SyntheticNews(opts);
  db = new QuotemarkDB(name, relaxed ? { chromeTransactionDurability: 'relaxed' } : undefined);
  await db.open();
}

/** Where a kept database left off: articles loaded, next benchmark page, the saving clock. */
export function position(): { loaded: number; benchNext: number; clock: number } {
  return { loaded, benchNext, clock };
}

/** Go on from a kept database (see `position`). */
export function resume(p: { loaded: number; benchNext: number; clock: number }): void {
  ({ loaded, benchNext, clock } = p);
}

/** The address of synthetic article `i` (as saved). */
export function articleUrl(i: number): string {
  return news.page(i).meta.url;
}

/** Save articles until the store holds `quotes` quotes; returns the mean save time of this batch. */
export async function loadUntil(quotes: number, maxMs = 20_000): Promise<{ quotes: number; articles: number; msPerPage: number; done: boolean }> {
  let count = await db.quotes.count();
  const t0 = performance.now();
  let pages = 0;
  while (count < quotes && performance.now() - t0 < maxMs) {
    const p = news.page(loaded++);
    const r = await savePage(db, p, (clock += 60_000));
    count += r.added - r.removed;
    pages++;
  }
  return { quotes: count, articles: loaded, msPerPage: pages ? (performance.now() - t0) / pages : 0, done: count >= quotes };
}

export interface Figures {
  quotes: number;
  speakers: number;
  articles: number;
  save_page_ms: number;
  revisit_ms: number;
  speakers_first_page_ms: number;
  speakers_recent_first_page_ms: number;
  speaker_quotes_ms: number;
  search_ms: number;
  search_prefix_ms: number;
  search_two_words_ms: number;
  estimate_mb: number | null;
}

/** Every timed operation, `runs` times each; medians. */
export async function measure(runs: number): Promise<Figures> {
  const save: number[] = [];
  const revisit: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = news.page(benchNext++, 30);
    save.push((await timed(() => savePage(db, p, (clock += 60_000))))[0]);
    revisit.push((await timed(() => savePage(db, p, (clock += 60_000))))[0]);
  }
  const first: number[] = [];
  const recent: number[] = [];
  for (let i = 0; i < runs; i++) {
    first.push((await timed(() => listSpeakers(db, { sort: 'count', limit: 50 })))[0]);
    recent.push((await timed(() => listSpeakers(db, { sort: 'recent', limit: 50 })))[0]);
  }
  // speakers with at least 50 quotes, or the most quoted ones
  const top = (await listSpeakers(db, { sort: 'count', limit: 200 })).items;
  const busy = top.filter((s) => s.quoteCount >= 50);
  const pool = busy.length >= 5 ? busy : top.slice(0, 20);
  const speakerTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = pool[(i * 7) % pool.length];
    speakerTimes.push((await timed(() => quotesBySpeaker(db, s.id, { limit: 50 })))[0]);
  }
  // a word of middling frequency, a 3-letter prefix as typed, and two words
  const searchTimes: number[] = [];
  const prefixTimes: number[] = [];
  const twoTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const w = news.word(100 + i * 97);
    searchTimes.push((await timed(() => search(db, w, { limit: 50 })))[0]);
    prefixTimes.push((await timed(() => search(db, news.word(300 + i * 31).slice(0, 3), { limit: 50 })))[0]);
    twoTimes.push((await timed(() => search(db, `${news.word(50 + i)} ${news.word(400 + i * 13)}`, { limit: 50 })))[0]);
  }
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : null;
  return {
    quotes: await db.quotes.count(),
    speakers: await db.speakers.where('[listed+quoteCount+id]').between([1, 1, -Infinity], [1, Infinity, Infinity]).count(),
    articles: await db.articles.count(),
    save_page_ms: median(save),
    revisit_ms: median(revisit),
    speakers_first_page_ms: median(first),
    speakers_recent_first_page_ms: median(recent),
    speaker_quotes_ms: median(speakerTimes),
    search_ms: median(searchTimes),
    search_prefix_ms: median(prefixTimes),
    search_two_words_ms: median(twoTimes),
    estimate_mb: estimate?.usage != null ? estimate.usage / 1e6 : null,
  };
}

export function close(): void {
  db.close();
}

/**
 * Costs of the browser's IndexedDB itself on this machine, to read the other figures against: an
 * empty write transaction, 30 small rows, and the 30 quote rows of a saved page written again with
 * all their indexes (what any store of these quotes pays, before any logic of ours).
 */
export async function floor(runs: number): Promise<{ empty_rw_ms: number; thirty_small_puts_ms: number; thirty_quote_rows_ms: number }> {
  const empty: number[] = [];
  const thirty: number[] = [];
  const quoteRows: number[] = [];
  const p = news.page(benchNext++, 30);
  const { articleId } = await savePage(db, p, (clock += 60_000));
  const rows = await db.quotes.where('[articleId+norm]').between([articleId, ''], [articleId, '\uffff']).toArray();
  for (let i = 0; i < runs; i++) {
    empty.push((await timed(() => db.transaction('rw', db.groups, async () => {})))[0]);
    thirty.push((await timed(() => db.transaction('rw', db.groups, async () => void (await db.groups.bulkPut(Array.from({ length: 30 }, (_, k) => ({ id: 1e9 + k, size: 0, created: 0 })))))))[0]);
    await db.quotes.bulkDelete(rows.map((r) => r.id!));
    quoteRows.push((await timed(() => db.transaction('rw', db.quotes, async () => void (await db.quotes.bulkAdd(rows)))))[0]);
  }
  await db.groups.where(':id').aboveOrEqual(1e9).delete();
  return { empty_rw_ms: median(empty), thirty_small_puts_ms: median(thirty), thirty_quote_rows_ms: median(quoteRows) };
}

/** Save `n` fresh pages of 30 quotes (for profiling the save path alone); returns each time. */
export async function saveFreshPages(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = news.page(benchNext++, 30);
    out.push((await timed(() => savePage(db, p, (clock += 60_000))))[0]);
  }
  return out;
}
