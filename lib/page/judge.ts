/**
 * Judging the blocks walked from the article's container, by general conventions of news writing:
 * what is a date line, a byline, a label ("Advertisement"), a promotion ("Follow us on ..."), a
 * photo credit, a teaser link, a heading that only announces other stories. Text is never changed;
 * a block is kept (maybe with another kind) or left out.
 */
import type { BlockKind } from '../extract/types';
import { runSteps, type Steps } from './steps';
import type { RawBlock, WalkItem } from './walk';
import { wordSet } from './words';

/** Quotation marks (a right single mark is left out: it is far more often an apostrophe). */
const QUOTE_MARKS = /["“”„«»‘]/;

/*
 * The rules below work on the words of a line (one simple regular expression, then set lookups)
 * rather than on one large regular expression each: they run on every page read, and compiling
 * big case-insensitive alternations costs more than the matching itself.
 */

const WORD = /[a-z0-9]+/g;

/** Lower-case words and numbers of a line ("Nov. 19, 2019" → ["nov", "19", "2019"]). */
function wordsIn(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function startsWithWords(words: readonly string[], phrase: readonly string[]): boolean {
  if (words.length < phrase.length) return false;
  for (let i = 0; i < phrase.length; i++) if (words[i] !== phrase[i]) return false;
  return true;
}

const MONTHS = wordSet('jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december');
/** Words a date line is made of besides numbers: months, days, clock words, time zones, and "updated"-like words. */
const DATE_WORDS = wordSet(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december ' +
    'mon tue tues wed thu thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday am pm a p m et est edt ct cst cdt pt pst pdt gmt utc bst cet ist updated published posted modified last first on at by hour hours minute minutes min mins ago read time originally',
);
const STAMPS: readonly (readonly string[])[] = [['updated'], ['published'], ['posted'], ['modified'], ['last', 'updated'], ['first', 'published'], ['originally', 'published']];

/** "November 20, 2019 / 1:07 AM / CBS News", "UPDATED: Tue., Nov. 19, 2019". */
export function isDateLine(text: string): boolean {
  if (text.length > 90 || QUOTE_MARKS.test(text)) return false;
  const words = wordsIn(text);
  if (STAMPS.some((p) => startsWithWords(words, p))) return true;
  if (text.length > 60) return false;
  // it must name a date or a time: a year, a clock time, or a month followed by a number
  let dated = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((w.length === 4 && (w.startsWith('19') || w.startsWith('20')) && /^\d+$/.test(w)) || (MONTHS.has(w) && /^\d/.test(words[i + 1] ?? ''))) dated = true;
  }
  if (!dated && !/\d:\d\d/.test(text)) return false;
  return words.filter((w) => !DATE_WORDS.has(w) && !/^\d/.test(w)).length <= 3;
}

function endsSentence(text: string): boolean {
  let i = text.length - 1;
  if (i >= 0 && '"”’'.includes(text[i])) i--;
  return i >= 0 && '.!?:;'.includes(text[i]);
}

/** "Advertisement", "Supported by", "Comments (+)", a lone name: short, no sentence punctuation, no quotation marks. */
export function isLabel(text: string): boolean {
  return text.length < 32 && !endsSentence(text) && !QUOTE_MARKS.test(text);
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** "By Jane Roe and John Doe, Associated Press" (not "By the end of the night, ..."). */
export function isByline(text: string): boolean {
  if (text.length >= 120 || !text.startsWith('By ') || QUOTE_MARKS.test(text)) return false;
  const rest = text.slice(3).trimStart();
  if (!isUpper(rest[0])) return false;
  // a sentence, not a name: ends with a full stop after a lower-case word
  return !(endsSentence(text) && /[a-z]{3}[.!?]$/.test(text));
}

/** End-of-story lines about who wrote it: "Jane Roe contributed reporting.", "Write to Jane Roe at jane@example.com". */
export function isCreditLine(text: string): boolean {
  if (text.length > 300 || QUOTE_MARKS.test(text)) return false;
  const words = wordsIn(text);
  const c = words.indexOf('contributed');
  if (c >= 0 && words.slice(c + 1, c + 4).some((w) => w === 'report' || w === 'reporting' || w === 'story' || w === 'article')) return true;
  if (startsWithWords(words, ['reporting', 'by']) || startsWithWords(words, ['additional', 'reporting', 'by'])) return true;
  if ((startsWithWords(words, ['write', 'to']) || words[0] === 'email' || words[0] === 'contact') && text.includes('@')) return true;
  return (words[0] === 'edited' || words[0] === 'written' || words[0] === 'compiled') && words[1] === 'by';
}

/** "© 2019 Example Media", "Copyright 2019 The Associated Press. All rights reserved." */
export function isCopyright(text: string): boolean {
  if (text.length >= 250) return false;
  const lower = text.slice(0, 10).toLowerCase();
  return text.startsWith('©') || lower.startsWith('(c)') || wordsIn(lower)[0] === 'copyright';
}

const SOCIAL = wordSet('twitter facebook instagram youtube tiktok linkedin threads bluesky mastodon snapchat whatsapp telegram');
const LISTEN_TO = wordSet('live podcast here radio weekdays sounds');

/** "Follow Newsbeat on Instagram ...", "More coverage at https://...", "Sign up for our newsletter". */
export function isPromotion(text: string): boolean {
  if (text.length > 220 || QUOTE_MARKS.test(text)) return false;
  if (text.includes('http://') || text.includes('https://')) return true;
  const words = wordsIn(text);
  if (words[0] === 'follow' && (words.includes('on') || words.includes('at')) && words.some((w) => SOCIAL.has(w))) return true;
  if (words[0] === 'listen' && ['to', 'live', 'now'].includes(words[1]) && words.some((w) => LISTEN_TO.has(w))) return true;
  if (startsWithWords(words, ['sign', 'up']) || words[0] === 'subscribe') return true;
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'click' && words[i + 1] === 'here') return true;
  return (words[0] === 'read' || words[0] === 'see') && (words[1] === 'more' || words[1] === 'also') && text.slice(0, 12).includes(':');
}

const CREDIT_WORDS = wordSet('image images photo photos picture pictures pic credit credits source file video');

/** A photo credit or caption written as a paragraph: "... (Image: GETTY)", "... [File: Reuters]", "Image caption ...". */
export function isCaptionText(text: string): boolean {
  if (text.length > 400) return false;
  const t = text.trimEnd();
  const close = t[t.length - 1];
  if (close === ')' || close === ']') {
    const open = t.lastIndexOf(close === ')' ? '(' : '[');
    const inner = open >= 0 ? t.slice(open + 1, -1) : '';
    const colon = inner.indexOf(':');
    if (colon > 0 && inner.length - colon <= 62 && CREDIT_WORDS.has(inner.slice(0, colon).trim().toLowerCase())) return true;
  }
  const words = wordsIn(text.slice(0, 20));
  if (['image', 'photo', 'media', 'video'].includes(words[0]) && words[1] === 'caption') return true;
  const colon = text.indexOf(':');
  return colon > 0 && colon < 10 && CREDIT_WORDS.has(text.slice(0, colon).trim().toLowerCase());
}

/** Openings of headings that announce other stories: "More:", "Related", "You may also like", "Don't miss". */
const TEASER_OPENINGS: readonly (readonly string[])[] = [
  ['related'], ['recommended'], ['read', 'more'], ['see', 'more'], ['related', 'stories'], ['related', 'story'], ['related', 'coverage'], ['read', 'next'], ['read', 'also'], ['also', 'read'], ['see', 'also'], ['you', 'may', 'like'],
  ['you', 'may', 'also', 'like'], ['you', 'might', 'like'], ['you', 'might', 'also', 'like'], ['don', 't', 'miss'], ['dont', 'miss'],
  ['must', 'read'], ['top', 'stories'], ['most', 'read'], ['most', 'popular'], ['most', 'viewed'], ['most', 'shared'], ['trending'],
  ['latest'], ['editor', 's', 'picks'], ['editor', 's', 'pick'], ['editors', 'picks'], ['further', 'reading'], ['what', 'to', 'read'],
  ['up', 'next'], ['watch', 'next'], ['in', 'other', 'news'], ['elsewhere'], ['popular'], ['listen'], ['watch'],
];

export function isTeaserHeading(text: string): boolean {
  if (text.length >= 60 || QUOTE_MARKS.test(text)) return false;
  const words = wordsIn(text.replace(/’/g, "'"));
  if (words[0] === 'more') return words[1] !== 'than';
  return TEASER_OPENINGS.some((p) => startsWithWords(words, p));
}

/** A one-line pointer to another story inside the body: "SEE MORE: …", "READ MORE: …", "Related: …". */
export function isTeaserLine(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 24 || text.length > 200) return false;
  const label = wordsIn(text.slice(0, colon).replace(/’/g, "'"));
  return TEASER_OPENINGS.some((p) => p.length === label.length && startsWithWords(label, p)) || (label.length === 1 && label[0] === 'more');
}

