/** Random sequences of saves and corrections (seeded, so a failure replays): the store stays consistent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpeakerType } from '../../../lib/extract/types';
import { deleteQuote, mergeSpeakers, restoreQuotes, saveManualQuote, setQuoteSpeaker, splitSpeaker } from '../../../lib/store/edit';
import type { DeletedQuotes } from '../../../lib/store/types';
import { listSpeakers, pageQuotes } from '../../../lib/store/queries';
import { savePage } from '../../../lib/store/save';
import { exportJson, importJson } from '../../../lib/store/transfer';
import { checkInvariants } from './invariants';
import { freshDb, page, q } from './fixtures';

const NAMES: [string, SpeakerType][] = [
  ['Ana Ruiz', 'person'],
  ['Ana M. Ruiz', 'person'],
  ['Ruiz', 'person'],
  ['Ben Cole', 'person'],
  ['Bill Cole', 'person'],
  ['William Cole Jr.', 'person'],
  ['the letter', 'document'],
  ['a spokesman', 'descriptor'],
  ['the Harbour Council', 'organization'],
];
const SENTENCES = [
  'We will rebuild the harbour wall before the winter storms come back.',
  'We will rebuild the harbour wall before the storms come back again.',
  'The council has no money left for new roads this year.',
  'Nobody told us about the plan until it was far too late.',
  'It is signed.',
  'not with our money',
];
const SITES = ['a.example', 'b.example', 'c.example'];

const quoteArb = fc.record({ s: fc.nat(SENTENCES.length - 1), n: fc.nat(NAMES.length - 1), role: fc.option(fc.constantFrom('mayor', 'spokesman'), { nil: null }) });
const op = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), article: fc.nat(5), site: fc.nat(2), day: fc.nat(30), quotes: fc.array(quoteArb, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('fix' as const), pick: fc.nat(), n: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('manual' as const), article: fc.nat(5), s: fc.nat(SENTENCES.length - 1) }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

describe('any sequence of writes', () => {
  it('keeps counts, tallies, groups, sites and deletions consistent, and survives an export round trip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const db = freshDb();
        let t = 1_700_000_000_000;
        let lastDeleted: DeletedQuotes | null = null;
        const urlOf = (article: number) => `https://${SITES[article % 3]}/story/${article}`;
        for (const o of ops) {
          t += 60_000;
          const allQuotes = await db.quotes.toArray();
          const speakers = (await listSpeakers(db, { limit: 100 })).items;
          switch (o.kind) {
            case 'save':
              await savePage(
                db,
                page(urlOf(o.article), o.quotes.map((x, i) => q(SENTENCES[x.s], NAMES[x.n][0], { type: NAMES[x.n][1], role: x.role, block: i })), { published: new Date(Date.UTC(2024, 0, 1 + o.day)).toISOString() }),
                t,
              );
              break;
            case 'delete':
              if (allQuotes.length) lastDeleted = await deleteQuote(db, allQuotes[o.pick % allQuotes.length].id!, t);
              break;
            case 'undo':
              if (lastDeleted) await restoreQuotes(db, lastDeleted, t);
              break;
            case 'fix':
              if (allQuotes.length) await setQuoteSpeaker(db, allQuotes[o.pick % allQuotes.length].id!, { name: NAMES[o.n][0], type: NAMES[o.n][1] });
              break;
            case 'merge':
              if (speakers.length >= 2 && o.a % speakers.length !== o.b % speakers.length) await mergeSpeakers(db, speakers[o.a % speakers.length].id, speakers[o.b % speakers.length].id);
              break;
            case 'split': {
              const s = speakers[o.pick % Math.max(1, speakers.length)];
              const mine = s ? allQuotes.filter((x) => x.speakerId === s.id) : [];
              if (mine.length) await splitSpeaker(db, s.id, { name: `${s.name} II`, quoteIds: [mine[0].id!], aliases: s.aliases.slice(0, 1) }).catch((e: { code?: string }) => expect(e.code).toBe('invalid'));
              break;
            }
            case 'manual':
              await saveManualQuote(db, { text: SENTENCES[o.s], speaker: { name: 'Cara Diaz' }, url: urlOf(o.article) }, t);
              break;
          }
          await checkInvariants(db);
        }
        // the export brings everything into an empty collection, consistent there too
        const other = freshDb();
        await importJson(other, await exportJson(db));
        await checkInvariants(other);
        expect(await other.quotes.count()).toBe(await db.quotes.count());
        for (const a of await db.articles.toArray()) expect((await pageQuotes(other, a.url)).map((x) => x.text).sort()).toEqual((await pageQuotes(db, a.url)).map((x) => x.text).sort());
      }),
      { numRuns: 40, seed: 20240501 },
    );
  }, 120_000);
});
