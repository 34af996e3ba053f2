/**
 * Names in an article: capitalised runs, titles split off, person or organisation, and a registry
 * that maps surname and first-name mentions to the fullest name given anywhere in the article.
 */
import { FEMALE_NAMES, MALE_NAMES } from './lexicon/first-names';
import { DOCUMENT_NOUNS, FEMALE_TITLES, MALE_TITLES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { PLACES } from './lexicon/places';
import { CAPITALISED_FUNCTION_WORDS, MONTHS, WEEKDAYS } from './lexicon/words';
import { speechVerb } from './verbs';

const speechVerbForm = (low: string) => !!speechVerb(low);

export const PLACE_WORDS: ReadonlySet<string> = new Set(PLACES.split(/\s+/).filter(Boolean));
import type { Tok } from './tokens';

export type Gender = 'm' | 'f' | null;

const MALE = new Set(MALE_NAMES.split(/\s+/).filter(Boolean));
const FEMALE = new Set(FEMALE_NAMES.split(/\s+/).filter(Boolean));

export function genderOfFirstName(low: string): Gender {
  const first = low.includes('-') ? low.slice(0, low.indexOf('-')) : low;
  if (MALE.has(low) || MALE.has(first)) return 'm';
  if (FEMALE.has(low) || FEMALE.has(first)) return 'f';
  return null;
}

export function genderOfTitle(low: string): Gender {
  if (MALE_TITLES.has(low)) return 'm';
  if (FEMALE_TITLES.has(low)) return 'f';
  return null;
}

export function isKnownFirstName(low: string): boolean {
  if (MALE.has(low) || FEMALE.has(low)) return true;
  // "Eva-Marie", "Jean-Pierre"
  const dash = low.indexOf('-');
  return dash > 0 && (MALE.has(low.slice(0, dash)) || FEMALE.has(low.slice(0, dash)));
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

/** A title word, also inside a hyphenated title ("Secretary-Treasurer", "Attorney-General"). */
export function isTitleWord(low: string): boolean {
  if (TITLES.has(low)) return true;
  if (!low.includes('-')) return false;
  return low.split('-').some((part) => TITLES.has(part));
}

export function isTitle(t: Tok): boolean {
  return t.k === 'w' && isTitleWord(t.low);
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
  type: 'person' | 'organization' | 'place' | 'unknown';
  /** a title or role word was part of the run ("Sen.", "Actress") */
  titled: boolean;
}

/** Capitalised words that start a sentence without starting a name ("See", "Another", "Hastily"). */
const NOT_NAME_START = new Set(
  `see meet watch read ask like unlike dear thanks another other others among whether such yes oh well please let
  here there why how what whatever whoever whom both either neither nor many much more most less least few
  several all any some every each no none nothing something everything anything everyone someone anyone nobody
  former late young old top senior chief presumptive then current retired veteran fellow longtime
  is was are were be been has have had do does did can could will would should may might must shall
  says said tells told adds added asks asked writes wrote notes noted explains explained`.split(/\s+/),
);

function atSentenceStart(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || prev.sent !== toks[i].sent || (prev.k === 'p' && '"“‘(—–-:'.includes(prev.text));
}

function allPlaces(toks: readonly Tok[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (toks[i].k === 'w' && !PLACE_WORDS.has(toks[i].low)) return false;
  return true;
}

/**
 * Split a capitalised run into leading words that are not part of the name (function words at a
 * sentence start, titles and roles such as "White House Press Secretary") and the name itself.
 */
export function splitRun(toks: readonly Tok[], s: number, e: number): NameParts | null {
  while (s < e) {
    const t = toks[s];
    const low = t.low;
    if (CAPITALISED_FUNCTION_WORDS.has(low) || MONTHS.has(low) || WEEKDAYS.has(low)) {
      if (t.abbr && TITLES.has(low)) break;
      s++;
      continue;
    }
    if (/-(?:based|area|born|bred|raised|led|backed)$/.test(low) && e - s >= 2) {
      s++; // "Texas-based Matt Macklin", "Angeles-area Sayers"
      continue;
    }
    if (atSentenceStart(toks, s) && e - s >= 2 && !isKnownFirstName(low) && speechVerb(low)?.form === 'past') {
      s++; // "Continued Stein:", "Said Dora Porter, …"
      continue;
    }
    const lonelyStart = atSentenceStart(toks, s) && e - s === 1 && toks[e]?.k === 'w' && !toks[e].cap;
    if (!isKnownFirstName(low) && (NOT_NAME_START.has(low) || (lonelyStart && (low.endsWith('ly') || ((low.endsWith('ing') || low.endsWith('ed') || /[^s]s$/.test(low)) && !speechVerbForm(toks[e].low)))))) {
      s++;
      continue;
    }
    break;
  }
  while (e > s && toks[e - 1].k === 'w' && (WEEKDAYS.has(toks[e - 1].low) || MONTHS.has(toks[e - 1].low)) && (toks[e - 1].low.length > 4 || toks[e - 1].abbr)) e--;
  if (s >= e) return null;
  // a place before a full name is a modifier ("Britain Li Xiamen" from "ambassador to Britain …")
  let placeLead = s;
  while (placeLead < e - 2 && PLACE_WORDS.has(toks[placeLead].low) && !isKnownFirstName(toks[placeLead].low)) placeLead++;
  if (placeLead > s && placeLead <= e - 2) {
    let rest = true;
    for (let k = placeLead; k < e; k++) if (ORG_WORDS.has(toks[k].low) || PLACE_WORDS.has(toks[k].low)) rest = false;
    if (rest) s = placeLead;
  }
  const roleS = s;
  let nameS = s;
  let titled = false;
  const nameWordAfter = (i: number) => {
    for (let k = i; k < e; k++) if (toks[k].k === 'w' && !SUFFIXES.has(toks[k].low) && !PARTICLES.has(toks[k].low) && !TITLES.has(toks[k].low)) return true;
    return false;
  };
  for (let i = s; i < e; i++) {
    const low = toks[i].low;
    const agentAfterRole = i > s && /(?:or|er|ist|ian|ant|ent)$/.test(low) && (ORG_WORDS.has(toks[i - 1].low) || isTitleWord(toks[i - 1].low) || PERSON_NOUNS.has(toks[i - 1].low)) && e - i >= 3;
    const roleWord = isTitleWord(low) || PERSON_NOUNS.has(low) || agentAfterRole || (ORG_WORDS.has(low) && i + 1 < e && isTitleWord(toks[i + 1].low));
    if (roleWord && nameWordAfter(i + 1)) {
      nameS = i + 1;
      titled = true;
    }
  }
  // "Texas Gov. …" is handled above; a known first name after other capitalised words starts the name
  // ("Chief of Staff Dennis McDowell" reads "Staff Dennis McDowell"), unless those words are names too
  for (let i = nameS + 1; i < e - 1; i++) {
    if (isKnownFirstName(toks[i].low) && !isKnownFirstName(toks[i - 1].low)) {
      // the words before the first name are a role if they are all role words, or if they hold an
      // organisation word or title ("Maricopa County Recorder Helen Purdy")
      let allRole = true;
      let anyRole = false;
      for (let k = nameS; k < i; k++) {
        const low = toks[k].low;
        const role = isTitleWord(low) || ORG_WORDS.has(low) || PLACE_WORDS.has(low) || PERSON_NOUNS.has(low) || NOT_NAME_START.has(low);
        if (!role) allRole = false;
        if (isTitleWord(low) || ORG_WORDS.has(low)) anyRole = true;
      }
      // "Director of Public Prosecution Eva-Lena Pers": after "of", the words before a first name are the office
      if (toks[nameS - 1]?.low === 'of' || (anyRole && i - nameS >= 1)) allRole = true;
      if (allRole) {
        nameS = i;
        titled = titled || i > roleS;
      }
      break;
    }
  }
  const words = toks.slice(nameS, e).filter((t) => t.k === 'w');
  if (words.length === 0) return null;
  const lows = words.map((w) => w.low);
  if (TITLES.has(lows[lows.length - 1]) && words.length === 1) return null;
  let type: NameParts['type'];
  if (allPlaces(toks, nameS, e) && !(titled && words.length === 1 && !PLACE_WORDS.has(lows[0]))) type = 'place';
  else if (lows.some((l) => ORG_WORDS.has(l)) && !(isKnownFirstName(lows[0]) && words.length <= 3)) type = 'organization';
  else if (words.length === 1 && words[0].allCaps && words[0].text.replace(/\./g, '').length <= 6 && !titled) type = 'organization';
  else if (titled || isKnownFirstName(lows[0])) type = 'person';
  else type = 'unknown';
  if (type !== 'person' && words.length === 1 && (PERSON_NOUNS.has(lows[0]) || ORG_NOUNS.has(lows[0]) || DOCUMENT_NOUNS.has(lows[0]))) return null;
  return { roleS, nameS, nameE: e, type, titled };
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
  /** evidence that this is a person: a known first name, a title or role, or a speech verb */
  strong: boolean;
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
  add(rawWords: string[], gender: Gender, pos: number, strong = false): Person {
    const words = rawWords.map(clean).filter(Boolean);
    const lows = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
    let suffix: string | null = null;
    while (lows.length > 1 && SUFFIXES.has(lows[lows.length - 1])) {
      suffix = lows.pop()!;
    }
    const last = lows[lows.length - 1];
    let first = lows.length > 1 ? lows[0] : null;
    if (first && PARTICLES.has(first)) {
      // "Le Pen", "de Blasio": a surname; it means the person with that surname and a first name
      const bearer = (this.bySurname.get(last) ?? []).find((x) => x.first !== null && x.words.length > words.length);
      if (bearer) {
        bearer.mentions.push(pos);
        return bearer;
      }
      first = null;
    }
    const key = `${first ?? ''}|${last}|${suffix ?? ''}`;
    let p = this.byKey.get(key);
    if (!p && first) {
      // "Mary Carver" after "Mary Ellen Carver": same first and last name
      p = (this.bySurname.get(last) ?? []).find((x) => x.first === first && x.suffix === suffix);
    }
    if (!p && first) {
      // a first name given after a surname-only person ("Tramp", later "Rod Tramp")
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
    if (!p && words.length >= 2) {
      // "Hawk Sawyer" after "Kathleen Hawk Sawyer", or the other way round: one person
      const tail = lows.join(' ');
      for (const x of this.bySurname.get(last) ?? []) {
        const xl = x.words.map((w) => w.toLowerCase().replace(/\.$/, '')).filter((w) => !SUFFIXES.has(w));
        const xs = xl.join(' ');
        if (x.suffix !== suffix) continue;
        if (xl.length > lows.length && xs.endsWith(' ' + tail) && !isKnownFirstName(lows[0])) {
          p = x;
          break;
        }
        if (lows.length > xl.length && tail.endsWith(' ' + xs) && (x.first === null || !isKnownFirstName(x.first))) {
          p = x;
          p.first = first;
          if (first) {
            const fl = this.byFirst.get(first) ?? [];
            fl.push(p);
            this.byFirst.set(first, fl);
          }
          break;
        }
      }
    }
    if (!p) {
      p = { id: this.persons.length, words, first, last, suffix, gender: gender ?? (first ? genderOfFirstName(first) : null), roles: [], roleHeads: new Set(), mentions: [], strong: strong || (!!first && isKnownFirstName(first)) };
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
      if (strong) p.strong = true;
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
  resolveSingle(word: string, pos: number, gender: Gender = null): Person | null {
    const low = clean(word).toLowerCase().replace(/\.$/, '');
    let candidates = (this.bySurname.get(low) ?? []).filter((p) => p.first !== null || p.words.length > 1);
    if (!candidates.length) candidates = this.bySurname.get(low) ?? [];
    if (!candidates.length) candidates = this.byFirst.get(low) ?? [];
    if (gender && candidates.length > 1) {
      const fit = candidates.filter((p) => p.gender === gender);
      if (fit.length) candidates = fit;
    }
    if (candidates.length <= 1) return candidates[0] ?? null;
    return mostProminent(candidates, pos);
  }

  /** Persons whose role head nouns include `head` ("spokesperson"). */
  withRole(head: string): Person[] {
    return this.persons.filter((p) => p.roleHeads.has(head));
  }

  fullName(p: Person): string {
    return p.words.join(' ') + (p.suffix && !p.words.some((w) => SUFFIXES.has(w.toLowerCase().replace(/\.$/, ''))) ? '' : '');
  }
}

/**
 * Among people who share a surname, the one a bare surname means at `pos`: the one mentioned more
 * often in the article, with a strong preference for one named in the last two blocks.
 */
function mostProminent(persons: Person[], pos: number): Person {
  const block = Math.floor(pos / 1_000_000);
  let best = persons[0];
  let bestScore = -Infinity;
  for (const p of persons) {
    let before = 0;
    let recent = false;
    let lastBefore = -1;
    for (const m of p.mentions) {
      if (m <= pos) {
        before++;
        lastBefore = Math.max(lastBefore, m);
        if (block - Math.floor(m / 1_000_000) <= 1) recent = true;
      }
    }
    const score = p.mentions.length + before + (recent ? 6 : 0) + lastBefore / 1e9;
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}
