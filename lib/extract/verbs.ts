import { IRREGULAR, SPEECH_VERBS } from './lexicon/speech-verbs';

/** Regular inflections of an English verb lemma: -s, -ed, -ing, with the usual spelling rules. */
export function inflect(lemma: string): string[] {
  const forms = new Set<string>([lemma]);
  const irregular = IRREGULAR[lemma];
  if (irregular) for (const f of irregular) forms.add(f);
  const last = lemma[lemma.length - 1];
  const beforeLast = lemma[lemma.length - 2] ?? '';
  const vowel = (c: string) => 'aeiou'.includes(c);
  // third person
  if (/(s|x|z|ch|sh)$/.test(lemma)) forms.add(lemma + 'es');
  else if (last === 'y' && !vowel(beforeLast)) forms.add(lemma.slice(0, -1) + 'ies');
  else forms.add(lemma + 's');
  // past
  if (!irregular) {
    if (last === 'e') forms.add(lemma + 'd');
    else if (last === 'y' && !vowel(beforeLast)) forms.add(lemma.slice(0, -1) + 'ied');
    else forms.add(lemma + 'ed');
  }
  // gerund
  if (last === 'e' && beforeLast !== 'e') forms.add(lemma.slice(0, -1) + 'ing');
  else forms.add(lemma + 'ing');
  return [...forms];
}

/** Every form of every speech verb, lower case. */
export const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set(SPEECH_VERBS.flatMap(inflect));
