/**
 * Cues: the speech verb (or "according to") that attributes a quotation, and its speaker phrase.
 * Looked for right after the quotation ("…," Miller said / "…," said Miller), right before it
 * (Miller said: "…" / Miller called it "…"), then anywhere in its sentence.
 */
import { NOUN_LIKE_FORMS, PARTICLES, RELAY_VERBS } from './lexicon/speech-verbs';
import { DETERMINERS, NP_PREPOSITIONS } from './lexicon/words';
import { isPronoun, phraseRight, subjectLeft, textOf, type Phrase } from './phrases';
import type { Tok } from './tokens';
import { needsParticle, speechVerb, type SpeechVerb } from './verbs';

export interface Cue {
  /** token index of the verb (or of "according") */
  verb: number;
  sv: SpeechVerb | null;
  phrase: Phrase | null;
  /** token range of the cue as written */
  s: number;
  e: number;
  where: 'after' | 'before' | 'sentence';
  /** the verb or phrase touches the quotation (only punctuation between) */
  adjacent: boolean;
  /** a participle ("…, adding") whose subject is the main clause's */
  participle: boolean;
}

const RELAY = new Set(RELAY_VERBS);

/** The speech verb at token `v`, if it is one here (not "his comments", not "the said report"). */
export function verbAt(toks: readonly Tok[], v: number): SpeechVerb | null {
  const t = toks[v];
  if (!t || t.k !== 'w') return null;
  const sv = speechVerb(t.low);
  if (!sv) return null;
  const prev = toks[v - 1];
  if (t.cap && prev && prev.sent === t.sent && prev.k === 'w') return null; // a capitalised word mid-sentence is a name
  if (NOUN_LIKE_FORMS.has(t.low) || sv.form === 'base') {
    // only right after a subject: "Trump tweets", "they say", "officials claim"
    if (!prev || prev.k !== 'w') return sv.form === 'past' && !NOUN_LIKE_FORMS.has(t.low) ? sv : null;
    if (DETERMINERS.has(prev.low) || NP_PREPOSITIONS.has(prev.low) || prev.poss) return null;
    if (sv.form === 'base' && !['they', 'i', 'we', 'you', 'to', 'will', 'would', 'could', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "don't", 'cannot', "can't", 'can', 'not', 'never'].includes(prev.low) && !prev.low.endsWith('s')) return null;
  }
  if (needsParticle(sv.lemma)) {
    const next = toks[v + 1];
    if (!next || !(PARTICLES[sv.lemma] ?? []).includes(next.low)) return null;
  }
  return sv;
}

function isPunct(t: Tok | undefined, chars: string): boolean {
  return !!t && t.k === 'p' && chars.includes(t.text);
}

function cueEnd(toks: readonly Tok[], v: number, sv: SpeechVerb | null): number {
  if (sv && needsParticle(sv.lemma)) return v + 2;
  return v + 1;
}

/** The speaker phrase of the verb at `v`: its subject, or for "X quoted Y" the object Y. */
function speakerPhrase(toks: readonly Tok[], v: number, sv: SpeechVerb, lo: number, hi: number): Phrase | null {
  if (RELAY.has(sv.lemma)) {
    const obj = phraseRight(toks, v + 1, hi);
    if (obj && obj.kind !== 'pronoun') return obj;
  }
  return subjectLeft(toks, v, lo);
}

/** "according to X" starting at token `a` ("according"). */
function accordingTo(toks: readonly Tok[], a: number, hi: number): Cue | null {
  if (toks[a]?.low !== 'according' || toks[a + 1]?.low !== 'to') return null;
  const p = phraseRight(toks, a + 2, hi);
  if (!p) return null;
  return { verb: a, sv: null, phrase: p, s: a, e: p.e, where: 'after', adjacent: true, participle: false };
}

