/** A set of words written as one space-separated string (shorter in the content script than an array literal). */
export function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}
