import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from './server';

export interface ExpectedQuote {
  quote: string;
  speaker: string;
  kind: 'direct' | 'partial' | 'block';
}

const raw = JSON.parse(readFileSync(join(SAMPLES_DIR, 'expected.json'), 'utf8')) as Record<string, unknown>;

/** Expected quotes per sample page (samples/expected.json). */
export function expectedFor(page: string): ExpectedQuote[] {
  const v = raw[page];
  if (!Array.isArray(v)) throw new Error(`samples/expected.json has no entry for ${page}`);
  return v as ExpectedQuote[];
}

/** How the popup shows a quote's text (see components/QuoteItem.tsx displayQuote). */
export function shown(quote: string): string {
  return quote.trim().replace(/,$/, '');
}
