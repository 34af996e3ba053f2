/**
 * Attribution: for each quotation span, decide whether it is someone's statement, find its cue and
 * speaker, and resolve the speaker to the fullest name the article gives (surnames, pronouns,
 * descriptors that the article names elsewhere, "it" for a document).
 */
import { blockCues, colonIntroduced, labelBefore, cueAfter, cueBefore, cueInSentence, verbAt, type Cue } from './cues';
import { PERSON_NOUNS, TITLES } from './lexicon/roles';
import { CLAUSE_WORDS, DETERMINERS, NP_PREPOSITIONS } from './lexicon/words';
import { speechVerb } from './verbs';

const speechVerbForm = (low: string) => !!speechVerb(low);
import type { MarkSpan } from './marks';
import { capRunAround, genderOfTitle, isKnownFirstName, isNameWord, Registry, splitRun, type Gender, type Person } from './names';
import { isPronoun, ROLE_MODIFIERS, roleOf, textOf, type Phrase } from './phrases';
import { sentenceBounds, tokenize, type Tok } from './tokens';
import type { Block, ExtractedQuote, QuoteKind, SpeakerType } from './types';

/** A paragraph with more quotation marks than this is not prose; the rest are not read. */
const MAX_QUOTES_PER_BLOCK = 200;

/** Positions across the article: block index and token index in one number. */
const BLOCK = 1_000_000;
const pos = (b: number, t: number) => b * BLOCK + t;
const blockOf = (p: number) => Math.floor(p / BLOCK);

interface BlockInfo {
  block: Block;
  spans: MarkSpan[];
  toks: Tok[];
  /** token index of each span */
  qtok: number[];
  /** the block's paraphrase cues, computed once */
  cues?: Cue[];
}

function cuesOf(info: BlockInfo): Cue[] {
  info.cues ??= blockCues(info.toks);
  return info.cues;
}

interface Speaker {
  name: string | null;
  type: SpeakerType | null;
  mention: string | null;
  role: string | null;
  person: Person | null;
  gender: Gender;
}

interface Event {
  pos: number;
  speaker: Speaker;
  /** the subject of its sentence */
  salient: boolean;
  /** the speaker of a cue */
  spoke: boolean;
}

const NONE: Speaker = { name: null, type: null, mention: null, role: null, person: null, gender: null };

const INDEFINITE_OR_THE: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another', 'the']);

/** Female and male nouns for people ("spokeswoman", "congressman"). */
const FEMALE_NOUNS = new Set(['spokeswoman', 'congresswoman', 'councilwoman', 'chairwoman', 'businesswoman', 'woman', 'mother', 'daughter', 'wife', 'sister', 'grandmother', 'aunt', 'girl', 'actress', 'queen', 'princess', 'mom', 'niece']);
const MALE_NOUNS = new Set(['spokesman', 'congressman', 'councilman', 'chairman', 'businessman', 'man', 'father', 'son', 'husband', 'brother', 'grandfather', 'uncle', 'boy', 'actor', 'king', 'prince', 'dad', 'nephew']);

/**
 * Nouns a news story uses as a second reference to a person it has named ("the senator", "the
 * Republican nominee", "the 46-year-old"). Other descriptors ("the moderator") may be someone else.
 */
const EPITHETS = new Set(
  `senator governor congressman congresswoman lawmaker mayor president candidate nominee frontrunner front-runner
  secretary minister chancellor premier ambassador chairman chairwoman ceo founder billionaire businessman
  businesswoman tycoon mogul magnate general admiral judge justice sheriff commissioner director host
  anchor star actor actress singer rapper comedian author novelist neurosurgeon surgeon pastor reverend
  pope prince princess king queen monarch dictator leader strongman incumbent challenger vice-president
  speaker representative delegate legislator prosecutor attorney`.split(/\s+/),
);

function genderOfNoun(low: string): Gender {
  return FEMALE_NOUNS.has(low) ? 'f' : MALE_NOUNS.has(low) ? 'm' : null;
}

/**
 * Whether a name run [s, e) is the subject of its sentence: first in it (after at most an opening
 * phrase and role words: "On Monday, Carver spokeswoman Jane Pell said"), and not itself a
 * modifier ("Carver spokeswoman …", "Tramp's").
 */
const CONTRACTION_NEXT = new Set(['been', 'got', 'gotten', 'not', 'never', 'going', 'done', 'said', 'made', 'become', 'already', 'also', 'still', 'just', 'always', 'long', 'now', 'really']);
const CLAUSE_OPENERS = new Set(['but', 'and', 'while', 'whereas', 'although', 'though', 'because', 'as', 'so', 'yet', 'when', 'after', 'before', 'since', 'until', 'then']);

function isSentenceSubject(toks: readonly Tok[], s: number, e: number): boolean {
  const last = toks[e - 1];
  const next = toks[e];
  // "Crest's been making the case": a contraction of "has"/"is", not a possessive
  if (last.poss && !(next && next.k === 'w' && !next.cap && (CONTRACTION_NEXT.has(next.low) || next.low.endsWith('ing')))) return false;
  // "…, but Crest wasn't having it": the subject of a clause opened by a conjunction
  const before = toks[s - 1];
  if (before && before.k === 'w' && CLAUSE_OPENERS.has(before.low) && before.sent === toks[s].sent) return true;
  if (next && next.k === 'w' && !next.cap && (PERSON_NOUNS.has(next.low) || ROLE_MODIFIERS.has(next.low))) return false;
  const sent = toks[s].sent;
  let k = s - 1;
  // role words right before the name, and "the" ("the Electoral Commission")
  while (k >= 0 && toks[k].sent === sent && toks[k].k === 'w' && (toks[k].cap || toks[k].poss || PERSON_NOUNS.has(toks[k].low) || TITLES.has(toks[k].low) || ROLE_MODIFIERS.has(toks[k].low) || toks[k].low === 'the')) k--;
  if (k < 0 || toks[k].sent !== sent) return true;
  if (toks[k].k !== 'p' || toks[k].text !== ',') return false;
  let words = 0;
  for (let i = k - 1; i >= 0 && toks[i].sent === sent; i--) if (toks[i].k === 'w') words++;
  return words <= 12;
}

