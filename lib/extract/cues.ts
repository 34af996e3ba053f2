/**
 * Cues: the speech verb (or "according to") that attributes a quotation, and its speaker phrase.
 * Looked for right after the quotation ("…," Miller said / "…," said Miller), right before it
 * (Miller said: "…" / Miller called it "…"), then anywhere in its sentence.
 */
import { NOUN_LIKE_FORMS, PARTICLES, RELAY_VERBS } from './lexicon/speech-verbs';
import { DOCUMENT_NOUNS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { DETERMINERS, NP_PREPOSITIONS, WEEKDAYS } from './lexicon/words';
import { isPronoun, npEndingAt, phraseRight, possessorRight, subjectLeft, textOf, type Phrase } from './phrases';
import { sentenceBounds, type Tok } from './tokens';
import { capRunAround, isNameWord, splitRun } from './names';
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

/** Documents someone issues; "X issued a statement saying …" gives X's words. */
const ISSUED_DOCUMENTS = new Set(['statement', 'statements', 'release', 'letter', 'memo', 'email', 'tweet', 'post', 'message', 'note', 'report', 'announcement', 'response', 'reply']);

/** Words after which a base form is a verb ("they say", "will say", "did not say"). */
const BASE_SUBJECTS_AUX = new Set(['they', 'i', 'we', 'you', 'to', 'will', 'would', 'could', 'should', 'might', 'may', 'must', 'did', 'does', 'do', "didn't", "don't", 'cannot', "can't", 'can', 'not', 'never']);
/** Adverbs that may sit between an auxiliary and a base form. */
const BASE_ADVERBS = new Set(['only', 'also', 'just', 'simply', 'merely', 'even', 'still', 'then', 'later', 'often', 'always', 'sometimes']);

/** The speech verb at token `v`, if it is one here (not "his comments", not "the said report"). */
export function verbAt(toks: readonly Tok[], v: number): SpeechVerb | null {
  const t = toks[v];
  if (!t || t.k !== 'w') return null;
  const sv = speechVerb(t.low);
  if (!sv) return null;
  return verbInContext(toks, v, t, sv);
}

function verbInContext(toks: readonly Tok[], v: number, t: Tok, sv: SpeechVerb): SpeechVerb | null {
  const prev = toks[v - 1];
  if (t.cap && prev && prev.sent === t.sent && prev.k === 'w') return null; // a capitalised word mid-sentence is a name
  if (NOUN_LIKE_FORMS.has(t.low) || sv.form === 'base') {
    // only right after a subject: "Tramp tweets", "they say", "officials claim"; and not a noun
    // ending a heading-like phrase ("Hong Kong protests: …")
    if (!prev || prev.k !== 'w') return sv.form === 'past' && !NOUN_LIKE_FORMS.has(t.low) ? sv : null;
    const next = toks[v + 1];
    if (sv.form === 'present' && (!next || (next.k === 'p' && next.text !== ',')) && prev.cap) return null;
    if (DETERMINERS.has(prev.low) || NP_PREPOSITIONS.has(prev.low) || prev.poss) return null;
    if (sv.form === 'base') {
      // "could only quip", "would also say": an adverb between the auxiliary and the verb
      let aux = prev;
      for (let k = v - 2; k >= v - 3 && BASE_ADVERBS.has(aux.low) && toks[k]?.k === 'w'; k--) aux = toks[k];
      // after an adverb only an auxiliary or a pronoun will do ("Fans still call him …" names, it does not quote)
      if (!BASE_SUBJECTS_AUX.has(aux.low) && (aux !== prev || !aux.low.endsWith('s'))) return null;
    }
  }
  if (needsParticle(sv.lemma)) {
    const next = toks[v + 1];
    if (!next || !(PARTICLES[sv.lemma] ?? []).includes(next.low)) return null;
  }
  return sv;
}

function isWordTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'w';
}

