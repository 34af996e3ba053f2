/**
 * Whether saving pages is failing (a full disk above all), so the popup can say so: the
 * background records a storage failure after a save and clears it after the next success.
 */
import { storage } from 'wxt/utils/storage';
import type { Reply } from './messaging';

export interface SaveProblem {
  message: string;
  at: number;
}

const item = storage.defineItem<SaveProblem | null>('local:saveProblem', { fallback: null });

/** Replies that are not storage failures: refusals by settings, invalid or foreign messages. */
function isStorageFailure(error: string): boolean {
  return !/^(not saved:|invalid message|message from outside)/.test(error);
}

/** Record the outcome of saving a page (background). Never throws. */
export async function noteSaveResult(reply: Reply<'page/captured'>, now = Date.now()): Promise<void> {
  try {
    if (reply.ok) {
      if ((await item.getValue()) !== null) await item.setValue(null);
    } else if (isStorageFailure(reply.error)) {
      await item.setValue({ message: reply.error, at: now });
    }
  } catch {
    // storage.local itself failing: nothing more to do here
  }
}

export async function loadSaveProblem(): Promise<SaveProblem | null> {
  const v = await item.getValue();
  return v && typeof v.message === 'string' && typeof v.at === 'number' ? v : null;
}

export function watchSaveProblem(cb: (p: SaveProblem | null) => void): () => void {
  return item.watch((v) => cb(v && typeof v.message === 'string' ? v : null));
}