const QUESTION_OPENERS = new Set(['was', 'is', 'were', 'are', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should']);

/**
 * "Was Szabo satisfied with the answer?" right before "“To a point,” he said.": the person a
 * yes-no question is about is the one who answers it. True for a name right after the opening
 * auxiliary of a sentence that ends with a question mark.
 */
function askedAbout(toks: readonly Tok[], s: number): boolean {
  let a = s - 1;
  // "Was voter Sam Szabo …", "Is the senator's aide …": role words between the auxiliary and the name
  while (a > s - 4 && toks[a]?.k === 'w' && !toks[a].cap && (PERSON_NOUNS.has(toks[a].low) || ROLE_MODIFIERS.has(toks[a].low))) a--;
  const aux = toks[a];
  if (!aux || aux.k !== 'w' || !QUESTION_OPENERS.has(aux.low) || (toks[a - 1] && toks[a - 1].sent === aux.sent)) return false;
  for (let k = s; k < toks.length && toks[k].sent === aux.sent; k++) if (toks[k].k === 'p' && toks[k].text === '?') return true;
  return false;
}

/** Whether the word after a name (skipping an apposition) is a speech verb: "Olsen said". */
function speaksNext(toks: readonly Tok[], e: number): boolean {
  let k = e;
  while (k < toks.length && toks[k].k === 'w' && !toks[k].cap && ['also', 'later', 'then', 'has', 'had', 'once', 'again'].includes(toks[k].low)) k++;
  return !!verbAt(toks, k);
}

/** Role head words from a role text ("State Department spokesperson" → spokesperson). */
function roleHeads(role: string): string[] {
  const out: string[] = [];
  for (const w of role.toLowerCase().split(/[\s,]+/)) {
    const word = w.replace(/\.$/, '');
    if (PERSON_NOUNS.has(word) || TITLES.has(word)) out.push(word);
  }
  return out;
}

const TITLE_TO_NOUN: Record<string, string> = { sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', pres: 'president', sec: 'secretary', prof: 'professor', dr: 'doctor', lt: 'lieutenant', col: 'colonel', capt: 'captain', sgt: 'sergeant', adm: 'admiral', supt: 'superintendent', atty: 'attorney', rev: 'reverend' };

function noteRole(p: Person, role: string): void {
  if (!p.roles.includes(role)) p.roles.push(role);
  for (const h of roleHeads(role)) {
    p.roleHeads.add(h);
    const noun = TITLE_TO_NOUN[h];
    if (noun) p.roleHeads.add(noun);
  }
}

/** Verbs that make their subject plural: a name before them is a group or an organisation. */
const PLURAL_BE_HAVE = new Set(['have', 'are', 'were']);

class Article {
  readonly registry = new Registry();
  readonly events: Event[] = [];

  constructor(readonly infos: BlockInfo[]) {
    this.collectNames();
  }

  /** First pass: every person (and organisation subject) named in the article, with positions. */
  private collectNames(): void {
    const multi: { words: string[]; gender: Gender; pos: number; role: string | null; salient: boolean; strong: boolean; speaks: boolean }[] = [];
    const singles: { word: string; pos: number; salient: boolean; gender: Gender; strong: boolean; speaks: boolean; role: string | null }[] = [];
    this.infos.forEach((info, b) => {
      const toks = info.toks;
      for (let i = 0; i < toks.length; i++) {
        if (!isNameWord(toks[i])) continue;
        const [s, e] = capRunAround(toks, i, 0, toks.length);
        i = e - 1;
        const parts = splitRun(toks, s, e);
        if (!parts) continue;
        const salient = isSentenceSubject(toks, s, e);
        if (parts.type === 'organization' || parts.type === 'place') {
          if (salient && parts.type === 'organization') {
            const name = textOf(toks, parts.nameS, parts.nameE);
            this.events.push({ pos: pos(b, parts.nameS), speaker: { name, type: 'organization', mention: name, role: null, person: null, gender: null }, salient, spoke: false });
          }
          continue;
        }
        const words = toks.slice(parts.nameS, parts.nameE).filter((t) => t.k === 'w').map((t) => t.text);
        if (words.length === 0) continue;
        // "Big Machine have denied it", "Rovers are appealing": a name taking a plural verb is a group
        const after = toks[e];
        if (salient && !parts.titled && after?.k === 'w' && PLURAL_BE_HAVE.has(after.low) && !isKnownFirstName(words[0].toLowerCase())) {
          const name = textOf(toks, parts.nameS, parts.nameE);
          this.events.push({ pos: pos(b, parts.nameS), speaker: { name, type: 'organization', mention: name, role: null, person: null, gender: null }, salient, spoke: false });
          continue;
        }
        let gender: Gender = null;
        for (let k = parts.roleS; k < parts.nameS; k++) gender ??= genderOfTitle(toks[k].low);
        const prev = toks[s - 1];
        let role: string | null = parts.nameS > parts.roleS ? textOf(toks, parts.roleS, parts.nameS) : null;
        if (prev?.k === 'w' && !prev.cap && (PERSON_NOUNS.has(prev.low) || TITLES.has(prev.low))) {
          gender ??= genderOfNoun(prev.low) ?? genderOfTitle(prev.low);
          role ??= prev.text;
        }
        const speaks = speaksNext(toks, e) || (salient && askedAbout(toks, parts.nameS));
        // "in Orlando", "from Jordan": a one-word name after a preposition of place is a place
        const placePrep = words.length === 1 && prev?.k === 'w' && ['in', 'at', 'from', 'to', 'near', 'across', 'outside', 'into', 'of', 'around', 'throughout'].includes(prev.low);
        if (placePrep && !parts.titled) continue;
        const strong = parts.titled || !!role || speaks;
        if (words.length >= 2) multi.push({ words, gender, pos: pos(b, parts.nameS), role, salient, strong, speaks });
        else singles.push({ word: words[0], pos: pos(b, parts.nameS), salient, gender, strong: strong || isKnownFirstName(words[0].toLowerCase()), speaks, role });
      }
    });
    for (const m of multi) {
      const person = this.registry.add(m.words, m.gender, m.pos, m.strong);
      if (m.role) noteRole(person, m.role);
      this.events.push({ pos: m.pos, speaker: this.personSpeaker(person, m.words.join(' '), m.role), salient: m.salient, spoke: m.speaks });
    }
    for (const s of singles) {
      let person = this.registry.resolveSingle(s.word, s.pos, s.gender);
      if (!person && s.strong) person = this.registry.add([s.word], s.gender, s.pos, true);
      if (!person) continue;
      if (s.gender && !person.gender) person.gender = s.gender;
      if (s.strong) person.strong = true;
      if (s.role) noteRole(person, s.role);
      person.mentions.push(s.pos);
      this.events.push({ pos: s.pos, speaker: this.personSpeaker(person, s.word, s.role), salient: s.salient, spoke: s.speaks });
    }
    // unnamed people with a gender: "one mother", "a woman", "the man" (for "she said" / "he said")
    this.infos.forEach((info, b) => {
      const toks = info.toks;
      for (let i = 0; i + 1 < toks.length; i++) {
        const t = toks[i];
        if (t.k !== 'w' || !INDEFINITE_OR_THE.has(t.low)) continue;
        for (let k = i + 1; k < Math.min(toks.length, i + 4); k++) {
          const g = toks[k].k === 'w' ? genderOfNoun(toks[k].low) : null;
          if (!g) continue;
          if (toks[k + 1]?.k === 'w' && !toks[k + 1].cap && PERSON_NOUNS.has(toks[k + 1].low)) break;
          const name = textOf(toks, i, k + 1).replace(/^The\b/, 'the').replace(/^A\b/, 'a').replace(/^An\b/, 'an').replace(/^One\b/, 'one');
          this.events.push({ pos: pos(b, i), speaker: { name, type: 'descriptor', mention: name, role: null, person: null, gender: g }, salient: isSentenceSubject(toks, i, k + 1), spoke: false });
          break;
        }
      }
    });
    for (const p of this.registry.persons) p.mentions.sort((a, b) => a - b);
    this.events.sort((a, b) => a.pos - b.pos);
  }

  /** Add an event in position order. */
  addEvent(e: Event): void {
    let i = this.events.length;
    while (i > 0 && this.events[i - 1].pos > e.pos) i--;
    this.events.splice(i, 0, e);
  }

  /**
   * "He"/"she" outside quotations ("She claimed the label …", "But on Sunday he endorsed …"): always
   * the subject of a clause; resolved in reading order, so the chain of pronouns keeps its referent
   * salient and teaches the referent's gender.
   */
  notePronounSubjects(toks: readonly Tok[], b: number): void {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.k !== 'w' || (t.low !== 'he' && t.low !== 'she')) continue;
      const g: Gender = t.low === 'he' ? 'm' : 'f';
      const r = this.resolvePerson(g, pos(b, i));
      if (!r) continue;
      if (r.person && !r.person.gender) r.person.gender = g;
      this.addEvent({ pos: pos(b, i), speaker: r, salient: true, spoke: false });
    }
  }

  /** The person the article is mostly about: the most mentioned, if clearly so. */
  protagonist(): Person | null {
    let best: Person | null = null;
    for (const p of this.registry.persons) if (p.strong && (!best || p.mentions.length > best.mentions.length)) best = p;
    return best && best.mentions.length >= 3 ? best : null;
  }

  personSpeaker(p: Person, mention: string, role: string | null): Speaker {
    return { name: this.registry.fullName(p), type: 'person', mention, role, person: p, gender: p.gender };
  }

  /** Record a speaker at a position (speakers are the most salient referents for pronouns). */
  addSpeaker(at: number, s: Speaker): void {
    if (!s.name) return;
    if (s.person) s.person.strong = true;
    this.addEvent({ pos: at, speaker: s, salient: true, spoke: true });
  }

  /**
   * "he"/"she" (and definite descriptors such as "the senator"): the best person nearby, scored by
   * recency, being a subject or a speaker, a gender that fits, and evidence of being a person.
   */
  resolvePerson(gender: Gender, at: number, roleHead: string | null = null): Speaker | null {
    const block = blockOf(at);
    const minPos = pos(Math.max(0, block - 4), 0);
    const best = new Map<Person | string, { score: number; speaker: Speaker }>();
    let lastInPrev = false;
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.pos >= at) continue;
      if (e.pos < minPos) break;
      const sp = e.speaker;
      if (sp.type !== 'person' && !(sp.type === 'descriptor' && gender && sp.gender === gender)) continue;
      const g = sp.person?.gender ?? sp.gender;
      if (gender && g && g !== gender) continue;
      const dist = block - blockOf(e.pos);
      let score = dist === 0 ? 85 - Math.min(20, (at - e.pos) / 8) : dist === 1 ? 45 : dist === 2 ? 25 : dist === 3 ? 12 : 5;
      if (e.salient) score += 30;
      if (e.spoke) score += 20;
      if (gender && g === gender) score += 15;
      if (sp.person && !sp.person.strong) score -= 25;
      if (roleHead && sp.person?.roleHeads.has(roleHead)) score += 60;
      if (dist === 1 && !lastInPrev) {
        // the person the previous paragraph ended on ("Then there's Axford.")
        lastInPrev = true;
        score += 12;
      }
      const key = sp.person ?? sp.name ?? '';
      const prev = best.get(key);
      if (!prev || prev.score < score) best.set(key, { score, speaker: sp });
    }
    let top: { score: number; speaker: Speaker } | null = null;
    for (const v of best.values()) if (!top || v.score > top.score) top = v;
    return top?.speaker ?? null;
  }

  /** "it" / "they": the most recent document or organisation speaker or subject nearby. */
  resolveThing(at: number, plural: boolean): Speaker | null {
    const minPos = pos(Math.max(0, blockOf(at) - 4), 0);
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.pos >= at) continue;
      if (e.pos < minPos) break;
      const t = e.speaker.type;
      if ((t === 'document' || t === 'organization') && (e.salient || e.spoke)) return e.speaker;
      if (plural && t === 'descriptor' && e.spoke && e.speaker.name && /s$/.test(e.speaker.name.split(/\s+/)[1] ?? e.speaker.name)) return e.speaker;
    }
    return null;
  }

  /** The position of the latest salient event for a speaker before `at`. */
  private lastPos(sp: Speaker, at: number): number {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.pos < at && (e.salient || e.spoke) && (e.speaker === sp || (sp.person && e.speaker.person === sp.person) || (!sp.person && e.speaker.name === sp.name))) return e.pos;
    }
    return -1;
  }

  /** Whether an indefinite "a/an/one … head" was written in the few blocks before `at` (an unnamed person). */
  /**
   * The gender of the pronouns outside quotations in this paragraph (before `at`) and the two before
   * it, when they are all one gender ("her husband's campaign … said the 46-year-old": a woman).
   */
  private recentPronounGender(at: number): Gender {
    const block = blockOf(at);
    let m = false;
    let f = false;
    for (let b = Math.max(0, block - 2); b <= block; b++) {
      const toks = this.infos[b]?.toks ?? [];
      for (let i = 0; i < toks.length && pos(b, i) < at; i++) {
        const low = toks[i].k === 'w' ? toks[i].low : '';
        if (low === 'he' || low === 'his' || low === 'him' || low === 'himself') m = true;
        else if (low === 'she' || low === 'her' || low === 'hers' || low === 'herself') f = true;
      }
    }
    return m === f ? null : m ? 'm' : 'f';
  }

  private indefiniteBefore(head: string, at: number): boolean {
    const block = blockOf(at);
    for (let b = Math.max(0, block - 3); b <= block; b++) {
      const toks = this.infos[b]?.toks ?? [];
      for (let i = 0; i < toks.length; i++) {
        if (pos(b, i) >= at) break;
        if (toks[i].k !== 'w' || !['a', 'an', 'one', 'another'].includes(toks[i].low)) continue;
        // "a former mayor", not "an explosion that Mayor …": lower-case words of one noun phrase
        for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
          if (toks[k].k !== 'w' || toks[k].cap || ['that', 'who', 'which', 'and', 'or', 'but'].includes(toks[k].low)) break;
          if (toks[k].low === head) return true;
        }
      }
    }
    return false;
  }

  /** Turn a cue's phrase into a speaker. */
  speakerOf(info: BlockInfo, b: number, p: Phrase): Speaker {
    const toks = info.toks;
    const at = pos(b, p.s);
    const mention = textOf(toks, p.s, p.coreE);
    const role = roleOf(toks, p);
    if (p.kind === 'pronoun') {
      if (p.head === 'he' || p.head === 'she') {
        const g: Gender = p.head === 'he' ? 'm' : 'f';
        const r = this.resolvePerson(g, at);
        if (r?.person && !r.person.gender) r.person.gender = g;
        return r ? { ...r, mention } : { ...NONE, mention };
      }
      if (p.head === 'it') {
        const r = this.resolveThing(at, false);
        if (r) return { ...r, mention };
      }
      if (p.head === 'they') {
        // a group or organisation, or a person referred to as "they": whichever spoke or led a sentence last
        const r = this.resolveThing(at, true);
        const person = this.resolvePerson(null, at);
        const thingPos = r ? this.lastPos(r, at) : -1;
        const personPos = person ? this.lastPos(person, at) : -1;
        const pick = thingPos >= personPos ? r : person;
        if (pick) return { ...pick, mention };
      }
      return { ...NONE, mention };
    }
    if (p.kind === 'name') {
      const words = toks.slice(p.coreS, p.coreE).filter((t) => t.k === 'w').map((t) => t.text);
      if (p.type === 'organization') {
        const name = textOf(toks, p.coreS, p.coreE).replace(/^the\s+/i, '');
        return { name, type: 'organization', mention, role, person: null, gender: null };
      }
      let gender: Gender = null;
      for (let k = p.s; k < p.coreS; k++) gender ??= genderOfTitle(toks[k].low) ?? genderOfNoun(toks[k].low);
      let person = words.length >= 2 ? this.registry.add(words, gender, pos(b, p.coreS), true) : this.registry.resolveSingle(words[0], pos(b, p.coreS), gender);
      if (!person && words.length === 1) person = this.registry.add(words, gender, pos(b, p.coreS), true);
      if (person) {
        if (gender && !person.gender) person.gender = gender;
        if (role) noteRole(person, role);
        return this.personSpeaker(person, mention, role);
      }
      return { name: words.join(' ').replace(/['’]s$/, ''), type: 'person', mention, role, person: null, gender };
    }
    // a descriptor noun phrase
    const first = toks[p.s];
    const head = p.head;
    // "Powers's office said": the office speaks for the person
    if (head === 'office' && first.poss && isNameWord(first)) {
      const person = this.registry.resolveSingle(first.text, at);
      if (person) return this.personSpeaker(person, mention, null);
    }
    const definite = first.low === 'the' || first.low === 'this';
    const singular = /^\d+-year-old$/.test(head) || (PERSON_NOUNS.has(head) || TITLES.has(head) ? !/s$/.test(head) || head.endsWith('ss') : false);
    if (definite && singular && p.type === 'descriptor' && (EPITHETS.has(head) || /^\d+-year-old$/.test(head)) && !this.indefiniteBefore(head, at)) {
      // "the senator said" after "Sen. Barbara Minsk": the person the article is talking about
      // an age says nothing of the person's gender; the pronouns around it may ("her husband")
      const age = /^\d+-year-old$/.test(head);
      const r = this.resolvePerson(genderOfNoun(head) ?? (age ? this.recentPronounGender(at) : null), at, head);
      if (r?.person) return { ...r, mention, role: r.role ?? textOf(toks, p.s + 1, p.coreE) };
      const main = this.protagonist();
      if (main) return { ...this.personSpeaker(main, mention, textOf(toks, p.s + 1, p.coreE)) };
    }
    const text = textOf(toks, p.s, p.coreE);
    let name = DETERMINERS.has(first.low) && first.cap ? first.text.toLowerCase() + text.slice(first.text.length) : text;
    // a named organisation is named without its article, as names are ("the Harbor Workers Union" → "Harbor Workers Union")
    if (p.type === 'organization' && first.low === 'the' && toks[p.s + 1]?.cap) name = name.replace(/^the\s+/i, '');
    return { name, type: p.type === 'document' ? 'document' : p.type === 'organization' ? 'organization' : 'descriptor', mention: text, role, person: null, gender: genderOfNoun(head) };
  }

  /** A transcript label inside a quotation ("PENN: And that's why…"). */
  labelSpeaker(text: string, at: number): Speaker | null {
    const m = /^\s*([A-Z][A-Z.'’\- ]{1,28}[A-Z]):\s/.exec(text);
    if (!m) return null;
    const label = m[1].trim();
    const word = label.split(/\s+/).pop() ?? label;
    const titled = word.charAt(0) + word.slice(1).toLowerCase();
    const person = this.registry.resolveSingle(titled, at) ?? this.registry.add([titled], null, at, true);
    return this.personSpeaker(person, label, null);
  }
}

// ------------------------------------------------------------------------------------------------
// classification

const LETTER = /\p{L}/u;

function wordCount(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (LETTER.test(w)) n++;
  return n;
}

function firstLetter(text: string): string {
  const m = /[\p{L}\p{N}]/u.exec(text);
  return m ? m[0] : '';
}

function isUpper(c: string): boolean {
  return c !== '' && c === c.toUpperCase() && c !== c.toLowerCase();
}

const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs', 'is', 'as', 'but', 'nor']);
const TITLE_BEFORE = new Set(['on', 'in', 'titled', 'entitled', 'called', 'named', 'dubbed', 'book', 'film', 'movie', 'show', 'program', 'programme', 'song', 'album', 'series', 'column', 'article', 'headline', 'headlined', 'episode', 'play', 'novel', 'documentary', 'hashtag', 'slogan', 'banner', 'sign', 'reading', 'read', 'reads', 'saying', 'says', 'shirt', 't-shirt', 'hat', 'magazine', 'newsletter', 'podcast', 'report', 'memo', 'essay', 'op-ed', 'editorial', 'speech', 'tour', 'campaign', 'initiative', 'act', 'bill', 'plan', 'operation', 'award']);

/** Title-case words: a title, name or slogan rather than a statement. */
function isTitleCase(text: string): boolean {
  const words = text.trim().replace(/[.,;:!?]+$/, '').split(/\s+/).filter((w) => LETTER.test(w));
  if (words.length < 1 || words.length > 12) return false;
  let capitalised = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isUpper(firstLetter(w))) capitalised++;
    else if (i === 0 || !TITLE_SMALL.has(w.toLowerCase())) return false;
  }
  return capitalised >= 1;
}

const TRAILING_CUE = /,\s+(?:according to\s[^“”"]{2,80}|(?:[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}|he|she|they|it)\s+(?:said|says|added|wrote|told\s[^,.“”"]{1,40}))[^“”"]{0,40}[.]?\s*$/u;

/**
 * An unclosed quotation often swallows its own cue ("…to stop the work, according to the report.").
 * Give it back: end the quotation before a trailing ", according to X" or ", X said".
 */
function trimUnclosed(text: string, span: MarkSpan): MarkSpan {
  if (span.closed) return span;
  const inner = text.slice(span.start, span.end);
  const m = TRAILING_CUE.exec(inner);
  if (!m || m.index < 12) return span;
  const end = span.start + m.index;
  return { ...span, end, close: end };
}

// ------------------------------------------------------------------------------------------------

/**
 * How sure the engine is of a speaker, by how it was found: about the share of right speakers for
 * each way on the PolNeAR dev set (direct quotes with a named speaker), rounded down.
 */
const CONFIDENCE = {
  adjacentName: 0.95, // "…," Miller said / said Miller
  nearName: 0.9, // Miller said: "…" / Miller called it "…"
  sentence: 0.85, // a speech verb elsewhere in the sentence
  pronoun: 0.85, // "…," he said (resolved)
  farPronoun: 0.7,
  descriptor: 0.8, // the letter said / a spokesman said
  participle: 0.8, // "…, adding", "saying"
  chain: 0.9, // "A," he said. "B."
  label: 0.85, // "— Name", "Name:", transcript labels
  continuation: 0.9, // the next paragraph of an open quotation
  block: 0.75, // the paragraph's paraphrase cue
  colon: 0.7, // the previous paragraph ends "… said:"
  previous: 0.6, // the speaker of the previous paragraph
  none: 0.2,
} as const;

function cueConfidence(cue: Cue | null): number {
  if (!cue?.phrase) return cue?.participle ? CONFIDENCE.participle : 0;
  if (cue.phrase.kind === 'pronoun') return cue.adjacent ? CONFIDENCE.pronoun : CONFIDENCE.farPronoun;
  if (cue.phrase.kind === 'np') return CONFIDENCE.descriptor;
  if (cue.participle) return CONFIDENCE.participle;
  if (cue.where === 'sentence') return CONFIDENCE.sentence;
  return cue.adjacent && cue.where === 'after' ? CONFIDENCE.adjacentName : CONFIDENCE.nearName;
}

interface Found {
  span: MarkSpan;
  tok: number;
  cue: Cue | null;
  speaker: Speaker;
  confidence: number;
  /** how the speaker was found */
  via: 'cue' | 'label' | 'chain' | 'block' | 'continuation' | 'colon' | 'previous' | 'none';
}

export function attribute(blocks: readonly Block[], allSpans: readonly MarkSpan[][], debug = false): ExtractedQuote[] {
  const infos: BlockInfo[] = blocks.map((block, b) => {
    const spans = (allSpans[b] ?? []).slice(0, MAX_QUOTES_PER_BLOCK).map((s) => trimUnclosed(block.text, s));
    const toks = tokenize(block.text, spans);
    const qtok: number[] = [];
    toks.forEach((t, i) => {
      if (t.k === 'q') qtok[t.q] = i;
    });
    return { block, spans, toks, qtok };
  });
  const article = new Article(infos);
  const out: ExtractedQuote[] = [];
  /** how each quote of `out` got its speaker */
  const vias: Found['via'][] = [];
  let prevFound: Found[] = [];
  let prevSpeaker: Speaker | null = null;

  infos.forEach((info, b) => {
    const { toks, spans, block } = info;
    const found: Found[] = [];
    article.notePronounSubjects(toks, b);
    // 0. who speaks in this block's paraphrase ("Villa said Tyvan would …") is salient for its pronouns
    for (const c of cuesOf(info)) {
      if (c.phrase && c.phrase.kind !== 'pronoun') {
        const sp = article.speakerOf(info, b, c.phrase);
        if (sp.name) article.addSpeaker(pos(b, c.verb), sp);
      }
    }
    // 1. each quotation's own cue
    const bounds = sentenceBounds(toks);
    spans.forEach((span, qi) => {
      const q = info.qtok[qi];
      if (q === undefined) return;
      // the quotation's sentence, looked at no further than 150 tokens either side (a sentence that
      // never ends, on a hostile page, would make every quotation in it scan all of it)
      const lo = Math.max(bounds.starts[q], q - 150);
      const hi = Math.min(bounds.ends[q] - 1, q + 150);
      const label = article.labelSpeaker(toks[q].text, pos(b, q));
      if (label) {
        found.push({ span, tok: q, cue: null, speaker: label, confidence: CONFIDENCE.label, via: 'label' });
        return;
      }
      const after = cueAfter(toks, q);
      const before = cueBefore(toks, q, lo);
      const prev = toks[q - 1];
      const embedded = !!prev && prev.k === 'w' && !isUpper(firstLetter(toks[q].text));
      let cue: Cue | null = null;
      if (after && !after.participle && after.phrase && !(embedded && before?.phrase)) cue = after;
      else if (before && (before.phrase || before.participle)) cue = before;
      else if (after?.participle) cue = after;
      else cue = cueInSentence(toks, q, lo, hi + 1) ?? colonIntroduced(toks, q, lo);
      let speaker = NONE;
      if (cue?.phrase) speaker = article.speakerOf(info, b, cue.phrase);
      if (!speaker.name && !cue) {
        const labelEnd = labelBefore(toks, q);
        if (labelEnd !== null) {
          const p = { kind: 'name' as const, s: labelEnd, e: labelEnd + 1, coreS: labelEnd, coreE: labelEnd + 1, role: null, head: toks[labelEnd].low, type: 'person' as const };
          const [rs, re] = capRunAround(toks, labelEnd, 0, labelEnd + 1);
          const parts = splitRun(toks, rs, re);
          if (parts) {
            speaker = article.speakerOf(info, b, { ...p, s: parts.roleS, coreS: parts.nameS, coreE: parts.nameE });
            found.push({ span, tok: q, cue: { verb: q - 1, sv: null, phrase: null, s: rs, e: q - 1, where: 'before', adjacent: true, participle: false }, speaker, confidence: CONFIDENCE.label, via: 'label' });
            return;
          }
        }
      }
      found.push({ span, tok: q, cue, speaker, confidence: cueConfidence(cue), via: speaker.name ? 'cue' : 'none' });
      if (speaker.name && cue) article.addSpeaker(pos(b, cue.verb), speaker);
    });
    // 2. participles and chains: a quotation with no speaker of its own takes its neighbour's, the
    // one whose cue is closest ("A," she said. "B." / "A." "B," she said.)
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      if (f.speaker.name) continue;
      let pick: Found | null = null;
      let pickDist = Infinity;
      for (let k = Math.max(0, i - 4); k < Math.min(found.length, i + 5); k++) {
        const x = found[k];
        if (k === i || !x.speaker.name || !x.cue || (x.via !== 'cue' && x.via !== 'label')) continue;
        if (f.cue?.participle && k > i) continue;
        const d = Math.min(Math.abs(x.cue.verb - f.tok), Math.abs(x.cue.s - f.tok), Math.abs(x.cue.e - f.tok));
        if (d < pickDist) {
          pickDist = d;
          pick = x;
        }
      }
      if (pick && pickDist <= 40) {
        f.speaker = pick.speaker;
        f.confidence = CONFIDENCE.chain;
        f.via = 'chain';
      }
    }
    // 3. the block's own paraphrase cues ("Smith said the plan would fail. "It is a disaster."")
    if (found.some((f) => !f.speaker.name)) {
      const cues = cuesOf(info);
      for (const f of found) {
        if (f.speaker.name) continue;
        let best: Cue | null = null;
        for (const c of cues) if (!best || Math.abs(c.verb - f.tok) < Math.abs(best.verb - f.tok)) best = c;
        if (best?.phrase) {
          const s = article.speakerOf(info, b, best.phrase);
          if (s.name) {
            f.speaker = s;
            f.cue = best;
            f.confidence = CONFIDENCE.block;
            f.via = 'block';
          }
        }
      }
    }
    // 3b. an attribution line after the quotation ("— Ben Sayers.") in the next block
    const nextBlock = infos[b + 1];
    if (nextBlock && found.some((f) => !f.speaker.name)) {
      const nt = nextBlock.toks;
      if (nt.length >= 2 && nt.length <= 8 && nt[0].k === 'p' && '-–—―'.includes(nt[0].text) && isNameWord(nt[1])) {
        const [rs, re] = capRunAround(nt, 1, 1, nt.length);
        const parts = splitRun(nt, rs, re);
        if (parts && parts.type !== 'place' && re >= nt.length - 1) {
          const sp = article.speakerOf(nextBlock, b + 1, { kind: 'name', s: parts.roleS, e: re, coreS: parts.nameS, coreE: parts.nameE, role: null, head: nt[parts.nameE - 1].low, type: parts.type === 'organization' ? 'organization' : 'person' });
          for (const f of found) {
            if (f.speaker.name || !sp.name) continue;
            f.speaker = sp;
            f.confidence = CONFIDENCE.label;
            f.via = 'label';
            f.cue = { verb: f.tok, sv: null, phrase: null, s: f.tok, e: f.tok, where: 'after', adjacent: true, participle: false };
          }
        }
      }
    }
    // 4. context: a quotation continued from the previous block, or introduced by a colon there
    let firstNonPunct = 0;
    while (firstNonPunct < toks.length && toks[firstNonPunct].k === 'p') firstNonPunct++;
    for (const f of found) {
      if (f.speaker.name) continue;
      const startsBlock = f.tok <= firstNonPunct;
      const lastPrev = prevFound[prevFound.length - 1];
      if (startsBlock && lastPrev && !lastPrev.span.closed && lastPrev.speaker.name) {
        f.speaker = lastPrev.speaker;
        f.confidence = CONFIDENCE.continuation;
        f.via = 'continuation';
      } else if (startsBlock && b > 0 && /:\s*$/.test(infos[b - 1].block.text) && prevSpeaker) {
        f.speaker = prevSpeaker;
        f.confidence = CONFIDENCE.colon;
        f.via = 'colon';
      } else if (startsBlock && prevSpeaker && isUpper(firstLetter(toks[f.tok].text))) {
        f.speaker = prevSpeaker;
        f.confidence = CONFIDENCE.previous;
        f.via = 'previous';
      }
    }
    // speakers found from context become salient for pronouns in later blocks
    for (const f of found) if (f.speaker.name && f.via !== 'cue' && f.via !== 'label') article.addSpeaker(pos(b, f.tok), f.speaker);

    // 5. decide which are statements and emit
    for (const f of found) {
      const q = emit(info, b, f);
      if (q && debug) q.trace = `${f.via}${f.cue ? `:${f.cue.where}${f.cue.adjacent ? '+adj' : ''}${f.cue.participle ? '+part' : ''}` : ''}${f.cue?.phrase ? `:${f.cue.phrase.kind}` : ''}`;
      if (q) {
        out.push(q);
        vias.push(f.via);
      }
    }
    // what the next block inherits; a caption between paragraphs is outside the article's flow
    // (a quotation left open before a photo goes on after it)
    if (block.kind === 'caption' && found.length === 0) return;
    const colonCue = /:\s*$/.test(block.text) ? lastCueSpeaker(article, info, b) : null;
    let lastNamed: Found | null = null;
    for (const f of found) if (f.speaker.name && (!lastNamed || cuePos(f) >= cuePos(lastNamed))) lastNamed = f;
    prevSpeaker = colonCue ?? lastNamed?.speaker ?? blockSpeaker(article, info, b) ?? (found.length ? null : prevSpeaker);
    // a block without quotations (a teaser the reader let through, a one-line aside) does not end
    // a quotation left open before it
    if (found.length || /:\s*$/.test(block.text) || (info.cues?.length ?? 0) > 0) prevFound = found;
  });
  echoedSpeakers(out, vias, infos);
  return out;
}

/** Lower case words only, for comparing wordings. */
function plainWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A highlight or pull quote set apart from the text (a list item, a blockquote) that repeats words
 * quoted in the body ("My fears have been realized" above "…, Moran told the committee, “… My
 * fears have been realized.”"): the body's cue names its speaker.
 */
function echoedSpeakers(out: ExtractedQuote[], vias: Found['via'][], infos: readonly BlockInfo[]): void {
  let cued: (string | null)[] | null = null;
  let lookups = 0;
  out.forEach((q, i) => {
    if (vias[i] === 'cue' || vias[i] === 'label') return;
    const block = infos[q.block]?.block;
    // set apart: a list item, a blockquote, or a block that is nothing but the quotation (a subhead)
    const apart = block && (block.kind === 'list-item' || block.kind === 'blockquote' || (block.text.length <= q.quote.length + 12 && plainWords(block.text) === plainWords(q.quote)));
    // a bounded number of lookups, each over the cued quotes: linear on any input
    if (!apart || ++lookups > 50) return;
    cued ??= out.map((c, k) => ((vias[k] === 'cue' || vias[k] === 'label') && c.speaker ? plainWords(c.quote) : null));
    const words = plainWords(q.quote);
    if (words.split(' ').length < 3) return;
    const j = cued.findIndex((c, k) => k !== i && c !== null && c.includes(words));
    if (j < 0) return;
    const src = out[j];
    out[i] = { ...q, speaker: src.speaker, mention: src.mention, speakerType: src.speakerType, role: src.role, cue: null, confidence: Math.min(src.confidence, 0.85) };
    vias[i] = 'previous';
  });
}

/** Where a quotation's speaker is named in its block: its cue, else the quotation itself. */
function cuePos(f: Found): number {
  return f.cue && (f.via === 'cue' || f.via === 'label') ? Math.max(f.cue.verb, f.cue.e - 1) : f.tok;
}

/** The speaker of the last cue in a block ending with a colon ("Miller told reporters:"). */
function lastCueSpeaker(article: Article, info: BlockInfo, b: number): Speaker | null {
  const toks = info.toks;
  // "Stated Stone:" / "Said the senator:": an inverted verb opening the sentence
  let s = toks.length - 1;
  while (s > 0 && toks[s - 1].sent === toks[toks.length - 1].sent) s--;
  const first = toks[s];
  if (first && first.k === 'w' && first.cap && verbAt(toks, s)) {
    const after = cueAfter(toks, s - 1 >= 0 ? s - 1 : 0);
    if (after?.phrase) {
      const sp = article.speakerOf(info, b, after.phrase);
      if (sp.name) return sp;
    }
  }
  const cues = cuesOf(info);
  const last = cues[cues.length - 1];
  if (!last?.phrase) return null;
  const sp = article.speakerOf(info, b, last.phrase);
  return sp.name ? sp : null;
}

/** A block's last paraphrase cue ("Miller said the agency …") sets who speaks next. */
function blockSpeaker(article: Article, info: BlockInfo, b: number): Speaker | null {
  const cues = cuesOf(info);
  const last = cues[cues.length - 1];
  if (!last?.phrase) return null;
  const s = article.speakerOf(info, b, last.phrase);
  if (s.name) article.addSpeaker(pos(b, last.verb), s);
  return s.name ? s : null;
}

/** Words that can follow a quotation without it being a modifier of a noun. */
const NOT_A_NOUN = new Set(
  `to by about over into after before during since than is was are were be been has have had will would can could may
  might should must did does do not but or nor among amongst across against amid amidst around without within toward
  towards upon under between behind beyond despite except like unlike per via onto out off up down through throughout
  as if because while though although unless until whereas whether so yet also even just only still again too instead
  rather here there now then today yesterday tomorrow tonight soon later earlier ago all both each either neither`.split(/\s+/),
);

const TERM_BEFORE = new Set(['term', 'terms', 'word', 'words', 'phrase', 'phrases', 'label', 'labels', 'slogan', 'motto', 'so-called', 'dubbed', 'nicknamed', 'known', 'coined', 'hashtag', 'name', 'title', 'called']);

/**
 * A short quotation used as a term rather than as someone's words: after "the term", "the so-called",
 * "known as", or modifying the noun after it ("the “one country, two systems” formula").
 */
function isTermUse(toks: readonly Tok[], q: number): boolean {
  const prev = toks[q - 1];
  if (prev?.k === 'w' && TERM_BEFORE.has(prev.low)) return true;
  if (prev?.k === 'w' && prev.low === 'as' && toks[q - 2]?.k === 'w' && ['known', 'referred', 'described', 'billed', 'branded', 'dubbed'].includes(toks[q - 2].low)) return true;
  const next = toks[q + 1];
  if (next?.k === 'w' && !next.cap && !CLAUSE_WORDS.has(next.low) && !NP_PREPOSITIONS.has(next.low) && !DETERMINERS.has(next.low) && !NOT_A_NOUN.has(next.low) && !speechVerbForm(next.low) && !next.low.endsWith('ly') && !next.low.endsWith('ed') && !next.low.endsWith('ing')) return true;
  return false;
}

function emit(info: BlockInfo, b: number, f: Found): ExtractedQuote | null {
  const { block, toks } = info;
  const text = block.text.slice(f.span.start, f.span.end);
  const trimmed = text.trim();
  if (!trimmed || !LETTER.test(trimmed)) return null;
  if (block.kind === 'heading' || block.kind === 'byline') return null;
  const words = wordCount(trimmed);
  const hasCue = !!f.cue && (f.via === 'cue' || f.via === 'label');
  const adjacent = hasCue && !!f.cue?.adjacent;
  if (block.kind === 'caption' && !hasCue) return null;
  const first = firstLetter(trimmed);
  const prev = toks[f.tok - 1];
  const next = toks[f.tok + 1];
  const embedded = !!prev && prev.k === 'w';
  let kind: QuoteKind;
  if (block.kind === 'blockquote') kind = 'block';
  else if (!isUpper(first) && embedded) kind = 'partial';
  else if (!isUpper(first) && !/[,.!?]$/.test(trimmed) && !(next && next.k === 'p' && ',.'.includes(next.text))) kind = 'partial';
  else if (embedded && words < 4 && prev && DETERMINERS.has(prev.low)) kind = 'partial';
  else kind = 'direct';
  // not statements: titles of works, names, slogans, nicknames, scare quotes
  if (isTitleCase(trimmed) && !/[!?]$/.test(trimmed)) {
    const before = prev?.k === 'w' ? prev : null;
    if (!adjacent || (before && (before.poss || TITLE_BEFORE.has(before.low) || before.low === 'told'))) return null;
  }
  // a short fragment far from its cue is a scare quote or a term, not someone's words; unless it
  // is the object of a named speaker's speech verb earlier in its sentence ("Miller said … the
  // “diversity of views”")
  if (words <= 4 && kind !== 'direct' && isTermUse(toks, f.tok)) return null;
  const namedBefore = hasCue && !!f.cue && f.cue.verb < f.tok && toks[f.cue.verb]?.sent === toks[f.tok].sent && !!f.cue.phrase && f.cue.phrase.kind === 'name' && (f.cue.sv?.strong ?? false);
  if (words < 4 && !adjacent && !(namedBefore && words >= 2)) return null;
  if (words === 1 && !(adjacent && !embedded && /[.!?,]$/.test(trimmed))) return null;
  if (!f.speaker.name && words < 6) return null;
  const speaker = f.speaker;
  const cue = f.cue && f.via !== 'previous' && f.via !== 'continuation' ? textOf(toks, f.cue.s, f.cue.e) || null : null;
  let confidence = f.confidence || CONFIDENCE.none;
  if (kind === 'partial') confidence *= 0.9;
  if (!speaker.name) confidence = Math.min(confidence, CONFIDENCE.none);
  return {
    quote: text,
    speaker: speaker.name,
    mention: speaker.mention,
    speakerType: speaker.type,
    role: speaker.role ?? speaker.person?.roles[0] ?? null,
    cue,
    kind,
    block: b,
    start: f.span.start,
    end: f.span.end,
    confidence: Math.round(confidence * 100) / 100,
  };
}

export { isPronoun };
