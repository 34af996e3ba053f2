/**
 * Attribution: for each quotation span, decide whether it is someone's statement, find its cue and
 * speaker, and resolve the speaker to the fullest name the article gives (surnames, pronouns,
 * descriptors that the article names elsewhere, "it" for a document).
 */
import { blockCues, cueAfter, cueBefore, cueInSentence, type Cue } from './cues';
import { DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, TITLES } from './lexicon/roles';
import { DETERMINERS } from './lexicon/words';
import type { MarkSpan } from './marks';
import { capRunAround, genderOfTitle, isNameWord, Registry, splitRun, type Gender, type Person } from './names';
import { roleOf, textOf, type Phrase } from './phrases';
import { tokenize, type Tok } from './tokens';
import type { Block, ExtractedQuote, QuoteKind, SpeakerType } from './types';

/** Positions across the article: block index and token index in one number. */
const BLOCK = 1_000_000;
const pos = (b: number, t: number) => b * BLOCK + t;

interface BlockInfo {
  block: Block;
  spans: MarkSpan[];
  toks: Tok[];
  /** token index of each span */
  qtok: number[];
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
  /** a subject or speaker (salient), not just a mention */
  salient: boolean;
}

const NONE: Speaker = { name: null, type: null, mention: null, role: null, person: null, gender: null };

/** Whether a name run is the subject of its sentence: first in it, after at most an opening phrase. */
function isSentenceSubject(toks: readonly Tok[], s: number): boolean {
  const sent = toks[s].sent;
  let k = s - 1;
  let words = 0;
  while (k >= 0 && toks[k].sent === sent) {
    if (toks[k].k === 'w') words++;
    k--;
  }
  if (words === 0) return true;
  const prev = toks[s - 1];
  return !!prev && prev.k === 'p' && prev.text === ',' && words <= 10;
}

class Article {
  readonly registry = new Registry();
  readonly events: Event[] = [];

  constructor(readonly infos: BlockInfo[]) {
    this.collectNames();
  }

  /** First pass: every person named in the article, with positions and salience. */
  private collectNames(): void {
    const pending: { words: string[]; gender: Gender; pos: number; role: string | null; salient: boolean }[] = [];
    const singles: { word: string; pos: number; salient: boolean; gender: Gender }[] = [];
    this.infos.forEach((info, b) => {
      const toks = info.toks;
      for (let i = 0; i < toks.length; i++) {
        if (!isNameWord(toks[i])) continue;
        const [s, e] = capRunAround(toks, i, 0, toks.length);
        i = e - 1;
        const parts = splitRun(toks, s, e);
        if (!parts || parts.type === 'organization') continue;
        const words = toks.slice(parts.nameS, parts.nameE).filter((t) => t.k === 'w').map((t) => t.text);
        if (words.length === 0) continue;
        let gender: Gender = null;
        for (let k = parts.roleS; k < parts.nameS; k++) gender ??= genderOfTitle(toks[k].low);
        const prevWord = toks[s - 1];
        if (!gender && prevWord?.k === 'w') gender = genderOfTitle(prevWord.low);
        const salient = isSentenceSubject(toks, s);
        const hasTitle = parts.nameS > parts.roleS;
        if (words.length >= 2 && parts.type === 'person') pending.push({ words, gender, pos: pos(b, parts.nameS), role: null, salient });
        else if (words.length === 1) singles.push({ word: words[0], pos: pos(b, parts.nameS), salient, gender });
      }
    });
    for (const p of pending) {
      const person = this.registry.add(p.words, p.gender, p.pos);
      this.events.push({ pos: p.pos, speaker: this.personSpeaker(person, p.words.join(' '), null), salient: p.salient });
    }
    for (const s of singles) {
      const person = this.registry.resolveSingle(s.word, s.pos);
      if (!person) continue;
      if (s.gender && !person.gender) person.gender = s.gender;
      person.mentions.push(s.pos);
      this.events.push({ pos: s.pos, speaker: this.personSpeaker(person, s.word, null), salient: s.salient });
    }
    for (const p of this.registry.persons) p.mentions.sort((a, b) => a - b);
    this.events.sort((a, b) => a.pos - b.pos);
  }

