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

const WORD = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:['’\-‐.&][\p{L}\p{N}]+)*/uy;
const POSSESSIVE = /['’]s\b|(?<=s)['’](?![\p{L}])/uy;
const SPACE = /[\s\u00A0\u2009\u202F\u200B]+/y;

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
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
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i && i + m[0].length <= limit) {
      let end = i + m[0].length;
      let word = m[0];
      let poss = false;
      POSSESSIVE.lastIndex = end;
      const pm = POSSESSIVE.exec(text);
      if (pm && pm.index === end && end + pm[0].length <= limit) {
        end += pm[0].length;
        poss = true;
      }
      let low = word.toLowerCase();
      let abbr = false;
      if (word.endsWith('.')) {
        abbr = true; // dotted acronym (U.S.)
        low = low.slice(0, -1);
      } else if (text[end] === '.' && end + 1 <= limit && !poss) {
        const single = word.length === 1 && isUpper(word);
        if (single || ABBREVIATIONS.has(low)) {
          abbr = true;
          end += 1;
          word += '.';
        }
      }
      const first = word[0];
      const letters = word.replace(/[^\p{L}]/gu, '');
      toks.push({
        k: 'w',
        s: i,
        e: end,
        text: text.slice(i, end),
        low,
        cap: isUpper(first),
        allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
        poss,
        abbr,
        q: -1,
        sent: 0,
      });
      i = end;
      continue;
    }
    const c = text[i];
    toks.push({ k: 'p', s: i, e: i + 1, text: c, low: c, cap: false, allCaps: false, poss: false, abbr: false, q: -1, sent: 0 });
    i++;
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
    let j = i + 1;
    while (j < toks.length && toks[j].k === 'p' && CLOSERS.has(toks[j].text)) j++;
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
