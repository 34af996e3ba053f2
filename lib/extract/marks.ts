/**
 * Finding quotation-mark spans in one block of text.
 *
 * Handles curly and straight double marks, guillemets and low-9 marks, AP-style doubled curly singles
 * (‘‘ … ’’; two straight apostrophes '' are not taken for a quotation mark), single marks used as quotation marks (told apart from apostrophes by position), inch
 * marks after digits, quotes nested inside quotes (reported as part of the outer one), and an
 * opening mark never closed (the span runs to the end of the block: the multi-paragraph convention).
 *
 * One left-to-right pass per block; no backtracking, so time is linear in the text length.
 */

export interface MarkSpan {
  /** Offset of the opening mark (or 0 for a span that only has a closing mark). */
  open: number;
  /** Offsets of the quoted text, marks excluded. */
  start: number;
  end: number;
  /** Offset just past the closing mark (== end when unclosed). */
  close: number;
  /** 'double' for “ ” " « » „ and doubled singles; 'single' for ‘ ’ ' used as quotation marks. */
  family: 'double' | 'single';
  /** False when no closing mark was found before the end of the block. */
  closed: boolean;
  /** True when the span had a closing mark but no opening one (it starts at the block's start). */
  openless: boolean;
}

const LDQ = '\u201C';
const RDQ = '\u201D';
const LOW9 = '\u201E';
const LSQ = '\u2018';
const RSQ = '\u2019';
const LAQUO = '\u00AB';
const RAQUO = '\u00BB';

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\u00A0' || c === '\r' || c === '\u2009' || c === '\u202F';
}

function isLetterOrDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{N}]/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Characters after which a mark is at the start of a word (and so can open a quote). */
const OPEN_BEFORE = new Set([' ', '\t', '\n', '\u00A0', '(', '[', '{', '\u2014', '\u2013', '-', '/', LDQ, '"', LSQ, "'", ':', LAQUO, LOW9]);

/** Short words written with a leading apostrophe ('em, 'til, '90s): not quotation marks. */
const LEADING_APOSTROPHE = /^(?:em|til|tis|twas|cause|bout|n|round|nuff)\b|^\d\ds?\b/i;

interface DoubleMark {
  at: number;
  /** width in characters (2 for doubled singles) */
  width: number;
  role: 'open' | 'close' | 'either';
}

const C_LDQ = 0x201c;
const C_RDQ = 0x201d;
const C_LOW9 = 0x201e;
const C_LSQ = 0x2018;
const C_RSQ = 0x2019;
const C_LAQUO = 0xab;
const C_RAQUO = 0xbb;
const C_QUOT = 34;
const C_APOS = 39;

function doubleMarks(text: string): DoubleMark[] {
  const marks: DoubleMark[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // fast path: most characters are no mark at all
    if (code !== C_QUOT && code !== C_LDQ && code !== C_RDQ && code !== C_LOW9 && code !== C_LAQUO && code !== C_RAQUO && code !== C_LSQ && code !== C_RSQ) continue;
    const c = text[i];
    if (c === LDQ || c === LOW9 || c === LAQUO) {
      marks.push({ at: i, width: 1, role: 'open' });
    } else if (c === RDQ || c === RAQUO) {
      marks.push({ at: i, width: 1, role: 'close' });
    } else if (c === '"') {
      marks.push({ at: i, width: 1, role: 'either' });
    } else if ((c === LSQ || c === RSQ) && text[i + 1] === c) {
      // AP style ‘‘ … ’’ act as double marks. Two straight apostrophes ('') are not a quotation
      // mark in English typography (they come from ASCII conversions, wiki markup, ditto marks).
      marks.push({ at: i, width: 2, role: c === LSQ ? 'open' : 'close' });
      i++;
    }
  }
  return marks;
}

/**
 * Decide, for a mark that could open or close, which it is, given whether a quote is open now.
 * Curly marks are trusted unless the context plainly contradicts them (a “ followed by a space
 * while a quote is open is a mistyped closing mark, and so on).
 */
