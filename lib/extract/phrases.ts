/**
 * Reading the speaker phrase next to a speech verb, without a parser: the subject to its left
 * ("State Department spokesperson Matthew Miller said", "Miller, 45, a former official, said",
 * "a spokesman for the campaign said", "it said") or, inverted, to its right ("said Sen. Elizabeth
 * Warren (D-Mass.)", "said a spokesman for the agency, who asked not to be named").
 */
import { DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { CAPITALISED_FUNCTION_WORDS, CLAUSE_WORDS, DETERMINERS, MONTHS, NP_PREPOSITIONS, SUBJECT_PRONOUNS, VERB_PRELUDE, WEEKDAYS } from './lexicon/words';
import { capRunAround, isKnownFirstName, isNameWord, isSuffix, PLACE_WORDS as PLACE_WORDS_SET, splitRun, type NameParts } from './names';
import type { Tok } from './tokens';
import { speechVerb } from './verbs';

export type PhraseKind = 'pronoun' | 'name' | 'np';

export interface Phrase {
  kind: PhraseKind;
  /** token range of the whole phrase, role and apposition included */
  s: number;
  e: number;
  /** for 'name': the name proper; for 'np': the noun phrase (with a relative clause); for 'pronoun': the pronoun */
  coreS: number;
  coreE: number;
  /** role words before the name or in an apposition, as written */
  role: string | null;
  /** lower-case head: the pronoun, the surname, or the head noun of the noun phrase */
  head: string;
  type: 'person' | 'organization' | 'document' | 'descriptor' | 'unknown';
  /** for names: a title or role came with it (evidence of a person) */
  titled?: boolean;
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
  trade labor labour environmental of`.split(/\s+/),
);

/** Adjectives with the endings of agent nouns ("former", "senior"): never the head of a phrase. */
const NOT_AGENTS = new Set('former senior junior other another latter later longer younger older bigger smaller higher lower greater lesser better worse inner outer upper under over after ever never either neither whether rather current recent present absent urgent silent violent patient ancient frequent prominent independent different efficient sufficient permanent apparent consistent decent'.split(' '));

/** A noun for someone who does something ("commenter", "strategist", "resident"), by its ending. */
function isAgentNoun(low: string): boolean {
  return low.length > 4 && /(?:er|or|ist|ian|ant|ent|ee)s?$/.test(low) && !NOT_AGENTS.has(low.replace(/s$/, ''));
}

/** Time words that may sit between a subject and its verb ("Miller on Tuesday said"). */
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'recently', 'later', 'earlier', 'previously', 'afterward', 'afterwards', 'then', 'again']);

function singular(low: string): string {
  if (low.endsWith('ies')) return low.slice(0, -3) + 'y';
  if (low.endsWith('s') && !low.endsWith('ss')) return low.slice(0, -1);
  return low;
}

/** A noun that can head a speaker's noun phrase: a person, organisation or document noun (or its plural), or an age. */
const NOUNS = (low: string) => {
  const one = singular(low);
  return PERSON_NOUNS.has(low) || ORG_NOUNS.has(low) || DOCUMENT_NOUNS.has(low) || TITLES.has(low) || PERSON_NOUNS.has(one) || ORG_NOUNS.has(one) || DOCUMENT_NOUNS.has(one) || /^\d+-year-olds?$/.test(low);
};

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
  if (t.k !== 'w') return false;
  if (t.cap) return WEEKDAYS.has(t.low);
  return VERB_PRELUDE.has(t.low) || TIME_WORDS.has(t.low) || (t.low.length > 4 && t.low.endsWith('ly') && !NOUNS(t.low));
}

function phraseType(head: string, nameType: NameParts['type'] | null): Phrase['type'] {
  if (nameType) return nameType === 'organization' || nameType === 'place' ? 'organization' : nameType === 'person' ? 'person' : 'unknown';
  const one = singular(head);
  if (PERSON_NOUNS.has(head) || TITLES.has(head) || PERSON_NOUNS.has(one) || /^\d+-year-olds?$/.test(head)) return 'descriptor';
  if (DOCUMENT_NOUNS.has(head) || DOCUMENT_NOUNS.has(one)) return 'document';
  if (ORG_NOUNS.has(head) || ORG_NOUNS.has(one)) return 'organization';
  return 'descriptor';
}

export function textOf(toks: readonly Tok[], s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) {
    const t = toks[i];
    const glue = i === s || (t.k === 'p' && !'(['.includes(t.text)) || (i > s && toks[i - 1].k === 'p' && '(['.includes(toks[i - 1].text));
    out += (glue ? '' : ' ') + (t.k === 'q' ? `“${t.text}”` : t.text);
  }
  return out.trim();
}

/** An apposition as a role, without its relative clause ("a nurse who rides the bus" → "a nurse"). */
function appositionRole(toks: readonly Tok[], s: number, e: number): string | null {
  let end = s;
  while (end < e && !(toks[end].k === 'w' && ['who', 'which', 'that', 'whose', 'whom'].includes(toks[end].low))) end++;
  if (end === s) return null;
  if (toks[s].k === 'w' && /^\d+$/.test(toks[s].text) && end - s <= 1) return null; // an age
  return textOf(toks, s, end);
}

/** Whether tokens [s, e) read as an apposition: "45", "a former official", "who…", "the group's leader". */
function looksLikeApposition(toks: readonly Tok[], s: number, e: number): boolean {
  const first = toks[s];
  if (!first || first.k !== 'w') return false;
  if (/^\d+$/.test(first.text) && e - s <= 3) return true; // age
  if (first.cap && TITLES.has(first.low) && isNameWord(toks[s + 1])) return false; // "Gov. Tom Kessler" is a name
  if (first.cap && PLACE_WORDS_SET.has(first.low) && e - s <= 2) return true; // ", Ohio," inside a place phrase
  if (DETERMINERS.has(first.low) || ['who', 'whose', 'which', 'now', 'then', 'formerly', 'herself', 'himself', 'also', 'once', 'like', 'both', 'still'].includes(first.low)) return true;
  if (/^[rdi]-/.test(first.low)) return true; // "R-Texas"
  if (NP_PREPOSITIONS.has(first.low) || ['for', 'in', 'at', 'on', 'by', 'after', 'during', 'speaking', 'asked', 'according', 'however', 'meanwhile', 'though', 'too'].includes(first.low)) return true; // ", for his part,"
  if (!first.cap && (first.low.endsWith('ing') || first.low.endsWith('ed')) && e - s <= 10) return true; // ", delivering Cross' speech,"
  for (let i = s; i < e; i++) if (toks[i].k === 'w' && (PERSON_NOUNS.has(toks[i].low) || TITLES.has(toks[i].low))) return true;
  if (first.poss) return true;
  return false;
}

/** The name run that ends at token `j`, with its role words to the left (scanning no further than `lo`). */
function nameEndingAt(toks: readonly Tok[], j: number, lo: number): Phrase | null {
  let [s, e] = capRunAround(toks, j, lo, j + 1);
  if (isSuffix(toks[s]) && s > lo) [s, e] = capRunAround(toks, s - 1, lo, j + 1);
  let parts = splitRun(toks, s, e);
  if (!parts) return null;
  // "Sen. Ted Udo of New Hampshire said": the person is the name before "of"; also across "the" and
  // more than one "of" ("Bishop Karl Umber of the Northern Diocese of Leeds told")
  let hopS = s;
  for (let hops = 0; hops < 3 && parts.type !== 'person'; hops++) {
    const of = toks[hopS - 1]?.low === 'the' && !toks[hopS - 1].cap ? hopS - 2 : hopS - 1;
    if (!(toks[of]?.low === 'of' && isNameWord(toks[of - 1]) && of - 1 >= lo)) break;
    const [s2, e2] = capRunAround(toks, of - 1, lo, of);
    const before = splitRun(toks, s2, e2);
    if (!before || before.type === 'place') break;
    hopS = s2;
    // an organisation in the chain ("of the Northern Diocese of Leeds") is passed through
    if (before.type === 'organization') continue;
    s = s2;
    e = e2;
    parts = before;
  }
  // role words to the left of the run: "State Department spokesperson", "former", "Tramp's"
  let k = parts.roleS - 1;
  let sawRole = parts.titled;
  while (k >= lo) {
    const t = toks[k];
    if (t.k !== 'w') break;
    if (t.cap || t.poss || ROLE_MODIFIERS.has(t.low) || PERSON_NOUNS.has(t.low) || TITLES.has(t.low)) {
      if (PERSON_NOUNS.has(t.low) || TITLES.has(t.low)) sawRole = true;
      k--;
      continue;
    }
    break;
  }
  let roleS = k + 1;
  while (roleS < parts.nameS && toks[roleS].k === 'w' && (['and', 'of', 'for', 'the'].includes(toks[roleS].low) || CAPITALISED_FUNCTION_WORDS.has(toks[roleS].low) || MONTHS.has(toks[roleS].low) || WEEKDAYS.has(toks[roleS].low))) roleS++;
  if (!sawRole) roleS = parts.nameS;
  const nameTok = toks[parts.nameE - 1];
  const head = isSuffix(nameTok) && parts.nameE - 2 >= parts.nameS ? toks[parts.nameE - 2].low : nameTok.low;
  let start = Math.min(roleS, parts.nameS);
  // "the White House", "the Harbor Tribune": the article belongs to the phrase
  if (start - 1 >= lo && toks[start - 1].k === 'w' && toks[start - 1].low === 'the') start--;
  return {
    kind: 'name',
    s: start,
    e: Math.max(e, parts.nameE),
    coreS: parts.nameS,
    coreE: parts.nameE,
    role: roleS < parts.nameS ? textOf(toks, roleS, parts.nameS) : null,
    head: head.replace(/['’]s$/, ''),
    type: phraseType(head, parts.type),
    titled: sawRole,
  };
}

/** "Busch's Facebook post", "the senator's statement": the name that owns what follows, from `j`. */
export function possessorRight(toks: readonly Tok[], j: number, hi: number): Phrase | null {
  let k = j;
  if (isWord(toks[k]) && toks[k].low === 'the' && !toks[k].poss) k++;
  while (k < hi && k - j < 5 && isNameWord(toks[k]) && !toks[k].poss) k++;
  if (k >= hi || !isNameWord(toks[k]) || !toks[k].poss) return null;
  return nameEndingAt(toks, k, j);
}

/** Where the role words before token `j` start ("Carver's campaign chairman"). */
function roleStart(toks: readonly Tok[], j: number, lo: number): number {
  let k = j;
  while (k - 1 >= lo && toks[k - 1].k === 'w' && (toks[k - 1].cap || toks[k - 1].poss || ROLE_MODIFIERS.has(toks[k - 1].low) || PERSON_NOUNS.has(toks[k - 1].low))) k--;
  return k;
}

/** Extend a descriptor to its relative clause: "a Mexican official who was not authorized to speak". */
function withRelativeClause(toks: readonly Tok[], e: number, hi: number): number {
  let k = e;
  if (isPunct(toks[k], ',')) k++;
  const rel = toks[k];
  if (!isWord(rel) || !['who', 'whose', 'whom'].includes(rel.low)) return e;
  let end = k + 1;
  while (end < hi && end < k + 25 && !isPunct(toks[end], ',.;:!?—–()') && toks[end].k !== 'q') end++;
  // do not end on a word that needs more after it ("… wearing a")
  while (end > k + 2 && isWord(toks[end - 1]) && (DETERMINERS.has(toks[end - 1].low) || NP_PREPOSITIONS.has(toks[end - 1].low) || CLAUSE_WORDS.has(toks[end - 1].low))) end--;
  return end;
}

/** A descriptor noun phrase whose head ends at `j` ("the letter", "a spokesman for the campaign"). */
export function npEndingAt(toks: readonly Tok[], j: number, lo: number): Phrase | null {
  const last = toks[j];
  if (!isWord(last)) return null;
  let k = j;
  let det = -1;
  let steps = 0;
  while (k - 1 >= lo && steps < 12) {
    const t = toks[k - 1];
    if (t.k !== 'w') break;
    if (DETERMINERS.has(t.low)) {
      det = k - 1;
      k--;
      // "a spokesman for [the campaign]": keep going through the preposition
      const prep = toks[k - 1];
      if (isWord(prep) && NP_PREPOSITIONS.has(prep.low) && isWord(toks[k - 2]) && (NOUNS(toks[k - 2].low) || toks[k - 2].cap || DETERMINERS.has(toks[k - 2].low)) && k - 2 >= lo) {
        k--;
        steps++;
        continue;
      }
      break;
    }
    if (CLAUSE_WORDS.has(t.low) || speechVerb(t.low)?.strong || isPrelude(t) || SUBJECT_PRONOUNS.has(t.low)) break;
    if (NP_PREPOSITIONS.has(t.low) && !(isWord(toks[k - 2]) && (NOUNS(toks[k - 2].low) || toks[k - 2].cap || DETERMINERS.has(toks[k - 2].low)))) break;
    k--;
    steps++;
  }
  const s = k;
  return npFromRange(toks, s, j + 1, det >= 0);
}

/** Validate a noun phrase over [s, e) and find its head. */
function npFromRange(toks: readonly Tok[], s: number, e: number, hasDet: boolean): Phrase | null {
  const lastTok = toks[e - 1];
  if (e - 1 > s && isWord(lastTok) && (DETERMINERS.has(lastTok.low) || NP_PREPOSITIONS.has(lastTok.low))) return null; // "a paper from the
  // "one of the organizers": the head is after "of"
  let from = s;
  if (isWord(toks[s]) && ['one', 'some', 'many', 'most', 'several', 'two', 'three', 'each', 'none', 'both', 'all'].includes(toks[s].low) && toks[s + 1]?.low === 'of') from = s + 2;
  let headIdx = e - 1;
  for (let i = from + 1; i < e; i++) {
    if (isWord(toks[i]) && NP_PREPOSITIONS.has(toks[i].low)) {
      headIdx = i - 1;
      break;
    }
  }
  const headTok = toks[headIdx];
  if (!isWord(headTok)) return null;
  const head = headTok.low.replace(/['’]s$/, '');
  const agent = hasDet && isAgentNoun(head);
  if (!NOUNS(head) && !(headTok.cap && hasDet) && !agent) return null;
  if (!hasDet && !head.endsWith('s') && !toks[s].cap) return null; // bare plurals only: "officials said"
  if (headTok.poss) return null; // "the company's" is not the subject; "the company's statement" is
  const type: Phrase['type'] = headTok.cap && !NOUNS(head) ? 'organization' : phraseType(head, null);
  return { kind: 'np', s, e, coreS: s, coreE: e, role: null, head, type };
}

/**
 * The subject of the speech verb at `v`, scanning left no further than `lo`. Skips adverbs and
 * auxiliaries ("also", "has"), time words ("on Tuesday"), a parenthetical ("(D-Mass.)"), appositions
 * ("Miller, 45, a former official,") and a relative pronoun ("Lynd, who told Congress").
 */
export function subjectLeft(toks: readonly Tok[], v: number, lo: number): Phrase | null {
  let j = v - 1;
  for (;;) {
    while (j >= lo && isPrelude(toks[j])) j--;
    // "on Tuesday", "in a statement" between subject and verb
    if (j - 1 >= lo && isWord(toks[j]) && WEEKDAYS.has(toks[j].low) && toks[j - 1].low === 'on') {
      j -= 2;
      continue;
    }
    break;
  }
  if (j < lo) return null;
  let relative = false;
  if (isWord(toks[j]) && (toks[j].low === 'who' || toks[j].low === 'which') && isPunct(toks[j - 1], ',')) {
    relative = true;
    j -= 2;
  }
  let apposition: [number, number] | null = null;
  // "Brandt, noting that the "budget is safe," added:": an aside that ends inside a quotation
  if (!relative && toks[j]?.k === 'q' && /,\s*$/.test(toks[j].text)) {
    let m = j - 1;
    while (m >= lo && m > j - 30 && !isPunct(toks[m], ',;:') && toks[m].k !== 'q') m--;
    const first = toks[m + 1];
    if (m >= lo && isPunct(toks[m], ',') && isWord(first) && !first.cap && first.low.endsWith('ing') && isWord(toks[m - 1])) j = m - 1;
    else return null;
  }
  // "Gale — named by the Herald as the favourite — told": an aside between dashes
  if (!relative && isPunct(toks[j], '—–')) {
    let k = j - 1;
    while (k >= lo && k > j - 30 && !isPunct(toks[k], '—–;:') && toks[k].k !== 'q') k--;
    if (k >= lo && isPunct(toks[k], toks[j].text) && isWord(toks[k - 1])) j = k - 1;
    else return null;
  }
  // "Gov. Tom Kessler (R-OH), said": the parenthetical and its comma belong to the name
  if (!relative && isPunct(toks[j], ',') && isPunct(toks[j - 1], ')')) j--;
  if (!relative && isPunct(toks[j], ')')) {
    let k = j - 1;
    while (k >= lo && k > j - 10 && !isPunct(toks[k], '(')) k--;
    if (k < lo || !isPunct(toks[k], '(')) return null;
    j = k - 1;
  }
  if (!relative && isPunct(toks[j], ',')) {
    // one or more appositions between commas: "Miller, 45, a former official, said", "Cmdr. Sean
    // Robertson, a spokesperson for Inherent Resolve, the U.S. military operation …, told"
    const appEnd = j;
    let k = j;
    let leftmost = -1;
    for (let guard = 0; guard < 4 && isPunct(toks[k], ','); guard++) {
      let m = k - 1;
      while (m >= lo && m > k - 30 && !isPunct(toks[m], ',;:') && toks[m].k !== 'q') m--;
      if (m < lo || !isPunct(toks[m], ',')) break;
      const nameAfterRole = isNameWord(toks[m + 1]) && isWord(toks[m - 1]) && (PERSON_NOUNS.has(toks[m - 1].low) || TITLES.has(toks[m - 1].low));
      if (!looksLikeApposition(toks, m + 1, k) && !nameAfterRole) break;
      if (!isWord(toks[m - 1]) && !isPunct(toks[m - 1], ')')) break;
      leftmost = m;
      k = m;
    }
    if (leftmost >= 0) {
      apposition = [leftmost + 1, appEnd];
      j = leftmost - 1;
      if (isPunct(toks[j], ')')) {
        let p = j - 1;
        while (p >= lo && p > j - 10 && !isPunct(toks[p], '(')) p--;
        if (isPunct(toks[p], '(')) j = p - 1;
      }
    }
    if (!apposition) return null;
  }
  const t = toks[j];
  if (!isWord(t)) return null;
  if (t.poss && !apposition) return null; // "Tramp's remarks": a possessive is not a subject
  if (apposition && isNameWord(toks[apposition[0]])) {
    // "Carver's campaign chairman, Ed Podell, said": the name in commas after a role is the speaker
    const inner = nameEndingAt(toks, apposition[1] - 1, apposition[0]);
    if (inner && inner.s === apposition[0] && inner.e === apposition[1] && (PERSON_NOUNS.has(t.low) || TITLES.has(t.low))) {
      return { ...inner, e: apposition[1] + 1, role: textOf(toks, Math.max(lo, roleStart(toks, j, lo)), j + 1) };
    }
  }
  let phrase: Phrase | null = null;
  if (isPronoun(t)) phrase = { kind: 'pronoun', s: j, e: j + 1, coreS: j, coreE: j + 1, role: null, head: t.low, type: 'unknown' };
  else if (isNameWord(t) && !(DETERMINERS.has(t.low) && !t.cap)) {
    // "another New Hampshire Republican", "a Democrat": a noun phrase, not a name
    if (PERSON_NOUNS.has(t.low) || PERSON_NOUNS.has(singular(t.low))) {
      const np = npEndingAt(toks, j, lo);
      if (np && DETERMINERS.has(toks[np.s].low)) phrase = np;
    }
    phrase ??= nameEndingAt(toks, j, lo);
    if (!phrase && NOUNS(t.low)) phrase = npEndingAt(toks, j, lo);
  } else if (!t.cap) phrase = npEndingAt(toks, j, lo);
  if (!phrase) return null;
  if (apposition) phrase = { ...phrase, e: apposition[1] + 1, role: appositionRole(toks, apposition[0], apposition[1]) ?? phrase.role };
  return phrase;
}

/**
 * The phrase starting at `j` (after an inverted verb or "according to"): "Sen. Elizabeth Warren
 * (D-Mass.)", "State Department spokesperson Matthew Miller, who…", "a spokesman for the agency",
 * "Meenakshi Ganguly of Human Rights Watch", "Idaho nutritional-supplement executive Frank Vandermeer".
 */
export function phraseRight(toks: readonly Tok[], j: number, hi: number): Phrase | null {
  const t = toks[j];
  if (!isWord(t)) return null;
  if (isPronoun(t)) return { kind: 'pronoun', s: j, e: j + 1, coreS: j, coreE: j + 1, role: null, head: t.low, type: 'unknown' };
  const named = nameRight(toks, j, hi);
  if (named) return withApposition(toks, named, hi);
  if (t.poss) {
    // "said Holt's deputy campaign manager, Rick Bane": the name in the apposition is the speaker
    let k = j + 1;
    while (k < hi && k - j < 8 && isWord(toks[k]) && !toks[k].cap && (ROLE_MODIFIERS.has(toks[k].low) || PERSON_NOUNS.has(toks[k].low) || NOUNS(toks[k].low))) k++;
    if (k > j + 1 && PERSON_NOUNS.has(toks[k - 1].low) && isPunct(toks[k], ',') && isNameWord(toks[k + 1])) {
      const inner = nameRight(toks, k + 1, hi);
      if (inner && inner.kind === 'name' && inner.type !== 'organization') return { ...inner, role: textOf(toks, j, k) };
    }
  }
  if (DETERMINERS.has(t.low) || !t.cap) {
    let k = j;
    let sawHead = false;
    while (k < hi && k - j < 12) {
      const x = toks[k];
      if (x.k !== 'w') break;
      if (k > j && (CLAUSE_WORDS.has(x.low) || speechVerb(x.low)?.strong || SUBJECT_PRONOUNS.has(x.low))) break;
      // after the head noun, only a prepositional phrase continues it ("the letter signed by …" ends at "letter")
      // (compound nouns go on: "a former senior law enforcement official"; a participle or verb ends it)
      if (sawHead && !x.cap && !NOUNS(x.low) && (/(?:ed|ing)$/.test(x.low) || VERB_PRELUDE.has(x.low)) && !NP_PREPOSITIONS.has(toks[k - 1].low) && !DETERMINERS.has(toks[k - 1].low)) break;
      if (NOUNS(x.low) || (!x.cap && k > j && isAgentNoun(x.low) && !(isWord(toks[k + 1]) && !toks[k + 1].cap && !NP_PREPOSITIONS.has(toks[k + 1].low) && !CLAUSE_WORDS.has(toks[k + 1].low)))) sawHead = true;
      if (NP_PREPOSITIONS.has(x.low) && k > j && !isWord(toks[k + 1])) break;
      if (k > j && DETERMINERS.has(x.low) && !NP_PREPOSITIONS.has(toks[k - 1].low) && !DETERMINERS.has(toks[k - 1].low)) break;
      k++;
    }
    if (k === j + 1 && DETERMINERS.has(t.low)) return null;
    const np = npFromRange(toks, j, k, DETERMINERS.has(t.low));
    if (!np) return null;
    if (np.type === 'descriptor') {
      const end = withRelativeClause(toks, k, hi);
      if (end > k) return { ...np, e: end, coreE: end };
    }
    return withApposition(toks, np, hi);
  }
  return null;
}

/** Role words then a name, left to right; "of X" after a person's name is an affiliation. */
function nameRight(toks: readonly Tok[], j: number, hi: number): Phrase | null {
  // collect role words and capitalised words
  let k = j;
  const limit = Math.min(hi, j + 14);
  while (k < limit) {
    const x = toks[k];
    if (x.k !== 'w') break;
    const ok =
      x.cap || x.poss || ROLE_MODIFIERS.has(x.low) || PERSON_NOUNS.has(x.low) || TITLES.has(x.low) ||
      (x.low === 'and' && isWord(toks[k + 1]) && (toks[k + 1].cap || ROLE_MODIFIERS.has(toks[k + 1].low))) ||
      (/^\d+-year-old$/.test(x.low) && isNameWord(toks[k + 1])) ||
      (/^\d+(st|nd|rd|th)$/.test(x.low) && isNameWord(toks[k + 1]));
    if (!ok) {
      // "Idaho nutritional-supplement executive Frank Vandermeer": lower-case modifiers before a role noun
      let m = k;
      while (m < limit && isWord(toks[m]) && !toks[m].cap && !PERSON_NOUNS.has(toks[m].low) && !CLAUSE_WORDS.has(toks[m].low) && !DETERMINERS.has(toks[m].low) && !NP_PREPOSITIONS.has(toks[m].low) && m - k < 3) m++;
      if (m > k && isWord(toks[m]) && PERSON_NOUNS.has(toks[m].low) && isNameWord(toks[m + 1])) {
        k = m;
        continue;
      }
      // "retired neurosurgeon Ben Corson": lower-case words right before a name with a first name or title
      if (m > k && isNameWord(toks[m]) && (isKnownFirstName(toks[m].low) || TITLES.has(toks[m].low)) && k > j) {
        k = m;
        continue;
      }
      if (m > k && isNameWord(toks[m]) && (isKnownFirstName(toks[m].low) || TITLES.has(toks[m].low)) && k === j && m - k <= 2) {
        k = m;
        continue;
      }
      // "undecided Republican voter Stella Hoon": a lower-case word, capitalised words, a role noun, a name
      if (m === k + 1 && k === j && isNameWord(toks[m])) {
        let r = m;
        while (r < limit && r - m < 4 && isNameWord(toks[r]) && !toks[r].poss) r++;
        if (r > m && isWord(toks[r]) && !toks[r].cap && PERSON_NOUNS.has(toks[r].low) && isNameWord(toks[r + 1])) {
          k = r;
          continue;
        }
      }
      break;
    }
    k++;
  }
  if (k === j) return null;
  // find the first capitalised run that is a person's name; "of X" after it is an affiliation
  let i = j;
  let fallback: Phrase | null = null;
  while (i < k) {
    if (!isNameWord(toks[i]) || toks[i].poss) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < k && isNameWord(toks[e]) && !toks[e - 1].poss) e++;
    // "Carver campaign manager Robby Mook": a run followed by role words and another name is a modifier
    let r = e;
    while (r < k && isWord(toks[r]) && !toks[r].cap && ROLE_MODIFIERS.has(toks[r].low) && !PERSON_NOUNS.has(toks[r].low)) r++;
    const after = toks[r];
    if (after && after.k === 'w' && !after.cap && (PERSON_NOUNS.has(after.low) || TITLES.has(after.low)) && isNameWord(toks[r + 1]) && r + 1 < k) {
      i = r;
      continue;
    }
    const parts = splitRun(toks, i, e);
    if (parts && parts.nameS < parts.nameE) {
      const nameTok = toks[parts.nameE - 1];
      const head = (isSuffix(nameTok) && parts.nameE - 2 >= parts.nameS ? toks[parts.nameE - 2].low : nameTok.low).replace(/['’]s$/, '');
      const phrase: Phrase = {
        kind: 'name',
        s: j,
        e: parts.nameE,
        coreS: parts.nameS,
        coreE: parts.nameE,
        role: parts.nameS > j ? textOf(toks, j, parts.nameS) : null,
        head,
        type: phraseType(head, parts.type),
        titled: parts.titled || parts.nameS > j,
      };
      if (parts.type === 'person') return withParenthetical(toks, phrase, hi);
      fallback ??= withParenthetical(toks, phrase, hi);
    }
    i = e;
  }
  return fallback;
}

/** "(D-Mass.)" right after a name belongs to the phrase. */
function withParenthetical(toks: readonly Tok[], p: Phrase, hi: number): Phrase {
  if (!isPunct(toks[p.e], '(')) return p;
  let m = p.e + 1;
  while (m < hi && m < p.e + 10 && !isPunct(toks[m], ')')) m++;
  return isPunct(toks[m], ')') ? { ...p, e: m + 1 } : p;
}

/** ", a spokesman for the agency" after a phrase: kept as its role. */
function withApposition(toks: readonly Tok[], p: Phrase, hi: number): Phrase {
  if (!isPunct(toks[p.e], ',')) return p;
  const s = p.e + 1;
  if (p.kind === 'np' && p.type === 'descriptor' && isNameWord(toks[s])) {
    // "said a spokeswoman for the company, Jenny Rodd": the name is the speaker, the phrase its role
    const named = nameRight(toks, s, hi);
    if (named && named.kind === 'name' && named.type === 'person') return { ...named, role: textOf(toks, p.s, p.e) };
  }
  if (!looksLikeApposition(toks, s, Math.min(hi, s + 12))) return p;
  let e = s;
  while (e < hi && e < s + 16 && !isPunct(toks[e], ',.;:') && toks[e].k !== 'q') e++;
  return { ...p, role: p.role ?? appositionRole(toks, s, e) };
}

/** The role words of a phrase: before the name, or in an apposition. */
export function roleOf(toks: readonly Tok[], p: Phrase): string | null {
  if (p.role) return p.role;
  if (p.kind === 'name' && p.s < p.coreS) {
    const start = toks[p.s].low === 'the' ? p.s + 1 : p.s;
    return start < p.coreS ? textOf(toks, start, p.coreS) : null;
  }
  return null;
}

export { ROLE_MODIFIERS };