  personSpeaker(p: Person, mention: string, role: string | null): Speaker {
    return { name: this.registry.fullName(p), type: 'person', mention, role, person: p, gender: p.gender };
  }

  /** Record a speaker at a position (speakers are the most salient referents for pronouns). */
  addSpeaker(at: number, s: Speaker): void {
    if (!s.name) return;
    const e: Event = { pos: at, speaker: s, salient: true };
    let i = this.events.length;
    while (i > 0 && this.events[i - 1].pos > at) i--;
    this.events.splice(i, 0, e);
  }

  /** "he"/"she": the most recent salient person of that gender (or unknown gender) nearby. */
  resolvePerson(gender: Gender, at: number, block: number): Speaker | null {
    const minPos = pos(Math.max(0, block - 4), 0);
    let fallback: Speaker | null = null;
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.pos >= at) continue;
      if (e.pos < minPos) break;
      const sp = e.speaker;
      if (sp.type !== 'person') continue;
      const g = sp.person?.gender ?? sp.gender;
      if (gender && g && g !== gender) continue;
      if (e.salient) return sp;
      fallback ??= sp;
    }
    return fallback;
  }

  /** "it": the most recent document or organisation speaker or subject nearby. */
  resolveThing(at: number, block: number, plural: boolean): Speaker | null {
    const minPos = pos(Math.max(0, block - 4), 0);
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.pos >= at) continue;
      if (e.pos < minPos) break;
      const t = e.speaker.type;
      if (t === 'document' || t === 'organization') return e.speaker;
      if (plural && t === 'descriptor' && e.speaker.name && /s$/.test(e.speaker.name)) return e.speaker;
    }
    return null;
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
        const r = this.resolvePerson(g, at, b);
        if (r?.person && !r.person.gender) r.person.gender = g;
        return r ? { ...r, mention } : { ...NONE, mention };
      }
      if (p.head === 'it' || p.head === 'they') {
        const r = this.resolveThing(at, b, p.head === 'they');
        if (r) return { ...r, mention };
        if (p.head === 'they') {
          const person = this.resolvePerson(null, at, b);
          return person ? { ...person, mention } : { ...NONE, mention };
        }
      }
      return { ...NONE, mention };
    }
    if (p.kind === 'name') {
      const words = toks.slice(p.coreS, p.coreE).filter((t) => t.k === 'w').map((t) => t.text);
      if (p.type === 'organization') {
        const name = mention.replace(/^the\s+/i, '');
        return { name, type: 'organization', mention, role, person: null, gender: null };
      }
      let gender: Gender = null;
      for (let k = p.s; k < p.coreS; k++) gender ??= genderOfTitle(toks[k].low);
      const person = words.length >= 2 ? this.registry.add(words, gender, pos(b, p.coreS)) : this.registry.resolveSingle(words[0], pos(b, p.coreS));
      if (person) {
        if (gender && !person.gender) person.gender = gender;
        if (role) noteRole(person, role);
        return this.personSpeaker(person, mention, role);
      }
      const name = words.join(' ').replace(/['’]s$/, '');
      return { name, type: p.type === 'person' ? 'person' : 'person', mention, role, person: null, gender };
    }
    // a descriptor noun phrase
    const text = textOf(toks, p.s, p.coreE);
    const head = p.head;
    const first = toks[p.s];
    const definite = first.low === 'the' || first.low === 'this';
    if (definite && PERSON_NOUNS.has(head) && !head.endsWith('s')) {
      // "the spokesperson said" after "State Department spokesperson Matthew Miller"
      const withRole = this.registry.withRole(head);
      if (withRole.length) {
        let best = withRole[0];
        let bestPos = -1;
        for (const w of withRole) {
          const last = w.mentions.filter((m) => m <= at).pop() ?? -1;
          if (last > bestPos) {
            bestPos = last;
            best = w;
          }
        }
        return this.personSpeaker(best, text, role);
      }
    }
    const name = DETERMINERS.has(first.low) && first.cap ? first.text.toLowerCase() + text.slice(first.text.length) : text;
    return { name, type: p.type === 'document' ? 'document' : p.type === 'organization' ? 'organization' : 'descriptor', mention: text, role, person: null, gender: null };
  }
}

