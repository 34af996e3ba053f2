/**
 * First version of attribution: for each quotation span, find the cue and its speaker in the same
 * sentence, resolve surnames and pronouns against the article's mentions.
 */
import type { MarkSpan } from './marks';
import type { Block, ExtractedQuote, QuoteKind, SpeakerType } from './types';
import { SPEECH_VERB_FORMS } from './verbs';

const NAME_WORD = "(?:[A-Z][\\p{L}'’.-]*|Mc[A-Z][\\p{L}]*)";
const NAME = `${NAME_WORD}(?:\\s+(?:de|van|von|der|da|bin|al|la|le)?\\s*${NAME_WORD}){0,3}`;
const PRONOUN = '(?:he|she|they|it|we|I)';
const DESCRIPTOR = "(?:the|a|an)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?[\\p{L}'’-]+";
const VERB = `(?:${[...SPEECH_VERB_FORMS].sort((a, b) => b.length - a.length).join('|')})`;

const AFTER_SUBJECT_VERB = new RegExp(`^\\s*[,.!?\\u2014-]?\\s*(${NAME}|${PRONOUN}|${DESCRIPTOR})\\s+(?:also\\s+|later\\s+|then\\s+|\\p{L}+ly\\s+)?(${VERB})\\b`, 'u');
const AFTER_VERB_SUBJECT = new RegExp(`^\\s*[,.!?\\u2014-]?\\s*(${VERB})\\s+(${NAME}|${DESCRIPTOR})`, 'u');
const BEFORE_SUBJECT_VERB = new RegExp(`(${NAME}|${PRONOUN}|${DESCRIPTOR})\\s+(?:also\\s+|\\p{L}+ly\\s+)?(${VERB})\\b[^.!?"“”]{0,80}$`, 'u');
const ACCORDING_TO = new RegExp(`according to (${NAME}|${DESCRIPTOR})`, 'u');
const PERSON_NAME = new RegExp(`\\b(${NAME_WORD}(?:\\s+${NAME_WORD}){1,3})`, 'gu');

const TITLES = new Set(['President', 'Sen.', 'Senator', 'Rep.', 'Gov.', 'Governor', 'Secretary', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Mayor', 'Judge', 'Gen.', 'spokesperson', 'spokesman', 'spokeswoman', 'State', 'Department', 'of']);
const DOCUMENT_NOUNS = new Set(['letter', 'statement', 'report', 'memo', 'document', 'filing', 'lawsuit', 'complaint', 'study', 'survey', 'poll', 'release', 'post', 'tweet', 'email', 'order', 'ruling', 'decision', 'bill', 'note', 'message', 'article', 'piece', 'story', 'book']);
const STOP_CAPS = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'As', 'If', 'When', 'Asked', 'After', 'Before']);

interface Mention {
  text: string;
  speaker: string;
  type: SpeakerType;
  role: string | null;
}

function stripTitles(name: string): { name: string; role: string | null } {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && (TITLES.has(words[i]) || STOP_CAPS.has(words[i]))) i++;
  return { name: words.slice(i).join(' '), role: i > 0 ? words.slice(0, i).join(' ') : null };
}

class ArticleContext {
  private fullNames = new Map<string, string>();
  lastPerson: Mention | null = null;
  lastThing: Mention | null = null;

