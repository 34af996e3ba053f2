/**
 * Whether saving pages is failing (a full disk above all), so the popup can say so: the
 * background records a storage failure after a save and clears it after the next success.
 */
import { browser } from 'wxt/browser';
import type { Reply, Request } from './messaging';

export interface SaveProblem {
  message: string;
  at: number;
}

const KEY = 'saveProblem';

function valid(v: unknown): SaveProblem | null {
  const p = v as SaveProblem | null | undefined;
  return p && typeof p.message === 'string' && typeof p.at === 'number' ? p : null;
}

/** Replies that are not storage failures: refusals by settings, invalid or foreign messages. */
function isStorageFailure(error: string): boolean {
  return !/^(not saved:|invalid message|message from outside)/.test(error);
}

/** Record the outcome of saving a page (background). Never throws. */
export async function noteSaveResult(reply: Reply<Request['type']>, now = Date.now()): Promise<void> {
  try {
    if (reply.ok) {
      if ((await loadSaveProblem()) !== null) await browser.storage.local.remove(KEY);
    } else if (isStorageFailure(reply.error)) {
      await browser.storage.local.set({ [KEY]: { message: reply.error, at: now } });
    }
  } catch {
    // storage.local itself failing: nothing more to do here
  }
}

export async function loadSaveProblem(): Promise<SaveProblem | null> {
  return valid((await browser.storage.local.get(KEY))[KEY]);
}

export function watchSaveProblem(cb: (p: SaveProblem | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) cb(valid(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
