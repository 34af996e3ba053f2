/**
 * The background's message handling, as a function of the database and the sender, so tests can
 * call it directly. Only the extension's own contexts are answered; every message is validated.
 * Captured pages are saved here only: one transaction per page, so a page is saved whole or not at all.
 */
import { parseRequest, InvalidMessage, type CapturedQuote, type Reply, type Request } from '../messaging';
import { pageQuotes } from '../store/queries';
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
  /** The sender is a tab in a private (incognito) window. */
  incognito?: boolean;
}

/**
 * Handle one message. `decision`: what the user's settings say about collecting the page of a
 * `page/read` (see `decideRead`); without one, the page is collected. `privateWindows`: the user's
 * "Collect in private windows" setting; without it, nothing from a private tab is read or saved.
 */
export async function handleMessage(db: QuotemarkDB, raw: unknown, sender: SenderInfo, ownId: string, now: number, decision: CollectDecision | null = null, privateWindows = false): Promise<Reply<Request['type']>> {
  if (sender.id !== ownId) return { ok: false, error: 'message from outside the extension refused' };
  if (sender.incognito && !privateWindows) return { ok: false, error: `not saved: ${WHY.private}` };
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
        const saved = await savePage(db, capture, now);
        // answer with the quotes as stored: the user's fixes and deletions shown in the page's highlights too
        return { ok: true, value: { saved, refused: null, quotes: await storedQuotes(db, req.read.meta.url, capture.quotes) } };
      }
      case 'page/captured':
        return { ok: true, value: await savePage(db, req.capture, now) };
    }
  } catch (e) {
    return { ok: false, error: describeStorageError(e) };
  }
}

/** This page's quotes as stored (speakers as the user fixed them, deleted ones left out), in page order. */
async function storedQuotes(db: QuotemarkDB, url: string, fallback: CapturedQuote[]): Promise<CapturedQuote[]> {
  try {
    const views = await pageQuotes(db, url);
    return views
      .filter((v) => v.origin === 'page')
      .map((v) => ({
        quote: v.text,
        speaker: v.speaker?.name ?? v.speakerName,
        mention: v.mention,
        speakerType: v.speaker?.type ?? null,
        role: v.role,
        cue: v.cue,
        kind: v.kind,
        block: v.block,
        start: v.start,
        end: v.end,
        confidence: v.confidence,
        before: v.before,
        after: v.after,
      }));
  } catch {
    return fallback;
  }
}
