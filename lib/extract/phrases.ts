/**
 * Reading the speaker phrase next to a speech verb, without a parser: the subject to its left
 * ("State Department spokesperson Matthew Miller said", "Miller, 45, a former official, said",
 * "a spokesman for the campaign said", "it said") or, inverted, to its right ("said Sen. Elizabeth
 * Warren (D-Mass.)", "said a spokesman for the agency").
 */
import { DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { CAPITALISED_FUNCTION_WORDS, CLAUSE_WORDS, DETERMINERS, MONTHS, NP_PREPOSITIONS, SUBJECT_PRONOUNS, VERB_PRELUDE, WEEKDAYS } from './lexicon/words';
import { capRunAround, isNameWord, isSuffix, splitRun } from './names';
import type { Tok } from './tokens';
import { speechVerb } from './verbs';

export type PhraseKind = 'pronoun' | 'name' | 'np';

export interface Phrase {
  kind: PhraseKind;
  /** token range of the whole phrase, role and apposition included */
  s: number;
  e: number;
  /** for 'name': the name proper; for 'np': the noun phrase; for 'pronoun': the pronoun */
  coreS: number;
  coreE: number;
  /** role words before the name or in an apposition, as written */
  role: string | null;
  /** lower-case head: the pronoun, the surname, or the head noun of the noun phrase */
  head: string;
  type: 'person' | 'organization' | 'document' | 'descriptor' | 'unknown';
}

/** Lower-case words allowed in a role before a name ("former", "senior", "campaign"). */
const ROLE_MODIFIERS = new Set(
  `former then current acting interim deputy senior chief top longtime long-time outgoing incoming presidential
  vice assistant associate executive general press campaign communications national state city county federal
  foreign policy political principal managing founding retired veteran fellow democratic republican white
  house party security defense defence economic legal public media regional local international global
  administration agency department justice health energy education business technology finance financial
  research program project team staff union club league court police fire school hospital company firm
  group board council committee commission senate congressional legislative military army navy intelligence
  trade labor labour environmental and of for the`.split(/\s+/),
);

const NOUNS = (low: string) => PERSON_NOUNS.has(low) || ORG_NOUNS.has(low) || DOCUMENT_NOUNS.has(low);

function isWord(t: Tok | undefined): t is Tok {
  return !!t && t.k === 'w';
}

function isPunct(t: Tok | undefined, chars: string): boolean {
  return !!t && t.k === 'p' && chars.includes(t.text);
}

export function isPronoun(t: Tok | undefined): boolean {
  return isWord(t) && SUBJECT_PRONOUNS.has(t.low) && (t.low !== 'i' || t.text === 'I');
}

function isPrelude(t: Tok): boolean {
  if (t.k !== 'w' || t.cap) return false;
  return VERB_PRELUDE.has(t.low) || (t.low.length > 4 && t.low.endsWith('ly') && !NOUNS(t.low));
}

function phraseType(head: string, isName: boolean, nameType: string): Phrase['type'] {
  if (isName) return nameType === 'organization' ? 'organization' : nameType === 'person' ? 'person' : 'unknown';
  if (PERSON_NOUNS.has(head)) return 'descriptor';
  if (DOCUMENT_NOUNS.has(head)) return 'document';
  if (ORG_NOUNS.has(head)) return 'organization';
  return 'descriptor';
}

/** A name phrase whose name ends at token `j` (inclusive), scanning left no further than `lo`. */
function nameEndingAt(toks: readonly Tok[], j: number, lo: number): Phrase | null {
  let [s, e] = capRunAround(toks, j, lo, j + 1);
  if (isSuffix(toks[s]) && s > lo) [s, e] = capRunAround(toks, s - 1, lo, j + 1);
  const parts = splitRun(toks, s, e);
  if (!parts) return null;
  // role words to the left of the run: "State Department spokesperson", "former", "Trump's"
  let r = parts.roleS;
  let k = r - 1;
  let sawRoleNoun = parts.nameS > parts.roleS;
  while (k >= lo) {
    const t = toks[k];
    if (t.k !== 'w') break;
    if (t.cap || t.poss || ROLE_MODIFIERS.has(t.low) || PERSON_NOUNS.has(t.low)) {
      if (PERSON_NOUNS.has(t.low) || TITLES.has(t.low)) sawRoleNoun = true;
      k--;
      continue;
    }
    break;
  }
  // only keep the role if it contains a role noun ("campaign manager"); trim joining and function words at its start
  let roleS = k + 1;
  while (roleS < parts.nameS && toks[roleS].k === 'w' && (['and', 'of', 'for', 'the'].includes(toks[roleS].low) || CAPITALISED_FUNCTION_WORDS.has(toks[roleS].low) || MONTHS.has(toks[roleS].low) || WEEKDAYS.has(toks[roleS].low))) roleS++;
  if (!sawRoleNoun) roleS = parts.nameS;
  const nameTok = toks[e - 1];
  const head = isSuffix(nameTok) && e - 2 >= parts.nameS ? toks[e - 2].low : nameTok.low;
  let start = Math.min(roleS, parts.nameS);
  // "the White House", "the Harbor Tribune": the article belongs to the phrase
  if (start - 1 >= lo && toks[start - 1].k === 'w' && toks[start - 1].low === 'the') start--;
  return {
    kind: 'name',
    s: start,
    e,
    coreS: parts.nameS,
    coreE: e,
    role: roleS < parts.nameS ? textOf(toks, roleS, parts.nameS) : null,
    head,
    type: phraseType(head, true, parts.type),
  };
}

/** A descriptor noun phrase whose head ends at `j` ("the letter", "a spokesman for the campaign"). */
function npEndingAt(toks: readonly Tok[], j: number, lo: number): Phrase | null {
  const last = toks[j];
  if (!isWord(last)) return null;
  let k = j;
  let det = -1;
  let steps = 0;
  while (k - 1 >= lo && steps < 12) {
    const t = toks[k - 1];
    if (t.k !== 'w') break;
    if (DETERMINERS.has(t.low) && !t.cap) {
      det = k - 1;
      k--;
      // "a spokesman for [the campaign]": keep going through the preposition
      const prep = toks[k - 1];
      if (isWord(prep) && NP_PREPOSITIONS.has(prep.low) && isWord(toks[k - 2]) && (NOUNS(toks[k - 2].low) || toks[k - 2].cap) && k - 2 >= lo) {
        k--;
        steps++;
        continue;
      }
      break;
    }
    if (DETERMINERS.has(t.low) && t.cap) {
      det = k - 1;
      k--;
      break;
    }
    if (CLAUSE_WORDS.has(t.low) || speechVerb(t.low)?.strong || isPrelude(t) || SUBJECT_PRONOUNS.has(t.low)) break;
    if (NP_PREPOSITIONS.has(t.low) && !(isWord(toks[k - 2]) && (NOUNS(toks[k - 2].low) || toks[k - 2].cap))) break;
    k--;
    steps++;
  }
  const s = k;
  // head: the last noun before the first preposition
  let headIdx = j;
  for (let i = s; i <= j; i++) {
    if (isWord(toks[i]) && NP_PREPOSITIONS.has(toks[i].low) && i > s) {
      headIdx = i - 1;
      break;
    }
  }
  const head = toks[headIdx].low;
  const hasDet = det >= 0;
  if (!NOUNS(head) && !(toks[headIdx].cap && hasDet)) return null;
  if (!hasDet) {
    // bare plurals ("officials said", "White House aides said")
    if (!head.endsWith('s') && !toks[s].cap) return null;
  }
  const isOrgName = toks[headIdx].cap;
  return { kind: 'np', s, e: j + 1, coreS: s, coreE: j + 1, role: null, head, type: isOrgName ? 'organization' : phraseType(head, false, '') };
}

/**
 * The subject of the speech verb at `v`, scanning left no further than `lo`. Skips adverbs and
 * auxiliaries ("also", "has"), a parenthetical ("(D-Mass.)") and appositions ("Miller, 45, a
 * former official,").
 */
export function subjectLeft(toks: readonly Tok[], v: number, lo: number): Phrase | null {
  let j = v - 1;
  while (j >= lo && isPrelude(toks[j])) j--;
  if (j < lo) return null;
  let apposition: [number, number] | null = null;
  if (isPunct(toks[j], ')')) {
    let k = j - 1;
    while (k >= lo && k > j - 10 && !isPunct(toks[k], '(')) k--;
    if (k < lo || !isPunct(toks[k], '(')) return null;
    j = k - 1;
    if (isPunct(toks[j], ',')) j--; // "Warren (D-Mass.), said" is rare; tolerate
  }
  if (isPunct(toks[j], ',')) {
    // one or more appositions between commas: "Miller, 45, a former official, said"
    const appEnd = j;
    let k = j;
    let guard = 0;
    while (isPunct(toks[k], ',') && guard < 3) {
      let m = k - 1;
      while (m >= lo && m > k - 30 && !isPunct(toks[m], ',') && toks[m].k !== 'q' && !isPunct(toks[m], ';:')) m--;
      if (m < lo || !isPunct(toks[m], ',')) break;
      const first = toks[m + 1];
      if (!first || !looksLikeApposition(toks, m + 1, k)) break;
      k = m;
      guard++;
      // before the first comma of the apposition must be the subject itself
      const before = toks[k - 1];
      if (before && before.k === 'w' && !isPunct(toks[k - 1], ',')) {
        apposition = [k + 1, appEnd];
        j = k - 1;
        break;
      }
    }
    if (!apposition) return null;
  }
  const t = toks[j];
  if (!isWord(t)) return null;
  let phrase: Phrase | null = null;
  if (isPronoun(t)) phrase = { kind: 'pronoun', s: j, e: j + 1, coreS: j, coreE: j + 1, role: null, head: t.low, type: 'unknown' };
  else if (isNameWord(t) && !(DETERMINERS.has(t.low) && !t.cap)) {
    phrase = nameEndingAt(toks, j, lo);
    if (!phrase && NOUNS(t.low)) phrase = npEndingAt(toks, j, lo);
  } else if (!t.cap) phrase = npEndingAt(toks, j, lo);
  if (!phrase) return null;
  if (apposition) phrase = { ...phrase, e: apposition[1] + 1, role: appositionRole(toks, apposition[0], apposition[1]) };
  return phrase;
}

/** Whether tokens [s, e) read as an apposition: "45", "a former official", "who…", "the group's leader". */
function looksLikeApposition(toks: readonly Tok[], s: number, e: number): boolean {
  const first = toks[s];
  if (!first) return false;
  if (first.k === 'w' && /^\d+$/.test(first.text) && e - s <= 2) return true; // age
  if (first.k !== 'w') return false;
  if (DETERMINERS.has(first.low) || ['who', 'whose', 'which', 'now', 'then', 'formerly', 'herself', 'himself', 'also', 'once', 'like'].includes(first.low)) return true;
  if (first.low.startsWith('r-') || first.low.startsWith('d-') || first.low.startsWith('i-')) return true; // "R-Texas"
  if (PERSON_NOUNS.has(first.low) || (first.cap && toks.slice(s, e).some((t) => t.k === 'w' && PERSON_NOUNS.has(t.low)))) return true;
  if (first.poss) return true;
  return false;
}

/** An apposition as a role, without its relative clause ("a nurse who rides the bus" → "a nurse"). */
function appositionRole(toks: readonly Tok[], s: number, e: number): string | null {
  let end = s;
  while (end < e && !(toks[end].k === 'w' && ['who', 'which', 'that', 'whose', 'whom'].includes(toks[end].low))) end++;
  if (end === s) return null;
  if (toks[s].k === 'w' && /^\d+$/.test(toks[s].text) && end - s <= 1) return null; // an age
  return textOf(toks, s, end);
}

export function textOf(toks: readonly Tok[], s: number, e: number): string {
  return toks
    .slice(s, e)
    .map((t, i) => (i > 0 && t.k !== 'p' ? ' ' : i > 0 && '(['.includes(t.text) ? ' ' : '') + (t.k === 'q' ? `“${t.text}”` : t.text))
    .join('')
    .trim();
}

/**
 * The phrase starting at `j` (after an inverted verb or "according to"): "Sen. Elizabeth Warren
 * (D-Mass.)", "State Department spokesperson Matthew Miller, who…", "a spokesman for the agency".
 */
export function phraseRight(toks: readonly Tok[], j: number, hi: number): Phrase | null {
  const t = toks[j];
  if (!isWord(t)) return null;
  if (isPronoun(t)) return { kind: 'pronoun', s: j, e: j + 1, coreS: j, coreE: j + 1, role: null, head: t.low, type: 'unknown' };
  if (DETERMINERS.has(t.low) || (!t.cap && !isNameWord(t))) {
    // noun phrase: determiner, modifiers, head, prepositional phrases
    let k = j;
    let headIdx = -1;
    while (k < hi && k - j < 12) {
      const x = toks[k];
      if (x.k !== 'w') break;
      if (k > j && (CLAUSE_WORDS.has(x.low) || speechVerb(x.low)?.strong || SUBJECT_PRONOUNS.has(x.low))) break;
      if (NP_PREPOSITIONS.has(x.low) && k > j) {
        if (headIdx < 0) headIdx = k - 1;
        // a preposition must be followed by more of the phrase
        if (!isWord(toks[k + 1])) break;
      } else if (k > j && DETERMINERS.has(x.low) && !NP_PREPOSITIONS.has(toks[k - 1].low)) break;
      k++;
    }
    if (k === j + 1 && DETERMINERS.has(t.low)) return null;
    if (headIdx < 0) headIdx = k - 1;
    const head = toks[headIdx].low;
    if (!NOUNS(head) && !toks[headIdx].cap) return null;
    const type = toks[headIdx].cap && !NOUNS(head) ? 'organization' : phraseType(head, false, '');
    return withApposition(toks, { kind: 'np', s: j, e: k, coreS: j, coreE: k, role: null, head, type }, hi);
  }
  // role words then a name: "State Department spokesperson Matthew Miller", "Sen. Warren"
  let k = j;
  while (k < hi && toks[k].k === 'w' && (toks[k].cap || toks[k].poss || ROLE_MODIFIERS.has(toks[k].low) || PERSON_NOUNS.has(toks[k].low)) && !['and', 'the', 'for'].includes(toks[k].low)) k++;
  // the last capitalised run in [j, k) is the name
  let e = k;
  while (e > j && !isNameWord(toks[e - 1])) e--;
  if (e <= j) return null;
  let s = e - 1;
  while (s > j && (isNameWord(toks[s - 1]) && !toks[s - 1].poss)) s--;
  const parts = splitRun(toks, s, e);
  if (!parts) return null;
  const head = isSuffix(toks[e - 1]) && e - 2 >= parts.nameS ? toks[e - 2].low : toks[e - 1].low;
  const phrase: Phrase = {
    kind: 'name',
    s: j,
    e,
    coreS: parts.nameS,
    coreE: e,
    role: parts.nameS > j ? textOf(toks, j, parts.nameS) : null,
    head,
    type: phraseType(head, true, parts.type),
  };
  // a parenthetical right after the name: "(D-Mass.)"
  if (isPunct(toks[e], '(')) {
    let m = e + 1;
    while (m < hi && m < e + 10 && !isPunct(toks[m], ')')) m++;
    if (isPunct(toks[m], ')')) phrase.e = m + 1;
  }
  return withApposition(toks, phrase, hi);
}

/** ", a spokesman for the agency" after a phrase: kept as its role. */
function withApposition(toks: readonly Tok[], p: Phrase, hi: number): Phrase {
  if (!isPunct(toks[p.e], ',')) return p;
  const s = p.e + 1;
  if (!looksLikeApposition(toks, s, Math.min(hi, s + 12))) return p;
  let e = s;
  while (e < hi && e < s + 16 && !isPunct(toks[e], ',.;:') && toks[e].k !== 'q') e++;
  if (toks[s]?.low === 'who' || toks[s]?.low === 'which') return p;
  return { ...p, role: p.role ?? appositionRole(toks, s, e) };
}

/** The role words before a name inside a left-scanned phrase. */
export function roleOf(toks: readonly Tok[], p: Phrase): string | null {
  if (p.role) return p.role;
  if (p.kind === 'name' && p.s < p.coreS) return textOf(toks, p.s, p.coreS);
  return null;
}
