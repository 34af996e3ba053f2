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
  it('saves a valid capture from the extension itself', async () => {
    const reply = await handleMessage(db, { type: 'page/captured', capture }, { id: OWN }, OWN, 1);
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ added: 1 }) });
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
