import { IRREGULAR, NEEDS_PARTICLE, STRONG_SPEECH_VERBS, WEAK_SPEECH_VERBS } from './lexicon/speech-verbs';

export type VerbForm = 'base' | 'present' | 'past' | 'gerund';

export interface SpeechVerb {
  lemma: string;
  form: VerbForm;
  strong: boolean;
}

const VOWELS = 'aeiou';

/** Regular inflections of an English verb lemma with the usual spelling rules, plus irregular ones. */
export function inflect(lemma: string): [string, VerbForm][] {
  const out: [string, VerbForm][] = [[lemma, 'base']];
  const last = lemma[lemma.length - 1];
  const beforeLast = lemma[lemma.length - 2] ?? '';
  if (/(s|x|z|ch|sh)$/.test(lemma)) out.push([lemma + 'es', 'present']);
  else if (last === 'y' && !VOWELS.includes(beforeLast)) out.push([lemma.slice(0, -1) + 'ies', 'present']);
  else out.push([lemma + 's', 'present']);
  const irregular = IRREGULAR[lemma];
  if (irregular) {
    for (const f of irregular) out.push([f, f.endsWith('ing') ? 'gerund' : 'past']);
  } else if (last === 'e') out.push([lemma + 'd', 'past']);
  else if (last === 'y' && !VOWELS.includes(beforeLast)) out.push([lemma.slice(0, -1) + 'ied', 'past']);
  else out.push([lemma + 'ed', 'past']);
  if (!irregular?.some((f) => f.endsWith('ing'))) {
    if (last === 'e' && beforeLast !== 'e' && lemma !== 'be') out.push([lemma.slice(0, -1) + 'ing', 'gerund']);
    else out.push([lemma + 'ing', 'gerund']);
  }
  return out;
}

function build(): Map<string, SpeechVerb> {
  const map = new Map<string, SpeechVerb>();
  const add = (lemmas: readonly string[], strong: boolean) => {
    for (const lemma of lemmas) {
      for (const [form, kind] of inflect(lemma)) {
        const prev = map.get(form);
        // an irregular past that looks like the base form ("read", "put") counts as a past
        if (prev && prev.lemma === lemma && kind === 'past') {
          map.set(form, { ...prev, form: 'past' });
          continue;
        }
        if (prev && (prev.strong || !strong)) continue;
        map.set(form, { lemma, form: kind, strong });
      }
    }
  };
  add(STRONG_SPEECH_VERBS, true);
  add(WEAK_SPEECH_VERBS, false);
  return map;
}

/** Every form of every speech verb, lower case. */
export const SPEECH_VERBS: ReadonlyMap<string, SpeechVerb> = build();

export function speechVerb(lower: string): SpeechVerb | undefined {
  return SPEECH_VERBS.get(lower);
}

export function needsParticle(lemma: string): boolean {
  return NEEDS_PARTICLE.has(lemma);
}