/** Share of a paragraph's text in links from which it is a link to another story, not prose with links in it. */
const TEASER_LINKS = 0.9;

/** Length from which a heading that ends like a sentence is a standfirst, read as a paragraph. */
const STANDFIRST = 100;

/** Kinds that carry the article's own running text. */
function isText(kind: BlockKind): boolean {
  return kind === 'paragraph' || kind === 'blockquote' || kind === 'list-item';
}

function judgeOne(b: RawBlock): BlockKind | null {
  const { text } = b;
  if (b.kind === 'caption' || b.kind === 'byline') return isCopyright(text) ? null : b.kind;
  if (isCopyright(text)) return null;
  if (b.kind === 'heading') {
    if (isDateLine(text) || (text.length < 4 && isLabel(text.replace(/:$/, '')))) return null;
    // a "heading" as long as a sentence and ending like one is a standfirst: running text
    return text.length >= STANDFIRST && endsSentence(text) ? 'paragraph' : 'heading';
  }
  if (b.kind === 'paragraph' && b.links >= TEASER_LINKS) return null; // a link to another story
  if (isDateLine(text)) return null;
  if (isByline(text) || isCreditLine(text)) return 'byline';
  if (isCaptionText(text)) return 'caption';
  if (isPromotion(text)) return null;
  if (b.kind === 'paragraph' && isTeaserLine(text)) return null;
  if (b.kind === 'paragraph' && b.bold && text.length < 120 && !/[.!?]["”]?$/.test(text)) return 'heading';
  if (isLabel(text)) return null;
  return b.kind;
}

/** Blocks judged between checkpoints. */
const JUDGE_SLICE = 64;

/** The blocks to keep, with their final kinds. */
export function judge(items: readonly WalkItem[]): RawBlock[] {
  return runSteps(judgeSteps(items));
}

/** `judge`, yielding every few dozen blocks (see steps.ts). */
export function* judgeSteps(items: readonly WalkItem[]): Steps<RawBlock[]> {
  // first, each block alone (gaps kept in place)
  const first: WalkItem[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const item of items) {
    if (++n % JUDGE_SLICE === 0) yield;
    if (item.gap) {
      first.push(item);
      continue;
    }
    const kind = judgeOne(item);
    if (!kind) continue;
    if (item.text.length > 30) {
      if (seen.has(item.text)) continue; // the same caption or paragraph twice (mobile and desktop copies)
      seen.add(item.text);
    }
    first.push(kind === item.kind ? item : { ...item, kind });
  }
  // then headings in context
  const out: RawBlock[] = [];
  for (let i = 0; i < first.length; i++) {
    if (i % JUDGE_SLICE === 0) yield;
    const item = first[i];
    if (item.gap) continue;
    if (item.kind === 'heading') {
      const next = first[i + 1];
      // a heading that introduced something left out, or that announces other stories
      if (!next || next.gap) continue;
      if (isTeaserHeading(item.text)) {
        // drop it and the links it introduces, up to the next running paragraph
        while (i + 1 < first.length) {
          const n = first[i + 1];
          if (!n.gap && (n.kind === 'heading' || (n.kind === 'paragraph' && n.links < 0.5) || n.kind === 'blockquote')) break;
          i++;
        }
        continue;
      }
      // a heading with no running text under it
      let hasText = false;
      for (let j = i + 1; j < first.length; j++) {
        const n = first[j];
        if (n.gap) continue;
        if (n.kind === 'heading') break;
        if (isText(n.kind)) {
          hasText = true;
          break;
        }
      }
      if (!hasText) continue;
    }
    out.push(item);
  }
  return out;
}
