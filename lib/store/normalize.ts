/**
 * Text normalisation shared by saving, search and grouping: one place decides what counts as
 * "the same words".
 */

/** Normalised quote text: the identity of a statement within its article, regardless of typography. */
export function normalizeQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'.,;:!?\-(\[]+|[\s"'.,;:!?\-)\]]+$/g, '');
}

/** Lower case, accents removed, typographic apostrophes made plain. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** A word of a text with its place in the original string (for marking differences). */
export interface WordToken {
  /** The folded word: lower case, no accents, no apostrophes ("don't" → "dont"). */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

/** The words of a text in order, with offsets into the text as given. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]).replace(/'/g, '');
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The folded words of a text, in order. */
export function words(text: string): string[] {
  return wordTokens(text).map((t) => t.word);
}

/**
 * English function words: left out of the search index (they match everything) and of the
 * sketches used to find the same quote elsewhere (they say nothing about which statement it is).
 * Apostrophes are folded away, so contractions appear without them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also very us let lets im ive id ill youre youve youd youll hes shes ' +
    'were weve wed well theyre theyve theyd theyll its thats whats theres heres dont doesnt didnt isnt arent wasnt werent ' +
    'hasnt havent hadnt wont wouldnt cant cannot couldnt shouldnt mustnt'
  ).split(' '),
);

/** Longest word kept in the search index (longer runs are noise: URLs, hashes). */
const MAX_WORD = 40;
/** At most this many distinct words of one quote are indexed for search. */
const MAX_WORDS = 200;

/** The distinct words a text is found by in search: no function words, no single letters. */
export function searchWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 2 || w.length > MAX_WORD || STOPWORDS.has(w)) continue;
    out.add(w);
    if (out.size >= MAX_WORDS) break;
  }
  return [...out];
}

/**
 * The terms of a search query, each matched as a word prefix. Single letters are ignored, and so
 * are function words (they are not indexed) unless the query has nothing else: "the" alone still
 * finds "theory" as you type.
 */
export function queryTerms(query: string): string[] {
  const all = [...new Set(words(query).filter((w) => w.length >= 2 && w.length <= MAX_WORD))];
  const content = all.filter((w) => !STOPWORDS.has(w));
  return content.length ? content : all;
}
