/**
 * The user's collecting settings, applied where pages are saved (issue 6): paused, "never on this
 * site", "only when I ask". Checked before anything is stored; the content script needs no
 * change to respect them.
 */
import type { Reply } from '../messaging';
import { collectDecision, loadSettings, type CollectDecision, type Settings } from '../settings';

export const WHY = {
  paused: 'collecting is paused',
  never: 'this site is set to never collect',
  ask: 'this site is set to collect only when asked',
  private: 'this is a private window (turn on "Collect in private windows" in the settings)',
} as const;

/**
 * A refusal for a `page/captured` message the settings say not to save, or null to go on.
 * Reads only the page URL and the `requested` flag; the message is validated after this.
 */
export async function gateCapture(raw: unknown, load: () => Promise<Settings> = loadSettings): Promise<Reply<'page/captured'> | null> {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as { type?: unknown; requested?: unknown; capture?: { meta?: { url?: unknown } } };
  if (m.type !== 'page/captured') return null;
  const url = typeof m.capture?.meta?.url === 'string' ? m.capture.meta.url : null;
  const decision = collectDecision(await load(), url, m.requested === true);
  return decision.collect ? null : { ok: false, error: `not saved: ${WHY[decision.reason]}` };
}

/**
 * The settings' decision for a `page/read` message (null for any other message). A page read on a
 * site set to "never" is not even extracted; one refused otherwise is extracted (the page's
 * highlights and "This page" still show it) but not saved.
 */
export async function decideRead(raw: unknown, load: () => Promise<Settings> = loadSettings): Promise<CollectDecision | null> {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as { type?: unknown; requested?: unknown; read?: { meta?: { url?: unknown } } };
  if (m.type !== 'page/read') return null;
  const url = typeof m.read?.meta?.url === 'string' ? m.read.meta.url : null;
  return collectDecision(await load(), url, m.requested === true);
}
