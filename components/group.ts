/** Grouping quotes by who said them, in the order the article introduces its speakers. */

export interface Groupable {
  speakerId: number | null;
  speakerName: string | null;
  role: string | null;
}

export interface SpeakerGroup<Q extends Groupable> {
  key: string;
  speakerId: number | null;
  name: string | null;
  /** The role the article gave the speaker ("State Department spokesperson"), if any. */
  role: string | null;
  quotes: Q[];
}

/** Groups in order of first appearance; quotes keep their order; unattributed quotes come last. */
export function groupBySpeaker<Q extends Groupable>(quotes: readonly Q[]): SpeakerGroup<Q>[] {
  const groups = new Map<string, SpeakerGroup<Q>>();
  let unknown: SpeakerGroup<Q> | null = null;
  for (const q of quotes) {
    const name = q.speakerName?.trim() || null;
    if (q.speakerId == null && !name) {
      unknown ??= { key: 'unknown', speakerId: null, name: null, role: null, quotes: [] };
      unknown.quotes.push(q);
      continue;
    }
    const key = q.speakerId != null ? `id:${q.speakerId}` : `name:${name!.toLowerCase()}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, speakerId: q.speakerId, name, role: null, quotes: [] };
      groups.set(key, g);
    }
    g.role ??= q.role?.trim() || null;
    g.quotes.push(q);
  }
  const out = [...groups.values()];
  if (unknown) out.push(unknown);
  return out;
}
