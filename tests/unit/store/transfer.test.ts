/** Export and import: a full versioned JSON that round-trips, flat CSV and JSON Lines, imports that check everything first. */
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteQuote, mergeSpeakers, saveManualQuote, setQuoteSpeaker } from '../../../lib/store/edit';
import { counts, listSpeakers, pageQuotes } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { csvCell, exportCsv, exportData, exportFile, exportJson, exportJsonLines, importJson, type ExportFile } from '../../../lib/store/transfer';
import type { QuotemarkDB } from '../../../lib/store/db';
import { freshDb, page, q } from './fixtures';

const SAID = 'We are not going to raise taxes on working families this year.';

/** A collection with every kind of thing in it: groups, local speakers, fixes, merges, deletions, manual quotes. */
async function rich(): Promise<QuotemarkDB> {
  const db = freshDb();
  await savePage(db, page('https://a.example/1', [q(SAID, 'Ana Ruiz', { role: 'mayor' }), q('It was signed on Friday.', 'the letter', { type: 'document', block: 1 }), q('Delete this one.', 'Ben Cole', { block: 2 })], { published: '2024-05-01T10:00:00Z' }), 1000);
  await savePage(db, page('https://b.example/2?ref=x', [q(SAID, 'Ana Ruiz'), q('Ask her office.', 'Cara Diaz', { block: 1 })], { canonicalUrl: 'https://b.example/2' }), 2000);
  await savePage(db, page('https://c.example/3', [q(SAID.replace('families', 'people'), 'Ana Ruiz-Soto')]), 3000);
  const quotesA = await pageQuotes(db, 'https://a.example/1');
  await deleteQuote(db, quotesA[2].id, 4000);
  const [ask] = (await pageQuotes(db, 'https://b.example/2')).filter((x) => x.text.startsWith('Ask'));
  await setQuoteSpeaker(db, ask.id, { name: 'Dan Eze' });
  const speakers = (await listSpeakers(db)).items;
  await mergeSpeakers(db, speakers.find((s) => s.name === 'Ana Ruiz')!.id, speakers.find((s) => s.name === 'Ana Ruiz-Soto')!.id);
  await saveManualQuote(db, { text: 'A line I picked myself.', speaker: { name: 'Eva Fox' }, url: 'https://d.example/4', title: 'D' }, 5000);
  return db;
}

