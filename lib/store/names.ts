/**
 * Speaker names: identity keys, person-name parsing and the rules for when two names are one
 * person. Pure functions; the database side is in `speakers.ts`.
 *
 * Rules (general English naming conventions, nothing specific to a person):
 * - titles and honorifics in front are not part of the name ("President Joe Biden" = "Joe Biden");
 * - case, accents and full stops do not matter ("José" = "Jose", "J.D." = "JD");
 * - the surname is the last word; a middle name or initial may be present or absent
 *   ("John F. Kennedy" = "John Kennedy"), but two different middle initials conflict;
 * - a generational suffix may be present or absent ("Martin King Jr." = "Martin King"), but "Jr."
 *   and "Sr." conflict, and when both forms exist as separate speakers the matching one wins;
 * - first names must agree: equal, an initial of the other, or a common English diminutive
 *   ("Bill" = "William", "Joe" = "Joseph"); "Bill Clinton" and "Hillary Clinton" never merge;
 * - a surname alone ("Biden") joins the one known person with that surname, and is kept apart when
 *   there are several.
 */
import type { SpeakerType } from '../extract/types';
import { fold } from './normalize';

/** Words in front of a name that are titles, not names. "King", "Pope" and the like stay: they are how such people are named. */
const TITLES = new Set(
  (
    'mr mrs ms miss mx dr doctor prof professor sir dame lord lady sen senator rep representative congressman congresswoman ' +
    'assemblyman assemblywoman assemblymember councilman councilwoman councilmember councillor councilor alderman alderwoman ' +
    'gov governor president vice prime minister ' +
    'chancellor secretary attorney general gen lt lieutenant col colonel maj major capt captain sgt sergeant cpl corporal ' +
    'adm admiral cmdr commander judge justice mayor rev reverend fr father rabbi imam ambassador commissioner chairman ' +
    'chairwoman chair ceo coach officer detective inspector chief deputy former acting interim spokesman spokeswoman ' +
    'spokesperson of the'
  ).split(' '),
);

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Letters after a name that are degrees, not names. */
const DEGREES = new Set(['phd', 'md', 'esq', 'mp', 'qc', 'kc', 'obe', 'mbe', 'cbe']);

/** Common English diminutives: each line is one family of interchangeable first names. */
const NICKNAMES: readonly string[] = [
  'william bill billy will willie',
  'robert bob bobby rob robbie bert',
  'richard dick rick rich richie ricky',
  'james jim jimmy jamie',
  'john jack johnny',
  'jonathan jon',
  'joseph joe joey',
  'michael mike mikey mick',
  'thomas tom tommy',
  'charles charlie chuck',
  'edward ed eddie ted ned',
  'theodore ted teddy theo',
  'elizabeth liz beth betty eliza libby lizzie',
  'katherine catherine kathryn katharine kate katie kathy cathy kat',
  'margaret maggie meg peggy',
  'patricia pat patty trish',
  'patrick pat paddy',
  'daniel dan danny',
  'david dave davy',
  'steven stephen steve',
  'anthony antony tony',
  'andrew andy drew',
  'christopher chris',
  'christine christina chris',
  'alexander alex',
  'alexandra alex',
  'benjamin ben benny',
  'samuel sam sammy',
  'samantha sam',
  'nicholas nick nicky',
  'matthew matt',
  'timothy tim',
  'kenneth ken kenny',
  'ronald ron ronnie',
  'donald don donnie',
  'gerald jerry',
  'jerome jerry',
  'lawrence laurence larry',
  'leonard len lenny',
  'gregory greg',
  'jeffrey geoffrey jeff',
  'jennifer jen jenny',
  'rebecca becky becca',
  'susan sue susie',
  'deborah debra deb debbie',
  'victoria vicky tori',
  'frederick fred freddie',
  'albert al bert',
  'alfred al alf',
  'peter pete',
  'philip phillip phil',
  'raymond ray',
  'douglas doug',
  'gabriel gabe',
  'zachary zach zack',
  'jacob jake',
  'nathan nathaniel nate',
  'joshua josh',
  'abraham abe',
  'harold harry hal',
  'henry hank harry hal',
  'eugene gene',
  'vincent vince',
  'walter walt',
  'terence terrence terry',
  'mitchell mitch',
  'francis frank',
  'franklin frank',
  'cynthia cindy',
  'barbara barb',
  'judith judy',
  'pamela pam',
  'sandra sandy',
  'valerie val',
  'dorothy dot dottie',
  'randolph randall randy',
  'stanley stan',
  'jessica jess jessie',
  'nancy nan',
  'carolyn caroline carol',
];

const FAMILIES = new Map<string, number[]>();
NICKNAMES.forEach((line, i) => {
  for (const n of line.split(' ')) FAMILIES.set(n, [...(FAMILIES.get(n) ?? []), i]);
});

function sameFamily(a: string, b: string): boolean {
  const fa = FAMILIES.get(a);
  const fb = FAMILIES.get(b);
  return !!fa && !!fb && fa.some((f) => fb.includes(f));
}

