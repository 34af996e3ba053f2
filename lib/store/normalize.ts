/** Normalised quote text: the identity of a statement regardless of typography. */
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

const TITLE_WORDS = /^(mr|mrs|ms|miss|dr|prof|sir|dame|sen|senator|rep|gov|governor|president|secretary|gen|judge|mayor|the)\.?$/i;

/** Identity key of a speaker name: lower case, accents and titles removed. */
export function speakerKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && TITLE_WORDS.test(words[0])) words.shift();
  return words.join(' ');
}
