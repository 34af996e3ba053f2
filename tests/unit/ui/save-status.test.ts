import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSaveProblem, noteSaveResult } from '../../../lib/save-status';

describe('save problems the popup reports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a storage failure and clears it after the next successful save', async () => {
    await noteSaveResult({ ok: false, error: 'Storage is full: free some disk space.' }, 5);
    expect(await loadSaveProblem()).toEqual({ message: 'Storage is full: free some disk space.', at: 5 });
    await noteSaveResult({ ok: true, value: { articleId: 1, added: 1, removed: 0, kept: 0 } });
    expect(await loadSaveProblem()).toBeNull();
  });

  it('ignores refusals by the settings and invalid or foreign messages', async () => {
    await noteSaveResult({ ok: false, error: 'not saved: collecting is paused' });
    await noteSaveResult({ ok: false, error: 'invalid message: capture.meta.url: not a URL' });
    await noteSaveResult({ ok: false, error: 'message from outside the extension refused' });
    expect(await loadSaveProblem()).toBeNull();
  });
});
