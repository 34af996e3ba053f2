/**
 * Names in an article: capitalised runs, titles split off, person or organisation, and a registry
 * that maps surname and first-name mentions to the fullest name given anywhere in the article.
 */
import { FEMALE_NAMES, MALE_NAMES } from './lexicon/first-names';
import { DOCUMENT_NOUNS, FEMALE_TITLES, MALE_TITLES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { CAPITALISED_FUNCTION_WORDS, MONTHS, WEEKDAYS } from './lexicon/words';
import type { Tok } from './tokens';

export type Gender = 'm' | 'f' | null;

const MALE = new Set(MALE_NAMES.split(/\s+/).filter(Boolean));
const FEMALE = new Set(FEMALE_NAMES.split(/\s+/).filter(Boolean));

export function genderOfFirstName(low: string): Gender {
  if (MALE.has(low)) return 'm';
  if (FEMALE.has(low)) return 'f';
  return null;
}

export function genderOfTitle(low: string): Gender {
  if (MALE_TITLES.has(low)) return 'm';
  if (FEMALE_TITLES.has(low)) return 'f';
  return null;
}

export function isKnownFirstName(low: string): boolean {
  return MALE.has(low) || FEMALE.has(low);
}

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'del', 'della', 'ter', 'ten', 'y', 'st', 'mac']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function isSuffix(t: Tok): boolean {
  return t.k === 'w' && SUFFIXES.has(t.low);
}

/** A word that can be part of a name: capitalised (or a capitalised initial). */
export function isNameWord(t: Tok | undefined): boolean {
  return !!t && t.k === 'w' && t.cap && !/^\d/.test(t.text);
}

export function isTitle(t: Tok): boolean {
  return t.k === 'w' && TITLES.has(t.low);
}

/**
 * Extend a capitalised run around `i` (inclusive bounds lo..hi): capitalised words, with particles
 * ("de", "van") and suffixes ("Jr.") inside. Returns [start, end).
 */
export function capRunAround(toks: readonly Tok[], i: number, lo: number, hi: number): [number, number] {
  let s = i;
  let e = i + 1;
  while (s - 1 >= lo) {
    const t = toks[s - 1];
    if (isNameWord(t) && !t.poss && t.sent === toks[i].sent) s--;
    else if (t.k === 'w' && PARTICLES.has(t.low) && isNameWord(toks[s - 2]) && s - 2 >= lo && !toks[s - 2].poss) s -= 2;
    else break;
  }
  while (e < hi) {
    const t = toks[e];
    if (toks[e - 1].poss) break;
    if (isNameWord(t) && t.sent === toks[i].sent) e++;
    else if (t.k === 'p' && t.text === ',' && isSuffix(toks[e + 1] ?? t)) e += 2;
    else if (t.k === 'w' && PARTICLES.has(t.low) && isNameWord(toks[e + 1]) && e + 1 < hi) e += 2;
    else break;
  }
  return [s, e];
}

export interface NameParts {
  /** token range of the title or role words inside the run ([roleS, nameS)) */
  roleS: number;
  /** token range of the name proper */
  nameS: number;
  nameE: number;
  type: 'person' | 'organization' | 'unknown';
}

/**
 * Split a capitalised run into leading words that are not part of the name (function words at a
 * sentence start, titles, organisation words of a role such as "White House Press Secretary") and
 * the name itself.
 */
export function splitRun(toks: readonly Tok[], s: number, e: number): NameParts | null {
  // leading function words, months and weekdays ("But", "On Tuesday")
  while (s < e && (CAPITALISED_FUNCTION_WORDS.has(toks[s].low) || MONTHS.has(toks[s].low) || WEEKDAYS.has(toks[s].low)) && !toks[s].abbr) s++;
  if (s >= e) return null;
  const roleS = s;
  // the name starts after the last title or organisation word that is followed by a real name word
  let nameS = s;
  for (let i = s; i < e - 1; i++) {
    const t = toks[i];
    const rest = toks.slice(i + 1, e).filter((x) => x.k === 'w' && !SUFFIXES.has(x.low) && !PARTICLES.has(x.low));
    if (rest.length === 0) break;
    if (TITLES.has(t.low) || (ORG_WORDS.has(t.low) && i + 1 < e && TITLES.has(toks[i + 1].low))) nameS = i + 1;
    else if (isKnownFirstName(t.low) && i > s) {
      nameS = Math.max(nameS, i);
      break;
    }
  }
  // a name that starts with a first name: anything before it is a role ("Press Secretary Josh Earnest")
  for (let i = nameS; i < e - 1; i++) {
    if (isKnownFirstName(toks[i].low) && i > nameS && toks.slice(nameS, i).every((x) => TITLES.has(x.low) || ORG_WORDS.has(x.low))) {
      nameS = i;
      break;
    }
  }
  const words = toks.slice(nameS, e).filter((t) => t.k === 'w');
  if (words.length === 0) return null;
  let type: NameParts['type'] = 'unknown';
  const lows = words.map((w) => w.low);
  const hasTitle = nameS > roleS && toks.slice(roleS, nameS).some((t) => TITLES.has(t.low));
  if (lows.some((l) => ORG_WORDS.has(l)) || (words.length === 1 && words[0].allCaps && words[0].text.length <= 6 && !hasTitle)) type = 'organization';
  else if (hasTitle || isKnownFirstName(lows[0])) type = 'person';
  else if (words.length >= 2 && words.length <= 4) type = 'person';
  if (type !== 'person' && words.length === 1 && (PERSON_NOUNS.has(lows[0]) || ORG_NOUNS.has(lows[0]) || DOCUMENT_NOUNS.has(lows[0]))) return null;
  return { roleS, nameS, nameE: e, type };
}

