/**
 * Tokens of one block, with each quotation span as a single opaque token, and sentence numbers.
 * One pass over the text; a sticky regular expression per token, so time is linear.
 */
import type { MarkSpan } from './marks';
import { ABBREVIATIONS } from './lexicon/words';

export interface Tok {
  /** 'w' word, 'p' punctuation, 'q' quotation span */
  k: 'w' | 'p' | 'q';
  /** character offsets in the block (for 'q': the whole span, marks included) */
  s: number;
  e: number;
  /** as written; for 'q', the quoted text without marks */
  text: string;
  /** lower case, possessive ending removed, final period removed */
  low: string;
  /** starts with an upper-case letter */
  cap: boolean;
  /** written all in capitals (two letters or more) */
  allCaps: boolean;
  /** ends in 's, ’s or s’ (possessive) */
  poss: boolean;
  /** includes a final period that does not end a sentence (Mr., J., U.S.) */
  abbr: boolean;
  /** index of the quotation span for 'q' tokens, else -1 */
  q: number;
  /** sentence number within the block */
  sent: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Letter or digit, by char code (ASCII fast path). */
function isAlnum(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x200b || code === 0x2002 || code === 0x2003;
}

/** Characters that join two runs of letters into one word: apostrophes, hyphens, periods, ampersand. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 0x2010 || code === 46 || code === 38;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function allCapitals(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (lower === upper) continue; // not a cased letter
    if (c === lower) return false;
    letters++;
  }
  return letters >= 2;
}

/** Tokenise a block; `spans` become single tokens. */
export function tokenize(text: string, spans: readonly MarkSpan[]): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let si = 0;
  const n = text.length;
  while (i < n) {
    const span = spans[si];
    if (span && i >= span.open) {
      toks.push({ k: 'q', s: span.open, e: span.close, text: text.slice(span.start, span.end), low: '', cap: false, allCaps: false, poss: false, abbr: false, q: si, sent: 0 });
      i = Math.max(i, span.close);
      si++;
      continue;
    }
    const limit = span ? span.open : n;
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
      continue;
    }
    if (!isAlnum(code)) {
      const c = text[i];
      toks.push({ k: 'p', s: i, e: i + 1, text: c, low: c, cap: false, allCaps: false, poss: false, abbr: false, q: -1, sent: 0 });
      i++;
      continue;
    }
    // a word: letters and digits, joined by apostrophes, hyphens, periods (U.S.) and ampersands
    let end = i + 1;
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (isAlnum(c)) end++;
      else if (isJoiner(c) && end + 1 < limit && isAlnum(text.charCodeAt(end + 1))) end += 2;
      else break;
    }
    let word = text.slice(i, end);
    let poss = false;
    // possessive: "Carver's", "Carver’s", "the Joneses’"
    const last = word.charCodeAt(word.length - 1);
    if (word.length > 2 && (last === 115 || last === 83) && (word.charCodeAt(word.length - 2) === 39 || word.charCodeAt(word.length - 2) === 0x2019)) {
      word = word.slice(0, -2);
      end -= 2;
      poss = true;
      end += 2;
    } else if (end < limit && (text.charCodeAt(end) === 39 || text.charCodeAt(end) === 0x2019)) {
      const after = end + 1 < n ? text.charCodeAt(end + 1) : 32;
      if (last === 115 && !isAlnum(after)) {
        poss = true; // "the Joneses’ house"
        end += 1;
      }
    }
    let low = word.toLowerCase();
    let abbr = false;
    // dotted acronym (U.S.) or an abbreviation / initial followed by a period (Mr., J.)
    if (end < limit && text.charCodeAt(end) === 46 && !poss) {
      const single = word.length === 1 && isUpper(word);
      const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word);
      if (single || dotted || ABBREVIATIONS.has(low)) {
        abbr = true;
        end += 1;
        word += '.';
        if (dotted) low = low.replace(/\./g, '.');
      }
    }
    toks.push({ k: 'w', s: i, e: end, text: text.slice(i, end), low, cap: isUpper(word[0]), allCaps: allCapitals(word), poss, abbr, q: -1, sent: 0 });
    i = end;
  }
  markSentences(toks, spans);
  return toks;
}

const END = new Set(['.', '!', '?']);
const CLOSERS = new Set([')', ']', '’', "'", '"', '”']);

/**
 * Number the sentences. A sentence ends at . ! ? (not part of an abbreviation) followed by a word
 * in capitals, a digit, a quotation or the end; and after a quotation that ends in . ! ? when a
 * capitalised word follows (a cue right after such a quotation is still found: see cues.ts).
 */
function markSentences(toks: Tok[], spans: readonly MarkSpan[]): void {
  let sent = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    t.sent = sent;
    if (!(t.k === 'q' || (t.k === 'p' && END.has(t.text)))) continue;
    let j = i + 1;
    while (j < toks.length && j < i + 4 && toks[j].k === 'p' && CLOSERS.has(toks[j].text)) j++;
    const next = toks[j];
    if (t.k === 'p' && END.has(t.text)) {
      if (!next || next.k === 'q' || (next.k === 'w' && (next.cap || /^\d/.test(next.text)))) {
        for (let k = i + 1; k < j; k++) toks[k].sent = sent;
        i = j - 1;
        sent++;
      }
    } else if (t.k === 'q') {
      const inner = t.text.trimEnd();
      const span = spans[t.q];
      if (span?.closed && END.has(inner[inner.length - 1] ?? '') && next && next.k === 'w' && next.cap) sent++;
      else if (span && !span.closed) sent++;
    }
  }
}

export interface SentenceBounds {
  /** For each token, the index of the first token of its sentence. */
  starts: Int32Array;
  /** For each token, the index just past the last token of its sentence. */
  ends: Int32Array;
}

const boundsOf = new WeakMap<readonly Tok[], SentenceBounds>();

/**
 * Each token's sentence, computed once per block in one pass (scanning from every token that
 * needs it would be quadratic in a sentence that never ends, as on a hostile page).
 */
export function sentenceBounds(toks: readonly Tok[]): SentenceBounds {
  let b = boundsOf.get(toks);
  if (b) return b;
  const starts = new Int32Array(toks.length);
  const ends = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) starts[i] = i > 0 && toks[i - 1].sent === toks[i].sent ? starts[i - 1] : i;
  for (let i = toks.length - 1; i >= 0; i--) ends[i] = i + 1 < toks.length && toks[i + 1].sent === toks[i].sent ? ends[i + 1] : i + 1;
  b = { starts, ends };
  boundsOf.set(toks, b);
  return b;
}