  learnNames(text: string): void {
    for (const m of text.matchAll(PERSON_NAME)) {
      const { name } = stripTitles(m[1]);
      const words = name.split(/\s+/);
      if (words.length < 2 || STOP_CAPS.has(words[0])) continue;
      const surname = words[words.length - 1].replace(/['’]s$/, '');
      const known = this.fullNames.get(surname);
      if (!known || known.length < name.length) this.fullNames.set(surname, name.replace(/['’]s$/, ''));
    }
  }

  resolve(raw: string): Mention {
    const text = raw.trim();
    const lower = text.toLowerCase();
    if (/^(he|she|i|we)$/i.test(text)) return this.lastPerson ?? { text, speaker: text, type: 'person', role: null };
    if (/^(it|they)$/i.test(text)) return this.lastThing ?? this.lastPerson ?? { text, speaker: text, type: 'descriptor', role: null };
    if (/^(the|a|an)\s/i.test(text)) {
      const head = lower.split(/\s+/).pop() ?? '';
      const type: SpeakerType = DOCUMENT_NOUNS.has(head) ? 'document' : /^the\s+[A-Z]/.test(text) ? 'organization' : 'descriptor';
      const speaker = type === 'organization' ? text.replace(/^the\s+/i, 'the ') : text.replace(/^The\b/, 'the');
      const mention = { text, speaker, type, role: null };
      if (type !== 'descriptor') this.lastThing = mention;
      return mention;
    }
    const { name, role } = stripTitles(text);
    const words = name.split(/\s+/);
    const surname = words[words.length - 1];
    const full = words.length === 1 ? (this.fullNames.get(surname) ?? name) : name;
    const mention: Mention = { text, speaker: full, type: 'person', role };
    this.lastPerson = mention;
    return mention;
  }
}

function sentenceBounds(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && !/[.!?]\s/.test(text.slice(start - 2, start))) start--;
  let end = to;
  while (end < text.length && !/[.!?]/.test(text[end])) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function attribute(blocks: readonly Block[], spans: readonly MarkSpan[][]): ExtractedQuote[] {
  const ctx = new ArticleContext();
  const out: ExtractedQuote[] = [];
  let previous: { mention: Mention; cue: string | null; openAtEnd: boolean } | null = null;
  blocks.forEach((block, bi) => {
    const text = block.text;
    ctx.learnNames(text);
    const blockSpans = spans[bi] ?? [];
    const pending: ExtractedQuote[] = [];
    let found = null as { mention: Mention; cue: string } | null;
    for (const s of blockSpans) {
      const quote = text.slice(s.start, s.end);
      if (!quote.trim()) continue;
      if (block.kind === 'heading' && s.family === 'single') continue; // a quoted subheading is not a statement
      const words = wordCount(quote);
      const sentence = sentenceBounds(text, s.open, s.close);
      const after = text.slice(s.close, sentence.end);
      const before = text.slice(sentence.start, s.open);
      let cue: string | null = null;
      let mention: Mention | null = null;
      let m = AFTER_SUBJECT_VERB.exec(after);
      if (m) { mention = ctx.resolve(m[1]); cue = `${m[1]} ${m[2]}`; }
      else if ((m = AFTER_VERB_SUBJECT.exec(after))) { mention = ctx.resolve(m[2]); cue = `${m[1]} ${m[2]}`; }
      else if ((m = BEFORE_SUBJECT_VERB.exec(before))) { mention = ctx.resolve(m[1]); cue = `${m[1]} ${m[2]}`; }
      else if ((m = ACCORDING_TO.exec(text.slice(sentence.start, sentence.end)))) { mention = ctx.resolve(m[1]); cue = m[0]; }
      else if (/\bquoted\s+(the\s+\p{L}+)/u.test(after)) {
        const q = /\bquoted\s+(the\s+\p{L}+)/u.exec(after)!;
        mention = ctx.resolve(q[1]); cue = q[0];
      }
      const startsStatement = /^[\p{Lu}"“‘']/u.test(quote.trim());
      let kind: QuoteKind = block.kind === 'blockquote' ? 'block' : startsStatement && words >= 4 ? 'direct' : 'partial';
      if (!mention && s.start === 0 && previous?.openAtEnd) { mention = previous.mention; }
      if (!mention && found) mention = found.mention;
      if (!mention) {
        if (words < 4) continue; // scare quotes, titles, nicknames
        pending.push({ quote, speaker: null, mention: null, speakerType: null, role: null, cue: null, kind, block: bi, start: s.start, end: s.end, confidence: 0.3 });
        continue;
      }
      if (kind === 'partial' && words < 2) continue;
      found = { mention, cue: cue ?? found?.cue ?? '' };
      out.push({ quote, speaker: mention.speaker, mention: mention.text, speakerType: mention.type, role: mention.role, cue: cue ?? found.cue ?? null, kind, block: bi, start: s.start, end: s.end, confidence: cue ? 0.8 : 0.6 });
    }
    // quotes before the cue in the same block take the block's speaker
    for (const q of pending) {
      if (found) out.push({ ...q, speaker: found.mention.speaker, mention: found.mention.text, speakerType: found.mention.type, role: found.mention.role, cue: found.cue, confidence: 0.6 });
      else if (previous && q.start <= 1) out.push({ ...q, speaker: previous.mention.speaker, mention: previous.mention.text, speakerType: previous.mention.type, role: previous.mention.role, confidence: 0.4 });
    }
    const last = blockSpans[blockSpans.length - 1];
    if (found) previous = { mention: found.mention, cue: found.cue, openAtEnd: !!last && !last.closed };
    else if (previous) previous = { ...previous, openAtEnd: !!last && !last.closed };
  });
  out.sort((a, b) => a.block - b.block || a.start - b.start);
  return out;
}