export interface Person {
  id: number;
  /** name words as written, titles removed */
  words: string[];
  first: string | null;
  last: string;
  suffix: string | null;
  gender: Gender;
  /** roles seen ("State Department spokesperson", "a former official") */
  roles: string[];
  /** role head nouns ("spokesperson", "senator") for "the spokesperson said" */
  roleHeads: Set<string>;
  /** global positions of mentions, in reading order */
  mentions: number[];
}

function clean(word: string): string {
  return word.replace(/['’]s$|['’]$/, '');
}

/** The article's people, indexed by surname and first name. */
export class Registry {
  readonly persons: Person[] = [];
  private byKey = new Map<string, Person>();
  private bySurname = new Map<string, Person[]>();
  private byFirst = new Map<string, Person[]>();

  /** Register (or find) a person from name words; returns the person. */
  add(rawWords: string[], gender: Gender, pos: number): Person {
    const words = rawWords.map(clean).filter(Boolean);
    const lows = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
    let suffix: string | null = null;
    while (lows.length > 1 && SUFFIXES.has(lows[lows.length - 1])) {
      suffix = lows.pop()!;
    }
    const last = lows[lows.length - 1];
    const first = lows.length > 1 ? lows[0] : null;
    const key = `${first ?? ''}|${last}|${suffix ?? ''}`;
    let p = this.byKey.get(key);
    if (!p && first) {
      // "Hillary Clinton" after "Hillary Rodham Clinton": same first and last name
      p = (this.bySurname.get(last) ?? []).find((x) => x.first === first && x.suffix === suffix);
    }
    if (!p && first) {
      // a first name given after a surname-only person ("Trump", later "Donald Trump")
      p = (this.bySurname.get(last) ?? []).find((x) => x.first === null && x.suffix === suffix);
      if (p) {
        p.first = first;
        this.byKey.delete(`|${last}|${suffix ?? ''}`);
        this.byKey.set(key, p);
        const list = this.byFirst.get(first) ?? [];
        list.push(p);
        this.byFirst.set(first, list);
      }
    }
    if (!p) {
      p = { id: this.persons.length, words, first, last, suffix, gender: gender ?? (first ? genderOfFirstName(first) : null), roles: [], roleHeads: new Set(), mentions: [] };
      this.persons.push(p);
      this.byKey.set(key, p);
      const list = this.bySurname.get(last) ?? [];
      list.push(p);
      this.bySurname.set(last, list);
      if (first) {
        const fl = this.byFirst.get(first) ?? [];
        fl.push(p);
        this.byFirst.set(first, fl);
      }
    } else {
      if (words.length > p.words.length) p.words = words;
      if (!p.gender && gender) p.gender = gender;
      if (!p.gender && first) p.gender = genderOfFirstName(first);
    }
    if (p.mentions[p.mentions.length - 1] !== pos) p.mentions.push(pos);
    return p;
  }

  /**
   * The person a one-word mention refers to at `pos`: a surname (the bearer mentioned most recently
   * when several share it), else a first name given to exactly one person.
   */
  resolveSingle(word: string, pos: number): Person | null {
    const low = clean(word).toLowerCase();
    const bySurname = (this.bySurname.get(low) ?? []).filter((p) => p.first !== null || p.words.length > 1);
    const candidates = bySurname.length ? bySurname : (this.bySurname.get(low) ?? []);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) return mostRecent(candidates, pos);
    const byFirst = this.byFirst.get(low) ?? [];
    if (byFirst.length === 1) return byFirst[0];
    if (byFirst.length > 1) return mostRecent(byFirst, pos);
    return null;
  }

  /** Persons whose role head nouns include `head` ("spokesperson"). */
  withRole(head: string): Person[] {
    return this.persons.filter((p) => p.roleHeads.has(head));
  }

  fullName(p: Person): string {
    return p.words.join(' ') + (p.suffix && !p.words.some((w) => SUFFIXES.has(w.toLowerCase().replace(/\.$/, ''))) ? '' : '');
  }
}

function mostRecent(persons: Person[], pos: number): Person {
  let best = persons[0];
  let bestPos = -1;
  for (const p of persons) {
    let last = -1;
    for (const m of p.mentions) if (m <= pos && m > last) last = m;
    if (last > bestPos) {
      bestPos = last;
      best = p;
    }
  }
  if (bestPos < 0) {
    // none mentioned before: the one mentioned first after
    let first = Infinity;
    for (const p of persons) {
      const m = p.mentions.find((x) => x > pos) ?? Infinity;
      if (m < first) {
        first = m;
        best = p;
      }
    }
  }
  return best;
}
