import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../lib/background/handle';
import { QuotemarkDB } from '../../lib/store/db';

const OWN = 'own-extension-id';
let db: QuotemarkDB;
beforeEach(() => {
  db = new QuotemarkDB('bg', { indexedDB: new IDBFactory(), IDBKeyRange });
});

const capture = {
  meta: { url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', site: 'news.example', siteName: null, title: 'A', authors: [], published: null, lang: 'en' },
  quotes: [{ quote: 'We are ready.', speaker: 'Ana Ruiz', mention: 'Ruiz', speakerType: 'person', role: null, cue: 'Ruiz said', kind: 'direct', block: 0, start: 1, end: 14, confidence: 0.9, before: '', after: '' }],
};

describe('handleMessage', () => {
  it('extracts the quotes of a page read in the background, saves them and answers with them', async () => {
    const read = { meta: capture.meta, blocks: [{ kind: 'paragraph', text: '“We are ready for the storm,” Mayor Ana Ruiz said on Monday.' }] };
    const reply = await handleMessage(db, { type: 'page/read', read }, { id: OWN }, OWN, 1);
    expect(reply.ok).toBe(true);
    const value = (reply as { ok: true; value: { saved: { added: number }; quotes: { quote: string; speaker: string | null }[] } }).value;
    expect(value.saved.added).toBe(1);
    expect(value.quotes.map((q) => [q.quote, q.speaker])).toEqual([['We are ready for the storm,', 'Ana Ruiz']]);
    expect(await db.quotes.count()).toBe(1);
  });

  it('answers a revisit with the quotes as stored: the user’s fix of a speaker and deletions included', async () => {
    const read = { meta: capture.meta, blocks: [{ kind: 'paragraph', text: '“We are ready for the storm,” Mayor Ana Ruiz said. “The shelters open at noon,” she added.' }] };
    await handleMessage(db, { type: 'page/read', read }, { id: OWN }, OWN, 1);
    const [first, second] = (await db.quotes.toArray()).sort((a, b) => a.start - b.start);
    const { setQuoteSpeaker, deleteQuote } = await import('../../lib/store');
    await setQuoteSpeaker(db, first.id!, { name: 'Carla Ortiz' });
    await deleteQuote(db, second.id!);
    const reply = await handleMessage(db, { type: 'page/read', read }, { id: OWN }, OWN, 2);
    const value = (reply as { ok: true; value: { quotes: { quote: string; speaker: string | null }[] } }).value;
    expect(value.quotes.map((q) => [q.quote, q.speaker])).toEqual([['We are ready for the storm,', 'Carla Ortiz']]);
  });

  it('follows the user’s settings for a page read: found but not saved when paused or "ask", not read when "never"', async () => {
    const read = { meta: capture.meta, blocks: [{ kind: 'paragraph', text: '“We are ready for the storm,” Mayor Ana Ruiz said on Monday.' }] };
    const paused = await handleMessage(db, { type: 'page/read', read }, { id: OWN }, OWN, 1, { collect: false, reason: 'paused' });
    expect(paused).toEqual({ ok: true, value: { saved: null, refused: 'collecting is paused', quotes: [expect.objectContaining({ speaker: 'Ana Ruiz' })] } });
    const never = await handleMessage(db, { type: 'page/read', read }, { id: OWN }, OWN, 1, { collect: false, reason: 'never' });
    expect(never).toEqual({ ok: false, error: expect.stringContaining('never') });
    expect(await db.quotes.count()).toBe(0);
  });

  it('refuses page reads over the size caps, or with unknown block kinds, without storing', async () => {
    const huge = { meta: capture.meta, blocks: [{ kind: 'paragraph', text: 'x'.repeat(60_000) }] };
    expect((await handleMessage(db, { type: 'page/read', read: huge }, { id: OWN }, OWN, 1)).ok).toBe(false);
    const odd = { meta: capture.meta, blocks: [{ kind: 'script', text: '“Hello there, friends,” she said.' }] };
    expect(await handleMessage(db, { type: 'page/read', read: odd }, { id: OWN }, OWN, 1)).toEqual({ ok: false, error: expect.stringContaining('read.blocks[0].kind') });
    expect(await db.quotes.count()).toBe(0);
  });

  it('saves a valid capture from the extension itself', async () => {
    const reply = await handleMessage(db, { type: 'page/captured', capture }, { id: OWN }, OWN, 1);
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ added: 1 }) });
    expect(await db.quotes.count()).toBe(1);
  });

  it('reads and saves nothing from a tab in a private window unless the user turned it on', async () => {
    const read = { meta: capture.meta, blocks: [{ kind: 'paragraph', text: '“We are ready for the storm,” Mayor Ana Ruiz said on Monday.' }] };
    const privateTab = { id: OWN, incognito: true };
    for (const message of [{ type: 'page/read', read }, { type: 'page/read', read, requested: true }, { type: 'page/captured', capture }]) {
      expect(await handleMessage(db, message, privateTab, OWN, 1)).toEqual({ ok: false, error: expect.stringMatching(/^not saved: this is a private window/) });
      expect(await handleMessage(db, message, privateTab, OWN, 1, null, false)).toEqual({ ok: false, error: expect.stringMatching(/private window/) });
    }
    expect(await db.quotes.count()).toBe(0);
    // the sender check still comes first: another extension's "private" tab is refused as foreign
    expect(await handleMessage(db, { type: 'page/read', read }, { id: 'someone-else', incognito: true }, OWN, 1, null, true)).toEqual({ ok: false, error: 'message from outside the extension refused' });
    // turned on: a private tab is collected like any other
    const on = await handleMessage(db, { type: 'page/read', read }, privateTab, OWN, 1, null, true);
    expect(on).toMatchObject({ ok: true, value: { saved: { added: 1 } } });
    // a normal tab is unaffected by the setting
    expect(await handleMessage(db, { type: 'page/read', read }, { id: OWN, incognito: false }, OWN, 2)).toMatchObject({ ok: true, value: { saved: { kept: 1 } } });
    expect(await db.quotes.count()).toBe(1);
  });

  it('refuses messages from other extensions without storing', async () => {
    const reply = await handleMessage(db, { type: 'page/captured', capture }, { id: 'someone-else' }, OWN, 1);
    expect(reply.ok).toBe(false);
    expect(await db.quotes.count()).toBe(0);
  });

  it('refuses malformed captures with the offending field named', async () => {
    const bad = { type: 'page/captured', capture: { ...capture, meta: { ...capture.meta, url: 'javascript:alert(1)' } } };
    const reply = await handleMessage(db, bad, { id: OWN }, OWN, 1);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('capture.meta.url') });
    const unknown = await handleMessage(db, { type: 'db/drop' }, { id: OWN }, OWN, 1);
    expect(unknown.ok).toBe(false);
    expect(await db.quotes.count()).toBe(0);
  });
});