/**
 * The words of a name: folded, full stops removed. For people (`person`, the default), titles in
 * front and degrees behind are dropped; for other speakers only a leading "the"
 * ("the White House" = "White House").
 */
export function nameWords(name: string, person = true): string[] {
  const tokens = fold(name)
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // "j.d." → "jd."
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter((t) => t && t !== '-');
  if (!person) {
    if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
    return tokens;
  }
  while (tokens.length > 1 && TITLES.has(tokens[0])) tokens.shift();
  while (tokens.length > 1 && DEGREES.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens;
}

/**
 * The name to show for a person: as written, less titles in front ("Councilmember Ravi Okafor" →
 * "Ravi Okafor"); other speakers' names as written.
 */
export function displayName(name: string, type: SpeakerType | null): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!isPersonLike(type) || isArticleLocal(clean, type)) return clean;
  const parts = clean.split(' ');
  while (parts.length > 1 && TITLES.has(fold(parts[0]).replace(/[^a-z]/g, ''))) parts.shift();
  return parts.join(' ');
}

/** The identity key of a global speaker's name: the same key means the same speaker. */
export function globalKey(name: string, type: SpeakerType | null): string {
  return `n:${nameWords(name, isPersonLike(type)).join(' ')}`;
}

/** The identity key of an article-local speaker ("the letter" in article 12). */
export function localKey(articleId: number, name: string): string {
  return `l:${articleId}:${nameWords(name, false).join(' ')}`;
}

/** The identity key of a speaker as named in an article. */
export function speakerKey(name: string, type: SpeakerType | null, articleId: number): string {
  return isArticleLocal(name, type) ? localKey(articleId, name) : globalKey(name, type);
}

/** Words that start a descriptor rather than a name ("the letter", "a spokesman", "two officials"). */
const DETERMINERS = /^(the|a|an|one|two|three|several|some|many|its|his|her|their|our|another|other|senior|officials?)\b/i;

/**
 * Whether a speaker belongs to one article only. Documents ("the letter") and descriptors
 * ("a spokesman") name different things in different articles, so they never merge across articles.
 * Speakers without a type are treated as names unless they read like a descriptor.
 */
export function isArticleLocal(name: string, type: SpeakerType | null): boolean {
  if (type === 'document' || type === 'descriptor') return true;
  if (type === 'person' || type === 'organization') return false;
  const trimmed = name.trim();
  return DETERMINERS.test(trimmed) || !/^\p{Lu}/u.test(trimmed);
}

/** Whether a speaker's names take part in person matching (surname, first name, initials). */
export function isPersonLike(type: SpeakerType | null): boolean {
  return type === 'person' || type === null;
}

export interface PersonName {
  /** First name, or its initial; null for a surname alone. */
  given: string | null;
  middles: string[];
  surname: string;
  suffix: string | null;
}

/** A person's name in parts, or null when it has no words. */
export function parsePerson(name: string): PersonName | null {
  const tokens = nameWords(name);
  let suffix: string | null = null;
  if (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1])) suffix = tokens.pop()!;
  if (!tokens.length) return null;
  const surname = tokens[tokens.length - 1];
  if (tokens.length === 1) return { given: null, middles: [], surname, suffix };
  return { given: tokens[0], middles: tokens.slice(1, -1), surname, suffix };
}

function initialMatches(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** Whether two first names can be one person's: equal, an initial, or one family of diminutives. */
export function givenCompatible(a: string, b: string): boolean {
  return initialMatches(a, b) || sameFamily(a, b);
}

/**
 * How well a name fits a known person with the same surname: -1 when they cannot be one person,
 * else a score (higher is a closer fit) used to choose among several compatible people.
 */
export function matchScore(name: PersonName, known: PersonName): number {
  if (name.surname !== known.surname) return -1;
  if (name.suffix && known.suffix && name.suffix !== known.suffix) return -1;
  let score = 1;
  if (name.given && known.given) {
    if (!givenCompatible(name.given, known.given)) return -1;
    score += name.given === known.given ? 4 : 2;
  }
  if (name.middles.length && known.middles.length) {
    if (!initialMatches(name.middles[0], known.middles[0])) return -1;
    score += 2;
  }
  if (name.suffix === known.suffix) score += 3;
  return score;
}

/**
 * Sort key of a speaker for the library's "by speaker" order: people by surname, then first name;
 * other speakers by their name. Unattributed quotes sort last.
 */
export function speakerSortKey(name: string | null, type: SpeakerType | null): string {
  if (!name) return NO_SPEAKER_SORT;
  if (isPersonLike(type) && !isArticleLocal(name, type)) {
    const p = parsePerson(name);
    if (p) return [p.surname, p.given, ...p.middles, p.suffix].filter(Boolean).join(' ');
  }
  return nameWords(name, false).join(' ') || NO_SPEAKER_SORT;
}

/** Sorts after every name. */
export const NO_SPEAKER_SORT = '\uffff';

/** Words a speaker is found by when filtering by a name prefix (name and aliases). */
export function speakerNameWords(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) for (const w of nameWords(n, false)) out.add(w);
  return [...out];
}