function resolveRole(text: string, m: DoubleMark, isOpen: boolean): 'open' | 'close' | 'skip' {
  const prev = m.at > 0 ? text[m.at - 1] : undefined;
  const next = text[m.at + m.width];
  const atWordStart = prev === undefined || OPEN_BEFORE.has(prev);
  const beforeSpaceOrPunct = next === undefined || isSpace(next) || /[.,;:!?)\]\u2014\u2013-]/.test(next);
  if (m.role === 'open') {
    if (isOpen && !atWordStart && beforeSpaceOrPunct) return 'close';
    return 'open';
  }
  if (m.role === 'close') {
    if (!isOpen && atWordStart && next !== undefined && !isSpace(next)) return 'open';
    return 'close';
  }
  // straight mark
  if (!isOpen) {
    // 6'2" or a 55" screen: an inch mark, not a quotation mark
    if (isDigit(prev) && (next === undefined || isSpace(next) || /[.,;)]/.test(next))) return 'skip';
    return 'open';
  }
  return 'close';
}

/** Top-level double-mark spans of a block. Marks inside are nested quotes and stay in the text. */
function doubleSpans(text: string): MarkSpan[] {
  const spans: MarkSpan[] = [];
  const marks = doubleMarks(text);
  let openMark: DoubleMark | null = null;
  for (const m of marks) {
    const role = resolveRole(text, m, openMark !== null);
    if (role === 'skip') continue;
    if (role === 'open') {
      if (openMark) {
        // two opening marks in a row: the first quote was never closed; it ends before this one
        spans.push(makeSpan(openMark.at, openMark.width, m.at, m.at, false, false, 'double'));
      }
      openMark = m;
    } else if (openMark) {
      spans.push(makeSpan(openMark.at, openMark.width, m.at, m.at + m.width, true, false, 'double'));
      openMark = null;
    } else if (spans.length === 0 && m.at > 0) {
      // a closing mark with no opening one: the writer left out the opening mark at the block's start
      spans.push({ open: 0, start: 0, end: m.at, close: m.at + m.width, family: 'double', closed: true, openless: true });
    }
  }
  if (openMark) spans.push(makeSpan(openMark.at, openMark.width, text.length, text.length, false, false, 'double'));
  return spans;
}

function makeSpan(open: number, width: number, end: number, close: number, closed: boolean, openless: boolean, family: 'double' | 'single'): MarkSpan {
  return { open, start: open + width, end, close, family, closed, openless };
}


/** Single-mark spans outside double spans (British style, headlines). Apostrophes are skipped by position. */
function singleSpans(text: string, doubles: MarkSpan[]): MarkSpan[] {
  const spans: MarkSpan[] = [];
  const n = text.length;
  let openAt = -1;
  let d = 0; // doubles are in order: walk them alongside, so the check stays linear
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code !== C_LSQ && code !== C_RSQ && code !== C_APOS) continue;
    const c = text[i];
    if (text[i + 1] === c || (i > 0 && text[i - 1] === c)) continue; // doubled: handled as a double mark
    while (d < doubles.length && doubles[d].close <= i) d++;
    if (d < doubles.length && i >= doubles[d].open && i < doubles[d].close) continue; // nested in a double quote
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    const canOpen =
      (prev === undefined || OPEN_BEFORE.has(prev)) && next !== undefined && !isSpace(next) && (c !== RSQ || openAt < 0) &&
      !LEADING_APOSTROPHE.test(text.slice(i + 1, i + 6));
    const canClose = prev !== undefined && !isSpace(prev) && !isLetterOrDigit(next) && c !== LSQ;
    if (openAt >= 0 && canClose) {
      // "the Joneses' house": a plural possessive looks like a close; accept it only if the span is plausible
      spans.push(makeSpan(openAt, 1, i, i + 1, true, false, 'single'));
      openAt = -1;
    } else if (canOpen && (c === LSQ || openAt < 0)) {
      openAt = i;
    }
  }
  // an unmatched single opening mark is far more often an apostrophe than a quote: drop it
  return spans;
}

/** All quotation spans of one block, in order; nested quotes are part of their outer span. */
export function findMarkSpans(text: string): MarkSpan[] {
  const doubles = doubleSpans(text);
  const singles = singleSpans(text, doubles);
  if (singles.length === 0) return doubles;
  return [...doubles, ...singles].sort((a, b) => a.open - b.open);
}