/** The export's content without ids, references resolved, sorted: equal means the same data. */
function content(file: ExportFile) {
  const art = new Map(file.articles.map((a) => [a.id, a.url]));
  const spk = new Map(file.speakers.map((s) => [s.id, s.name]));
  const groups = new Map<number, string[]>();
  for (const x of file.quotes) if (x.groupId != null) groups.set(x.groupId, [...(groups.get(x.groupId) ?? []), `${art.get(x.articleId)} ${x.text}`].sort());
  const strip = <T extends object>(o: T, drop: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !drop.includes(k)));
  return {
    articles: file.articles.map((a) => strip(a, ['id'])).sort((a, b) => String(a.url).localeCompare(String(b.url))),
    speakers: file.speakers.map((s) => ({ ...strip(s, ['id', 'articleId', 'keys']), article: s.articleId ? art.get(s.articleId) : null, keys: s.keys.map((k) => k.replace(/^l:\d+:/, `l:${art.get(Number(k.split(':')[1]))}:`)).sort() })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    quotes: file.quotes.map((x) => ({ ...strip(x, ['id', 'articleId', 'speakerId', 'groupId']), article: art.get(x.articleId), speaker: x.speakerId ? spk.get(x.speakerId) : null, group: x.groupId ? groups.get(x.groupId) : null })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    deletions: file.deletions.map((d) => ({ ...d, articleId: art.get(d.articleId) })),
  };
}

async function everything(db: QuotemarkDB) {
  return { articles: await db.articles.toArray(), quotes: await db.quotes.toArray(), speakers: await db.speakers.toArray(), groups: await db.groups.toArray(), deletions: await db.deletions.toArray() };
}

describe('JSON export and import', () => {
  it('round-trips everything through an empty collection, and importing twice adds nothing', async () => {
    const db = await rich();
    const exported = await exportData(db, 9000);
    expect(exported).toMatchObject({ format: 'quotemark-export', version: 1, exportedAt: '1970-01-01T00:00:09.000Z' });
    expect(exported.deletions).toHaveLength(1);
    expect(exported.quotes.some((x) => x.origin === 'manual' && x.speakerFixed)).toBe(true);

    const other = freshDb();
    const first = await importJson(other, JSON.stringify(exported), 9500);
    expect(first).toEqual({ articles: 4, speakers: exported.speakers.length, quotes: exported.quotes.length, skipped: 0 });
    expect(content(await exportData(other))).toEqual(content(exported));
    // what the views show is the same too
    expect((await listSpeakers(other)).items.map((s) => [s.name, s.quoteCount, s.aliases, s.roles])).toEqual((await listSpeakers(db)).items.map((s) => [s.name, s.quoteCount, s.aliases, s.roles]));
    expect(await counts(other)).toEqual(await counts(db));

    const before = await everything(other);
    expect(await importJson(other, exported, 9600)).toEqual({ articles: 0, speakers: 0, quotes: 0, skipped: exported.quotes.length });
    expect(await everything(other)).toEqual(before);
    // the remembered deletion came along: a visit does not bring the deleted quote back
    await savePage(other, page('https://a.example/1', [q('Delete this one.', 'Ben Cole')]), 9700);
    expect((await pageQuotes(other, 'https://a.example/1')).map((x) => x.text)).not.toContain('Delete this one.');
  });

  it('adds an export to a collection that already has some of it, matching articles, speakers and statements', async () => {
    const db = await rich();
    const file = await exportJson(db);
    const mine = freshDb();
    await savePage(mine, page('https://a.example/1', [q(SAID, 'Ana Ruiz')]), 1);
    await savePage(mine, page('https://z.example/9', [q(SAID, 'Ana Ruiz'), q('Only here.', 'Zoe Young', { block: 1 })]), 2);
    const r = await importJson(mine, file, 3);
    expect(r.skipped).toBe(1);
    const names = (await listSpeakers(mine)).items.map((s) => s.name);
    expect(names.filter((n) => n === 'Ana Ruiz')).toHaveLength(1);
    expect(names).toContain('Zoe Young');
    // the statement on z.example joins the group the export brought
    const groups = await mine.groups.toArray();
    expect(groups).toHaveLength(1);
    expect(groups[0].size).toBe(4);
  });

  it('refuses foreign, malformed and newer files with a clear message, changing nothing', async () => {
    const db = await rich();
    const before = await everything(db);
    const good = await exportData(db);
    const cases: [unknown, RegExp][] = [
      ['not json at all', /not JSON/],
      [JSON.stringify({ hello: 'world' }), /not a Quotemark export/],
      [JSON.stringify([1, 2, 3]), /not a Quotemark export/],
      [{ ...good, version: 7 }, /newer Quotemark \(format 7/],
      [{ ...good, quotes: good.quotes.map((x, i) => (i === 2 ? { ...x, kind: 'rumour' } : x)) }, /quotes\[2\]\.kind/],
      [{ ...good, quotes: good.quotes.map((x, i) => (i === 1 ? { ...x, articleId: 999 } : x)) }, /quotes\[1\]\.articleId: refers to no article/],
      [{ ...good, articles: good.articles.map((a, i) => (i === 0 ? { ...a, url: 'javascript:alert(1)' } : a)) }, /articles\[0\]\.url/],
      [{ ...good, speakers: good.speakers.map((s, i) => (i === 0 ? { ...s, keys: ['x:evil'] } : s)) }, /speakers\[0\]\.keys\[0\]/],
      [{ ...good, quotes: [...good.quotes, good.quotes[0]] }, /appears twice/],
      [{ ...good, deletions: 'none' }, /deletions: expected a list/],
    ];
    for (const [input, message] of cases) {
      const err = await importJson(db, input).catch((e: unknown) => e);
      expect(err, String(message)).toMatchObject({ name: 'StoreError', code: 'invalid', message: expect.stringMatching(message) });
      expect((err as Error).message).toMatch(/Nothing was changed/);
    }
    expect(await everything(db)).toEqual(before);
  });

  it('changes nothing when an import fails halfway through', async () => {
    const file = await exportJson(await rich());
    const db = freshDb();
    await savePage(db, page('https://x.example/1', [q('Mine before the import.', 'Ana Ruiz')]), 1);
    const before = await everything(db);
    db.close();
    // the disk fills up while the quotes are written, after articles and speakers went in
    db.use({
      stack: 'dbcore',
      name: 'fail-quotes',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => (name === 'quotes' ? { ...down.table(name), mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) } : down.table(name)),
      }),
    });
    await db.open();
    await expect(importJson(db, file)).rejects.toMatchObject({ code: 'quota' });
    expect(await everything(db)).toEqual(before);
  });
});

describe('flat exports', () => {
  it('writes CSV a spreadsheet reads safely, and JSON Lines one quote a line', async () => {
    const db = freshDb();
    await savePage(db, page('https://a.example/1', [q('=HYPERLINK("http://evil.example","click")', 'Ana Ruiz'), q('She said "no", then left,\nquickly.', 'Ben Cole', { block: 1 })], { published: '2024-05-01T10:00:00Z' }), 1);
    const csv = await exportCsv(db);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,date,speaker,speakerType,role,quote,site,url,title,published,kind,confidence,mention,cue,group,origin,seen');
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(csv).toContain('"She said ""no"", then left,\nquickly."');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
    const jsonl = await exportJsonLines(db);
    const rows = jsonl.trim().split('\n').map((l) => JSON.parse(l) as { quote: string; speaker: string; date: string });
    expect(rows.map((r) => r.speaker)).toEqual(['Ana Ruiz', 'Ben Cole']);
    expect(rows[1].quote).toBe('She said "no", then left,\nquickly.');
    expect(rows[0].date).toBe('2024-05-01T10:00:00.000Z');
    const file = await exportFile(db, 'jsonl', Date.UTC(2024, 5, 1));
    expect(file).toMatchObject({ filename: 'quotemark-2024-06-01.jsonl', mimeType: 'application/x-ndjson', parts: [jsonl] });
    expect((await exportFile(db, 'csv')).parts[0]).toBe('\ufeff');
  });
});
