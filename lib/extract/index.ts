/**
 * The extraction engine: blocks of text in, quotes with speakers out. Pure: no DOM, no browser APIs,
 * no clock; the same code runs in the content script, in Node (CLI, evaluation, benchmarks) and in tests.
 */
import { findMarkSpans } from './marks';
import { attribute } from './attribute';
import type { Block, ExtractOptions, ExtractResult } from './types';

export type { Block, BlockKind, ExtractedQuote, ExtractOptions, ExtractResult, QuoteKind, SpeakerType } from './types';

export const DEFAULT_MAX_CHARS = 400_000;

/**
 * Split plain text into paragraph blocks (one per non-empty line). A short first line set apart by
 * a blank line, ahead of a body of several paragraphs, is the headline (the usual layout of a news
 * article saved as text) and is marked as a heading.
 */
export function blocksFromText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ text: line, kind: 'paragraph' });
  }
  if (blocks.length >= 3 && blocks[0].text.length <= 300) {
    // the first line, then a blank line
    const start = text.indexOf(blocks[0].text);
    const after = text.slice(start + blocks[0].text.length, start + blocks[0].text.length + 8);
    if (text.slice(0, start).trim() === '' && /^[ \t\r]*\n[ \t\r]*\n/.test(after)) blocks[0] = { text: blocks[0].text, kind: 'heading' };
  }
  return blocks;
}

export function extractQuotes(input: readonly Block[], options: ExtractOptions = {}): ExtractResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const blocks: Block[] = [];
  let total = 0;
  for (const b of input) {
    if (total >= maxChars) break;
    const text = b.text.length + total > maxChars ? b.text.slice(0, maxChars - total) : b.text;
    total += text.length;
    blocks.push({ text, kind: b.kind });
  }
  const spans = blocks.map((b) => findMarkSpans(b.text));
  return { quotes: attribute(blocks, spans, options.debug ?? false) };
}

export function extractFromText(text: string, options?: ExtractOptions): ExtractResult {
  return extractQuotes(blocksFromText(text), options);
}