function noteRole(p: Person, role: string): void {
  if (!p.roles.includes(role)) p.roles.push(role);
  for (const w of role.toLowerCase().split(/[\s,]+/)) {
    const word = w.replace(/\.$/, '');
    if (PERSON_NOUNS.has(word) || TITLES.has(word)) p.roleHeads.add(word);
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

/** Title-case words with no final punctuation: a title, name or slogan, not a statement. */
function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (/[.!?,;:]$/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => LETTER.test(w));
  if (words.length < 2 || words.length > 10) return false;
  const small = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs', 'is']);
  return words.every((w, i) => isUpper(firstLetter(w)) || (i > 0 && small.has(w.toLowerCase())));
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

interface Found {
  span: MarkSpan;
  tok: number;
  cue: Cue | null;
  speaker: Speaker;
  confidence: number;
  /** how the speaker was found */
  via: 'cue' | 'chain' | 'block' | 'continuation' | 'colon' | 'previous' | 'none';
}

export function attribute(blocks: readonly Block[], allSpans: readonly MarkSpan[][]): ExtractedQuote[] {
  const infos: BlockInfo[] = blocks.map((block, b) => {
    const spans = (allSpans[b] ?? []).map((s) => trimUnclosed(block.text, s));
    const toks = tokenize(block.text, spans);
    const qtok: number[] = [];
    toks.forEach((t, i) => {
      if (t.k === 'q') qtok[t.q] = i;
    });
    return { block, spans, toks, qtok };
  });
  const article = new Article(infos);
  const out: ExtractedQuote[] = [];
  let prevFound: Found[] = [];
  let prevSpeaker: Speaker | null = null;

  infos.forEach((info, b) => {
    const { toks, spans, block } = info;
    const found: Found[] = [];
    // 1. each quotation's own cue
    spans.forEach((span, qi) => {
      const q = info.qtok[qi];
      if (q === undefined) return;
      let lo = q;
      while (lo > 0 && toks[lo - 1].sent === toks[q].sent) lo--;
      let hi = q;
      while (hi + 1 < toks.length && toks[hi + 1].sent === toks[q].sent) hi++;
      const after = cueAfter(toks, q);
      const before = cueBefore(toks, q, lo);
      const prev = toks[q - 1];
      const embedded = !!prev && prev.k === 'w' && !isUpper(firstLetter(span.closed ? toks[q].text : toks[q].text));
      let cue: Cue | null = null;
      if (after && !after.participle && after.phrase && !(embedded && before?.phrase)) cue = after;
      else if (before && (before.phrase || before.participle)) cue = before;
      else if (after?.participle) cue = after;
      else cue = cueInSentence(toks, q, lo, hi + 1);
      let speaker = NONE;
      if (cue?.phrase) speaker = article.speakerOf(info, b, cue.phrase);
      found.push({ span, tok: q, cue, speaker, confidence: cue ? (cue.adjacent ? 0.9 : 0.75) : 0, via: cue?.phrase ? 'cue' : 'none' });
    });
    // 2. participles and chains: a quotation with no speaker of its own takes its neighbour's
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      if (f.speaker.name) continue;
      const next = found.slice(i + 1).find((x) => x.speaker.name && x.tok - f.tok <= 12 && x.via === 'cue');
      const prevQ = [...found.slice(0, i)].reverse().find((x) => x.speaker.name);
      const pick = f.cue?.participle ? (prevQ ?? next) : (next ?? prevQ);
      if (pick) {
        f.speaker = pick.speaker;
        f.confidence = 0.7;
        f.via = 'chain';
      }
    }
    // 3. the block's own paraphrase cues ("Smith said the plan would fail. "It is a disaster."")
    const unresolved = found.filter((f) => !f.speaker.name);
    if (unresolved.length) {
      const cues = blockCues(toks);
      for (const f of unresolved) {
        let best: Cue | null = null;
        for (const c of cues) if (!best || Math.abs(c.verb - f.tok) < Math.abs(best.verb - f.tok)) best = c;
        if (best?.phrase) {
          const s = article.speakerOf(info, b, best.phrase);
          if (s.name) {
            f.speaker = s;
            f.cue = best;
            f.confidence = 0.6;
            f.via = 'block';
          }
        }
      }
    }
    // 4. context: a quotation continued from the previous block, or introduced by a colon there
    for (const f of found) {
      if (f.speaker.name) continue;
      const startsBlock = toks.slice(0, f.tok).every((t) => t.k === 'p');
      const lastPrev = prevFound[prevFound.length - 1];
      if (startsBlock && lastPrev && !lastPrev.span.closed && lastPrev.speaker.name) {
        f.speaker = lastPrev.speaker;
        f.confidence = 0.8;
        f.via = 'continuation';
      } else if (startsBlock && b > 0 && /:\s*$/.test(infos[b - 1].block.text) && prevSpeaker) {
        f.speaker = prevSpeaker;
        f.confidence = 0.75;
        f.via = 'colon';
      } else if (startsBlock && prevSpeaker && isUpper(firstLetter(toks[f.tok].text))) {
        f.speaker = prevSpeaker;
        f.confidence = 0.5;
        f.via = 'previous';
      }
    }
    // the block's speakers become salient for pronouns in later blocks
    for (const f of found) if (f.speaker.name && f.cue) article.addSpeaker(pos(b, f.cue.verb), f.speaker);

    // 5. decide which are statements and emit
    for (const f of found) {
      const q = emit(info, b, f);
      if (q) out.push(q);
    }
    // what the next block inherits
    const colonCue = /:\s*$/.test(block.text) ? lastCueSpeaker(article, info, b) : null;
    const lastNamed = [...found].reverse().find((f) => f.speaker.name);
    prevSpeaker = colonCue ?? lastNamed?.speaker ?? (found.length ? null : blockSpeaker(article, info, b) ?? prevSpeaker);
    prevFound = found;
  });
  return out;
}

/** The speaker of the last cue in a block ending with a colon ("Miller told reporters:"). */
function lastCueSpeaker(article: Article, info: BlockInfo, b: number): Speaker | null {
  const cues = blockCues(info.toks);
  const last = cues[cues.length - 1];
  if (!last?.phrase) return null;
  const s = article.speakerOf(info, b, last.phrase);
  return s.name ? s : null;
}

/** A block with no quotation but a speech verb ("Miller said the agency …") sets who speaks next. */
function blockSpeaker(article: Article, info: BlockInfo, b: number): Speaker | null {
  const cues = blockCues(info.toks);
  const last = cues[cues.length - 1];
  if (!last?.phrase) return null;
  const s = article.speakerOf(info, b, last.phrase);
  if (s.name) article.addSpeaker(pos(b, last.verb), s);
  return s.name ? s : null;
}

function emit(info: BlockInfo, b: number, f: Found): ExtractedQuote | null {
  const { block, toks } = info;
  const text = block.text.slice(f.span.start, f.span.end);
  const trimmed = text.trim();
  if (!trimmed || !LETTER.test(trimmed)) return null;
  if (block.kind === 'heading' || block.kind === 'byline') return null;
  const words = wordCount(trimmed);
  const hasCue = !!f.cue && f.via === 'cue';
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
  // not statements: titles, slogans, nicknames, scare quotes
  if (looksLikeTitle(trimmed) && !adjacent) return null;
  if (words < 4 && !adjacent && !(hasCue && kind === 'partial' && words >= 2)) return null;
  if (words === 1 && !(adjacent && /[.!?,]$/.test(trimmed))) return null;
  if (!f.speaker.name && words < 6) return null;
  const speaker = f.speaker;
  const cue = f.cue && f.via !== 'previous' && f.via !== 'continuation' ? textOf(toks, f.cue.s, f.cue.e) : null;
  let confidence = f.confidence || 0.3;
  if (kind === 'partial') confidence *= 0.9;
  if (!speaker.name) confidence = Math.min(confidence, 0.3);
  return {
    quote: text,
    speaker: speaker.name,
    mention: speaker.mention,
    speakerType: speaker.type,
    role: speaker.role ?? (speaker.person?.roles[0] ?? null),
    cue,
    kind,
    block: b,
    start: f.span.start,
    end: f.span.end,
    confidence: Math.round(confidence * 100) / 100,
  };
}