/** The cue right after the quotation token `q`. */
export function cueAfter(toks: readonly Tok[], q: number): Cue | null {
  const n = toks.length;
  let j = q + 1;
  while (j < n && isPunct(toks[j], ',—–-)')) j++;
  if (j >= n || toks[j].k !== 'w') return null;
  const t = toks[j];
  const acc = accordingTo(toks, j, n);
  if (acc) return acc;
  if (t.low === 'per' && toks[j + 1]?.k === 'w') {
    const p = phraseRight(toks, j + 1, n);
    if (p) return { verb: j, sv: null, phrase: p, s: j, e: p.e, where: 'after', adjacent: true, participle: false };
  }
  // inverted: "said Miller", "added a spokesman for the agency"
  const sv = speechVerb(t.low);
  if (sv && sv.form !== 'gerund' && sv.form !== 'base') {
    const k = cueEnd(toks, j, sv);
    if (!needsParticle(sv.lemma) || (PARTICLES[sv.lemma] ?? []).includes(toks[j + 1]?.low ?? '')) {
      const p = phraseRight(toks, k, n);
      if (p && !(p.kind === 'pronoun' && p.head === 'it' && RELAY.has(sv.lemma))) {
        return { verb: j, sv, phrase: p, s: j, e: p.e, where: 'after', adjacent: true, participle: false };
      }
    }
  }
  if (sv && sv.form === 'gerund' && (j === q + 1 || isPunct(toks[j - 1], ','))) {
    return { verb: j, sv, phrase: null, s: j, e: j + 1, where: 'after', adjacent: true, participle: true };
  }
  // subject then verb: "Miller said", "Miller, 45, a former official, said", "the letter said"
  for (let v = j; v < Math.min(n, j + 30); v++) {
    const x = toks[v];
    if (x.k === 'q' || isPunct(x, '.!?;')) break;
    const vs = verbAt(toks, v);
    if (!vs) continue;
    const p = subjectLeft(toks, v, j);
    if (p && p.s === j) {
      const relay = RELAY.has(vs.lemma) ? phraseRight(toks, v + 1, n) : null;
      if (relay && relay.kind !== 'pronoun') return { verb: v, sv: vs, phrase: relay, s: j, e: relay.e, where: 'after', adjacent: true, participle: false };
      return { verb: v, sv: vs, phrase: p, s: j, e: cueEnd(toks, v, vs), where: 'after', adjacent: true, participle: false };
    }
    break;
  }
  return null;
}

/**
 * The cue before the quotation token `q` in its sentence: "Miller said:", "Miller told reporters
 * on Tuesday that", "Cruz called it", "…, adding". Skips other quotations of a chain ("A," he
 * said, "B," and "C").
 */
export function cueBefore(toks: readonly Tok[], q: number, lo: number): Cue | null {
  const sent = toks[q].sent;
  let steps = 0;
  for (let v = q - 1; v >= lo && steps < 25; v--) {
    const x = toks[v];
    if (x.sent !== sent && x.k !== 'q') break;
    if (isPunct(x, ';')) break;
    if (x.k === 'q') continue;
    steps++;
    if (x.low === 'according' && toks[v + 1]?.low === 'to') {
      const c = accordingTo(toks, v, q);
      if (c) return { ...c, where: 'before', adjacent: false };
    }
    const sv = verbAt(toks, v);
    if (!sv) continue;
    const adjacent = steps <= 3 || toks.slice(v + 1, q).every((t) => t.k === 'p' || ['that', 'as', 'it', 'this', 'them', 'him', 'her'].includes(t.low));
    if (!sv.strong && !adjacent) continue;
    if (sv.form === 'gerund') {
      // "…, adding that …" / "saying:": the subject is the main clause's
      const main = mainClauseCue(toks, v, lo);
      if (main) return { ...main, verb: v, sv, s: v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: true };
      return { verb: v, sv, phrase: null, s: v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: true };
    }
    const p = speakerPhrase(toks, v, sv, lo, q);
    if (!p) {
      // a verb joined to an earlier one: "The letter seeks a pause and urges Biden to …"
      const main = coordinatedSubject(toks, v, lo);
      if (main) return { ...main, verb: v, sv, s: v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: false };
      continue;
    }
    return { verb: v, sv, phrase: p, s: p.s < v ? p.s : v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: false };
  }
  return null;
}

