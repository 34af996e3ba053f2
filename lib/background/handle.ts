/**
 * The background's message handling, as a function of the database and the sender, so tests can
 * call it directly. Only the extension's own contexts are answered; every message is validated.
 */
import { parseRequest, InvalidMessage, type Reply, type Request } from '../messaging';
import type { QuotemarkDB } from '../store/db';
import { savePage } from '../store/save';
import { captureFromRead } from '../capture';

export interface SenderInfo {
  /** The sending extension's id (must be ours). */
  id?: string;
}

export async function handleMessage(db: QuotemarkDB, raw: unknown, sender: SenderInfo, ownId: string, now: number): Promise<Reply<Request['type']>> {
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
        // the engine runs here, off the page's thread
        const capture = captureFromRead(req.read);
        return { ok: true, value: { saved: await savePage(db, capture, now), quotes: capture.quotes } };
      }
      case 'page/captured':
        return { ok: true, value: await savePage(db, req.capture, now) };
    }
  } catch (e) {
    return { ok: false, error: describeStorageError(e) };
  }
}

/** A clear message for storage failures, the quota case above all (also when wrapped in an AbortError). */
export function describeStorageError(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | null;
  const names = [err?.name, err?.inner?.name];
  if (names.includes('QuotaExceededError')) return 'Storage is full: free disk space or delete old quotes. Nothing from this page was saved.';
  return `Could not save: ${err?.message ?? String(e)}`;
}