function isNameWordTok(t: Tok | undefined): boolean {
  return !!t && t.k === 'w' && t.cap;
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

/** Whether a quotation's text ends a sentence ("…we won." / "…did we?"). */
function endsSentence(text: string): boolean {
  return /[.!?…]['’"”)]*\s*$/.test(text);
}

const AFTER_CUE = new Set(['of', 'in', 'at', 'on', 'to', 'during', 'after', 'before', 'while', 'as', 'when', 'from', 'with', 'about', 'via', 'through', 'later', 'earlier', 'then', 'recently', 'today', 'yesterday', 'tonight', 'last', 'this', 'afterward', 'afterwards', 'again', 'quietly', 'simply', 'flatly', 'firmly', 'in', 'by', 'under', 'outside', 'inside', 'near', 'over', 'shortly', 'privately', 'publicly', 'bluntly', 'angrily', 'sarcastically']);

/**
 * After a quotation that ends its own sentence, "Smith said." is its cue but "Smith said the plan
 * would fail" starts a new sentence. The cue must end, or go on only with a time, place or manner
 * ("said Tuesday", "said in a statement", "said, adding"), or an object of "told".
 */
function closesCue(toks: readonly Tok[], k: number, sv: SpeechVerb): boolean {
  const t = toks[k];
  if (!t || t.k === 'p' || t.k === 'q') return true;
  if (AFTER_CUE.has(t.low) || WEEKDAYS.has(t.low) || t.low.endsWith('ly')) return true;
  if ((sv.lemma === 'tell' || sv.lemma === 'ask' || sv.lemma === 'answer' || sv.lemma === 'remind' || sv.lemma === 'assure' || sv.lemma === 'inform') && (t.cap || DETERMINERS.has(t.low) || ['reporters', 'me', 'him', 'her', 'them', 'us', 'supporters', 'the'].includes(t.low))) return true;
  return false;
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
  if (isPunct(toks[j], '[') && isNameWordTok(toks[j + 1])) {
    const p = phraseRight(toks, j + 1, n);
    if (p && p.kind === 'name' && (isPunct(toks[p.e], ']|,.') || isPunct(toks[p.e + 1], ']'))) return { verb: j, sv: null, phrase: p, s: j, e: p.e, where: 'after', adjacent: true, participle: false };
  }
  while (j < n && isPunct(toks[j], ',—–-―)')) j++;
  if (j >= n || toks[j].k !== 'w') return null;
  const t = toks[j];
  const acc = accordingTo(toks, j, n);
  if (acc) return acc;
  // "“…” ― Name" (pull quotes, lists of reactions) and "“…” [Outlet]"
  const dash = toks[q + 1];
  if (dash && dash.k === 'p' && '―—–'.includes(dash.text) && j === q + 2 && isNameWordTok(t)) {
    const p = phraseRight(toks, j, n);
    if (p && p.kind === 'name') return { verb: q + 1, sv: null, phrase: p, s: q + 1, e: p.e, where: 'after', adjacent: true, participle: false };
  }
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
    if (p && (p.s === j || (p.kind === 'name' && p.s - j <= 2 && toks.slice(j, p.s).every((x) => x.k === 'w' && !x.cap && !x.poss)))) {
      if (endsSentence(toks[q].text) && !closesCue(toks, cueEnd(toks, v, vs), vs)) break;
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
 * on Tuesday that", "Crane called it", "…, adding". Skips other quotations of a chain ("A," he
 * said, "B," and "C").
 */
export function cueBefore(toks: readonly Tok[], q: number, lo: number): Cue | null {
  const label = dashLabel(toks, q, lo);
  if (label) return label;
  const sent = toks[q].sent;
  let steps = 0;
  for (let v = q - 1, seen = 0; v >= lo && steps < 25 && seen < 60; v--, seen++) {
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
    if (sv.form === 'gerund' && v > lo && toks[v - 1].k === 'w' && DOCUMENT_NOUNS.has(toks[v - 1].low)) {
      // "a sign saying “…”": the sign speaks; "X issued a statement saying “…”": X does
      const doc = subjectLeft(toks, v, lo);
      if (doc && doc.kind === 'np') {
        const issued = ISSUED_DOCUMENTS.has(toks[v - 1].low) ? sentenceSubject(toks, doc.s, lo) : null;
        if (issued?.phrase && issued.phrase.s < doc.s) return { ...issued, verb: v, sv, s: issued.phrase.s, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: true };
        return { verb: v, sv, phrase: doc, s: doc.s, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: false };
      }
    }
    if (sv.form === 'gerund') {
      // "has Podell saying, “…”", "with Tramp reportedly yelling: “…”": the participle's own subject
      const own = subjectLeft(toks, v, lo);
      const before = own ? toks[own.s - 1] : undefined;
      if (own && own.kind === 'name' && own.type !== 'organization' && isWordTok(toks[v - 1]) && !(before && before.k === 'w' && NP_PREPOSITIONS.has(before.low) && before.low !== 'with')) {
        return { verb: v, sv, phrase: own, s: own.s, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: false };
      }
      // "…, adding that …" / "saying:": the subject is the main clause's
      const main = mainClauseCue(toks, v, lo);
      if (main) return { ...main, verb: v, sv, s: v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: true };
      return { verb: v, sv, phrase: null, s: v, e: cueEnd(toks, v, sv), where: 'before', adjacent, participle: true };
    }
    if (x.cap && (v === lo || toks[v - 1].sent !== x.sent) && sv.form === 'past') {
      const inv = phraseRight(toks, v + 1, q);
      if (inv && inv.kind !== 'pronoun') return { verb: v, sv, phrase: inv, s: v, e: inv.e, where: 'before', adjacent, participle: false };
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

/** "Pollsters agree - Carl Bialik: “…”": a name between a dash and the colon before the quotation labels it. */
function dashLabel(toks: readonly Tok[], q: number, lo: number): Cue | null {
  if (!isPunct(toks[q - 1], ':') || !isNameWordTok(toks[q - 2])) return null;
  const p = subjectLeft(toks, q - 1, lo);
  if (!p || p.kind !== 'name' || p.type === 'organization' || !isPunct(toks[p.s - 1], '-–—')) return null;
  return { verb: q - 1, sv: null, phrase: p, s: p.s, e: q - 1, where: 'before', adjacent: true, participle: false };
}

/** For a participle at `v`, the finite speech verb before it in the sentence and its subject. */
function mainClauseCue(toks: readonly Tok[], v: number, lo: number): Cue | null {
  const sent = toks[v].sent;
  let earlierParticiple: Cue | null = null;
  for (let k = v - 1; k >= lo; k--) {
    if (toks[k].sent !== sent && toks[k].k !== 'q') break;
    const sv = verbAt(toks, k);
    if (!earlierParticiple && sv && sv.form === 'gerund' && isNameWordTok(toks[k - 1])) {
      // "with Rod Tramp tweeting that … and asking, “…”": the earlier participle's own subject,
      // unless a finite verb comes before it ("Varga wrote in a statement to Wired explaining why
      // he is speaking": Varga, not Wired)
      const p = subjectLeft(toks, k, lo);
      if (p && p.kind === 'name') earlierParticiple = { verb: k, sv, phrase: p, s: p.s, e: k + 1, where: 'before', adjacent: false, participle: false };
    }
    if (!sv || sv.form === 'gerund') continue;
    const p = subjectLeft(toks, k, lo);
    if (p) return { verb: k, sv, phrase: p, s: p.s, e: k + 1, where: 'before', adjacent: false, participle: false };
  }
  if (earlierParticiple) return earlierParticiple;
  // no speech verb: the sentence's subject ("Tramp, speaking on Tuesday, said …" is handled above)
  return sentenceSubject(toks, v, lo);
}

/** "X seeks … and urges", "X used to … but now said": the subject of the clause the verb is joined to. */
function coordinatedSubject(toks: readonly Tok[], v: number, lo: number): Cue | null {
  let k = v - 1;
  while (k >= lo && toks[k].k === 'w' && ['now', 'then', 'also', 'later', 'instead', 'still'].includes(toks[k].low)) k--;
  const prev = toks[k];
  if (!prev || (prev.low !== 'and' && prev.low !== 'but')) return null;
  return sentenceSubject(toks, v, lo);
}

/**
 * The subject at the start of the sentence holding token `v` ("The letter …", "Miller …"), after
 * an opening phrase that ends with a comma ("At Sunday's debate, Sayers compared …").
 */
export function sentenceSubject(toks: readonly Tok[], v: number, lo: number): Cue | null {
  const sent = toks[v].sent;
  let s = v;
  while (s - 1 >= lo && toks[s - 1].sent === sent) s--;
  while (s < v && toks[s].k !== 'w') s++;
  const starts = [s];
  // an opening phrase: up to the first comma within 12 words
  for (let k = s, words = 0; k < v && words <= 12; k++) {
    if (toks[k].k === 'w') words++;
    else if (toks[k].k === 'p' && toks[k].text === ',') {
      starts.push(k + 1);
      break;
    } else if (toks[k].k === 'q') break;
  }
  for (const start of starts) {
    // the subject is the noun phrase before the first verb-like word: try each word as its end
    for (let j = start; j < Math.min(v, start + 24); j++) {
      const next = toks[j + 1];
      if (!next || next.k !== 'w' || next.cap) continue;
      if (PERSON_NOUNS.has(next.low) || TITLES.has(next.low)) continue; // "Washington Post columnist Mark Gale …"
      if (NP_PREPOSITIONS.has(next.low) || DETERMINERS.has(next.low)) continue; // "a paper from the … Institution had"
      let p = subjectLeft(toks, j + 1, start);
      if (p && p.s !== start && toks[start].k === 'w' && DETERMINERS.has(toks[start].low)) p = npEndingAt(toks, j, start);
      if (p && p.s === start) return { verb: j + 1, sv: null, phrase: p, s: start, e: j + 1, where: 'sentence', adjacent: false, participle: false };
    }
  }
  return null;
}

/** "Chris Doe, The Daily Planet: “…”" or "Rep. Jane Roe (D-Ohio): “…”": a name labels the quotation. */
export function labelBefore(toks: readonly Tok[], q: number): number | null {
  const colon = toks[q - 1];
  if (!colon || colon.k !== 'p' || colon.text !== ':') return null;
  // back to the sentence's start (or an earlier quotation), within the window every quotation is read in
  const from = Math.max(sentenceBounds(toks).starts[q], q - 150);
  let s = q - 2;
  while (s > from && toks[s - 1].k !== 'q') s--;
  if (!isNameWord(toks[s])) return null;
  const [rs, re] = capRunAround(toks, s, s, q - 1);
  const parts = splitRun(toks, rs, re);
  if (!parts || parts.type === 'place' || parts.type === 'organization') return null;
  // only the label: the name, then at most an affiliation, a parenthetical or a short apposition
  const appositive = toks[re]?.k === 'p' && toks[re].text === ',' && q - 1 - re <= 12;
  if (!appositive) for (let k = re; k < q - 1; k++) if (toks[k].k === 'w' && !toks[k].cap && !['of', 'the', 'and'].includes(toks[k].low)) return null;
  return parts.nameE - 1;
}

/**
 * A quotation right after a colon that ends a clause with no speech verb: the name just before the
 * colon ("… doesn't surprise pollster Dara Shore: “…”"), else the clause's subject ("She then
 * addressed the supporters again: “…”").
 */
export function colonIntroduced(toks: readonly Tok[], q: number, lo: number): Cue | null {
  const colon = toks[q - 1];
  if (!isPunct(colon, ':') || q - 2 < lo) return null;
  const last = toks[q - 2];
  if (last.k === 'w' && last.cap) {
    // only a name that labels the quotation: at the start of its sentence, or after a role noun ("pollster Dara Shore:")
    const p = subjectLeft(toks, q - 1, lo);
    const before = p ? toks[p.s - 1] : undefined;
    const labels = !!p && (p.s === lo || p.role !== null || (before?.k === 'w' && (PERSON_NOUNS.has(before.low) || TITLES.has(before.low))));
    if (p && labels && p.kind === 'name' && p.type !== 'organization') {
      // "Windsor Mann, editor of The Quotable Hitchens: “…”": the sentence is a label, read as one
      // (the name opening it, not the work named in its role)
      const label = labelBefore(toks, q);
      if (label !== null && label !== p.coreE - 1) return null;
      return { verb: q - 1, sv: null, phrase: p, s: p.s, e: q - 1, where: 'before', adjacent: true, participle: false };
    }
  }
  const intro = presentedBy(toks, q - 1, lo);
  if (intro) return intro;
  const subj = sentenceSubject(toks, q - 1, lo);
  if (subj?.phrase && subj.phrase.kind !== 'np') return { ...subj, where: 'before', adjacent: false };
  if (subj?.phrase && subj.phrase.kind === 'np' && subj.phrase.type !== 'descriptor') return { ...subj, where: 'before', adjacent: false };
  return null;
}

/**
 * "Here's Carver in 1992: “…”", "More from Jones: “…”", "From the report: “…”": a sentence that
 * only presents the quotation after the colon at `colon`, naming who speaks.
 */
function presentedBy(toks: readonly Tok[], colon: number, lo: number): Cue | null {
  let s = colon;
  while (s - 1 >= lo && toks[s - 1].sent === toks[colon].sent && toks[s - 1].k !== 'q') s--;
  while (s < colon && toks[s].k !== 'w') s++;
  const w0 = toks[s]?.low;
  const w1 = toks[s + 1]?.low;
  let at = -1;
  if (w0 === 'here' && toks[s].poss) at = s + 1; // "Here's" (the token's lower case drops the 's)
  else if (w0 === 'here' && w1 === 'is') at = s + 2;
  else if (w0 === 'from') at = s + 1;
  else if ((w0 === 'more' || w0 === 'again') && w1 === 'from') at = s + 2;
  if (at < 0 || at >= colon) return null;
  const p = possessorRight(toks, at, colon) ?? phraseRight(toks, at, colon);
  if (!p || p.kind === 'pronoun') return null;
  return { verb: s, sv: null, phrase: p, s, e: colon, where: 'before', adjacent: true, participle: false };
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
  const { starts, ends } = sentenceBounds(toks);
  for (let v = 0; v < toks.length; v++) {
    const sv = verbAt(toks, v);
    if (!sv || !sv.strong || sv.form === 'gerund') continue;
    // a sentence runs at most 120 tokens either side of its verb, as far as a subject is looked for
    const lo = Math.max(starts[v], v - 120);
    const hi = Math.min(ends[v], v + 120);
    const p = speakerPhrase(toks, v, sv, lo, hi);
    if (p && !(p.kind === 'pronoun' && ['i', 'we', 'you'].includes(p.head))) out.push({ verb: v, sv, phrase: p, s: p.s, e: cueEnd(toks, v, sv), where: 'sentence', adjacent: false, participle: false });
    else if (isPronoun(toks[v - 1])) continue;
  }
  return out;
}

export { textOf };
