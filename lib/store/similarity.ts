/**
 * The same statement across articles: sketches to find candidates through an index, a similarity
 * to decide, and a word diff to show where outlets' wordings differ. Pure functions.
 *
 * - Candidates: the shingles of a quote are the bigrams of its content words (function words left
 *   out, so "we won't let this happen" and "we will not let that happen" share "let happen"), each
 *   hashed to 32 bits. A quote stores the `SKETCH_SIZE` smallest hashes (a bottom-k sketch) in a
 *   multi-entry index; a new quote looks up only its `PROBES` smallest. A stored quote is found
 *   when one of the new quote's smallest shingles is among its own smallest, which holds for exact
 *   repeats always and for rewordings unless every probe falls on a changed word: a few index
 *   reads per quote, no scan.
 * - Decision: Jaccard similarity of all word bigrams >= 0.5 with at least three content words in
 *   common, or one quote containing >= 80% of the other's bigrams (an outlet quoting only part of
 *   the statement) when that part has at least four content words. Quotes under
 *   `MIN_GROUP_WORDS` words are never grouped: "a disgrace" said twice is not one statement, and a
 *   stock phrase inside a longer quote is not that quote.
 */
import { STOPWORDS, wordTokens, words, type WordToken } from './normalize';
import type { DiffRange, Segment } from './types';

export const SKETCH_SIZE = 8;
export const PROBES = 3;
export const MIN_GROUP_WORDS = 5;
const JACCARD = 0.5;
const CONTAINMENT = 0.8;
/** Content words two near-identical wordings must share (all of them when a quote has fewer). */
const MIN_SHARED_CONTENT = 3;
/** Content words a partial quote must have, and share, to be part of a longer statement. */
const MIN_PARTIAL_CONTENT = 4;

/** FNV-1a, 32 bits, then a murmur3 finaliser to spread it. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function bigrams(ws: readonly string[]): string[] {
  if (ws.length === 1) return [ws[0]];
  const out: string[] = [];
  for (let i = 0; i + 1 < ws.length; i++) out.push(`${ws[i]} ${ws[i + 1]}`);
  return out;
}

/**
 * The sketch of a quote: the smallest hashes of its content-word bigrams, ascending (its first
 * `PROBES` are what a new quote looks up), or an empty list for quotes too short to group.
 */
export function sketch(text: string): number[] {
  const ws = words(text);
  if (ws.length < MIN_GROUP_WORDS) return [];
  const content = ws.filter((w) => !STOPWORDS.has(w));
  const hashes = [...new Set(bigrams(content.length >= 2 ? content : ws).map(hashString))];
  return hashes.sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** A quote's wording prepared for comparison: word count, word bigrams, content words. */
export interface Shingled {
  words: number;
  bigrams: Set<string>;
  content: Set<string>;
}

export function shingle(text: string): Shingled {
  const ws = words(text);
  return { words: ws.length, bigrams: new Set(bigrams(ws)), content: new Set(ws.filter((w) => !STOPWORDS.has(w))) };
}

function asShingled(x: string | Shingled): Shingled {
  return typeof x === 'string' ? shingle(x) : x;
}

/** How alike two quotes' wordings are (all word bigrams): Jaccard and containment, each 0..1. */
export function similarity(a: string | Shingled, b: string | Shingled): { jaccard: number; containment: number } {
  const A = asShingled(a).bigrams;
  const B = asShingled(b).bigrams;
  if (!A.size || !B.size) return { jaccard: 0, containment: 0 };
  let shared = 0;
  for (const x of A) if (B.has(x)) shared++;
  return { jaccard: shared / (A.size + B.size - shared), containment: shared / Math.min(A.size, B.size) };
}

/** Whether two quotes are the same statement (see the module comment). */
export function sameStatement(a: string | Shingled, b: string | Shingled): boolean {
  const A = asShingled(a);
  const B = asShingled(b);
  if (A.words < MIN_GROUP_WORDS || B.words < MIN_GROUP_WORDS) return false;
  let sharedContent = 0;
  for (const w of A.content) if (B.content.has(w)) sharedContent++;
  const { jaccard, containment } = similarity(A, B);
  // near-identical wording, carried by the words that say something ("I don't believe in the
  // devil" and "I don't believe in firewalls" share only function words and one verb)
  if (jaccard >= JACCARD && sharedContent >= Math.min(MIN_SHARED_CONTENT, A.content.size, B.content.size)) return true;
  // part of the statement: long enough to be a statement's own words, not a stock phrase
  // ("we're going to win this election" inside a longer quote is not that quote)
  const shorter = A.bigrams.size <= B.bigrams.size ? A : B;
  return containment >= CONTAINMENT && shorter.content.size >= MIN_PARTIAL_CONTENT && sharedContent >= MIN_PARTIAL_CONTENT;
}

/** The wording of a quote for comparison: its words, nothing else ("quoted differently" ignores punctuation and case). */
export function wording(text: string): string {
  return words(text).join(' ');
}

export interface WordDiff {
  /** Ranges in `a` whose words are not in `b` (in order, merged when adjacent). */
  inA: DiffRange[];
  /** Ranges in `b` whose words are not in `a`. */
  inB: DiffRange[];
}

/** Longest common subsequence of two word lists, as flags "kept" for each side. */
function lcsKept(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  const keptA = new Array<boolean>(n).fill(false);
  const keptB = new Array<boolean>(m).fill(false);
  // quotes are short; beyond this the table would be large, and every word counts as changed
  if (n * m > 250_000) return [keptA, keptB];
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keptA[i++] = true;
      keptB[j++] = true;
    } else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return [keptA, keptB];
}

function ranges(tokens: readonly WordToken[], kept: readonly boolean[]): DiffRange[] {
  const out: DiffRange[] = [];
  tokens.forEach((t, i) => {
    if (kept[i]) return;
    const last = out[out.length - 1];
    // join neighbouring changed words into one range (with the space or punctuation between them)
    if (last && i > 0 && !kept[i - 1]) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  });
  return out;
}

/** Which words of `a` and of `b` differ, as character ranges of each text. */
export function wordDiff(a: string, b: string): WordDiff {
  const ta = wordTokens(a);
  const tb = wordTokens(b);
  const [keptA, keptB] = lcsKept(
    ta.map((t) => t.word),
    tb.map((t) => t.word),
  );
  return { inA: ranges(ta, keptA), inB: ranges(tb, keptB) };
}

/** A text cut into plain and marked stretches (the ranges must be in order and not overlap). */
export function segments(text: string, marks: readonly DiffRange[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of marks) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), marked: false });
    out.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
