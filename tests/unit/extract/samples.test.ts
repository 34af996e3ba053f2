/**
 * The sample articles (samples/, written for the project) read and extracted in Node exactly as the
 * extension does it: the page reader, then the engine. The browser tests check the same through
 * the built extension; this one fails fast, without a browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { parseDocument } from '../../../lib/node/dom';

const SAMPLES = resolve(import.meta.dirname, '../../../samples');
const expected = JSON.parse(readFileSync(resolve(SAMPLES, 'expected.json'), 'utf8')) as Record<string, { quote: string; speaker: string; kind: string }[] | string>;

describe('sample articles', () => {
  for (const [file, quotes] of Object.entries(expected)) {
    if (typeof quotes === 'string') continue; // the file's own comment
    it(`${file}: ${quotes.length ? `${quotes.length} quotes with their speakers` : 'nothing (not an article)'}`, () => {
      const result = capturePage(parseDocument(readFileSync(resolve(SAMPLES, file), 'utf8')), `https://samples.invalid/${file}`);
      const got = result?.capture.quotes.map((q) => ({ quote: q.quote, speaker: q.speaker, kind: q.kind })) ?? [];
      expect(got).toEqual(quotes);
    });
  }
});
