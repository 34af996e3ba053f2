/**
 * The background's message handling, as a function of the database and the sender, so tests can
 * call it directly. Only the extension's own contexts are answered; every message is validated.
 * Captured pages are saved here only: one transaction per page, so a page is saved whole or not at all.
 */
import { parseRequest, InvalidMessage, type Reply, type Request } from '../messaging';
import type { QuotemarkDB } from '../store/db';
import { describeStorageError } from '../store/errors';
import { savePage } from '../store/save';
import { captureFromRead } from '../capture';
import type { CollectDecision } from '../settings';
import { WHY } from './settings-gate';

export { describeStorageError };

export interface SenderInfo {
  /** The sending extension's id (must be ours). */
  id?: string;
}

/**
 * Handle one message. `decision`: what the user's settings say about collecting the page of a
 * `page/read` (see `decideRead`); without one, the page is collected.
 */
export async function handleMessage(db: QuotemarkDB, raw: unknown, sender: SenderInfo, ownId: string, now: number, decision: CollectDecision | null = null): Promise<Reply<Request['type']>> {
  if (sender.id !== ownId) return { ok: false, error: 'message from outside the extension refused' };
  let req: Request;
  try {
    req = parseRequest(raw);
  } catch (e) {
    return { ok: false, error: e instanceof InvalidMessage ? `invalid message: ${e.message}` : 'invalid message' };
  }
  try {
    switch (req.type) {
      case 'page/read': {
        if (decision && !decision.collect && decision.reason === 'never') return { ok: false, error: `not saved: ${WHY.never}` };
        // the engine runs here, off the page's thread
        const capture = captureFromRead(req.read);
        if (decision && !decision.collect) return { ok: true, value: { saved: null, refused: WHY[decision.reason], quotes: capture.quotes } };
        return { ok: true, value: { saved: await savePage(db, capture, now), refused: null, quotes: capture.quotes } };
      }
      case 'page/captured':
        return { ok: true, value: await savePage(db, req.capture, now) };
    }
  } catch (e) {
    return { ok: false, error: describeStorageError(e) };
  }
}