/** For a participle at `v`, the finite speech verb before it in the sentence and its subject. */
function mainClauseCue(toks: readonly Tok[], v: number, lo: number): Cue | null {
  const sent = toks[v].sent;
  for (let k = v - 1; k >= lo; k--) {
    if (toks[k].sent !== sent && toks[k].k !== 'q') break;
    const sv = verbAt(toks, k);
    if (!sv || sv.form === 'gerund') continue;
    const p = subjectLeft(toks, k, lo);
    if (p) return { verb: k, sv, phrase: p, s: p.s, e: k + 1, where: 'before', adjacent: false, participle: false };
  }
  // no speech verb: the sentence's subject ("Trump, speaking on Tuesday, said …" is handled above)
  return sentenceSubject(toks, v, lo);
}

/** "X seeks … and urges": the subject of the clause the verb at `v` is joined to with "and". */
function coordinatedSubject(toks: readonly Tok[], v: number, lo: number): Cue | null {
  const prev = toks[v - 1];
  if (!prev || prev.low !== 'and') return null;
  return sentenceSubject(toks, v, lo);
}

/** The subject at the start of the sentence holding token `v` ("The letter …", "Miller …"). */
function sentenceSubject(toks: readonly Tok[], v: number, lo: number): Cue | null {
  const sent = toks[v].sent;
  let s = v;
  while (s - 1 >= lo && toks[s - 1].sent === sent) s--;
  // the subject is the noun phrase before the first verb-like word: approximate by trying each
  // word as the end of a subject and taking the first phrase that starts at the sentence start
  for (let j = s; j < Math.min(v, s + 8); j++) {
    const p = subjectLeft(toks, j + 1, s);
    if (p && p.s === s && toks[j + 1]?.k === 'w' && !toks[j + 1].cap) return { verb: j + 1, sv: null, phrase: p, s, e: j + 1, where: 'sentence', adjacent: false, participle: false };
  }
  return null;
}

/**
 * A speech verb anywhere in the quotation's sentence with a subject (the nearest one), for partial
 * quotations inside paraphrase: "Miller said one of the strengths of the agency is the "…"".
 */
export function cueInSentence(toks: readonly Tok[], q: number, lo: number, hi: number): Cue | null {
  const sent = toks[q].sent;
  let best: Cue | null = null;
  let bestDist = Infinity;
  for (let v = lo; v < hi; v++) {
    const x = toks[v];
    if (x.sent !== sent || x.k !== 'w') continue;
    const sv = verbAt(toks, v);
    if (!sv || !sv.strong || sv.form === 'gerund') continue;
    const p = speakerPhrase(toks, v, sv, lo, hi);
    if (!p) continue;
    const dist = Math.abs(v - q);
    if (dist < bestDist) {
      bestDist = dist;
      best = { verb: v, sv, phrase: p, s: p.s, e: cueEnd(toks, v, sv), where: 'sentence', adjacent: false, participle: false };
    }
  }
  return best;
}

/** The speech verbs of a block with their subjects, for quotations with no cue of their own. */
export function blockCues(toks: readonly Tok[]): Cue[] {
  const out: Cue[] = [];
  for (let v = 0; v < toks.length; v++) {
    const sv = verbAt(toks, v);
    if (!sv || !sv.strong || sv.form === 'gerund') continue;
    let lo = v;
    while (lo > 0 && toks[lo - 1].sent === toks[v].sent) lo--;
    let hi = v;
    while (hi < toks.length && toks[hi].sent === toks[v].sent) hi++;
    const p = speakerPhrase(toks, v, sv, lo, hi);
    if (p && !(p.kind === 'pronoun' && ['i', 'we', 'you'].includes(p.head))) out.push({ verb: v, sv, phrase: p, s: p.s, e: cueEnd(toks, v, sv), where: 'sentence', adjacent: false, participle: false });
    else if (isPronoun(toks[v - 1])) continue;
  }
  return out;
}

export { textOf };
