/**
 * Bad input, on purpose: random and malformed text for the engine (its public entry only) and
 * random and malformed documents for the page reader. Nothing may throw, every answer keeps its
 * shape, and the time taken grows in proportion to the input (checked as a ratio between a size and
 * ten times that size, with wide slack for a shared machine: a quadratic step would show as ~100).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromText, extractQuotes, type Block, type BlockKind } from '../../../lib/extract';
import { growth, NASTY } from './fuzz-support';

const KINDS: BlockKind[] = ['paragraph', 'heading', 'blockquote', 'caption', 'list-item'];

const nastyText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }), { maxLength: 200 })
  .map((parts) => parts.join(''));

const blocks = fc.array(fc.record({ text: nastyText, kind: fc.constantFrom(...KINDS) }), { maxLength: 20 });

function checkResult(result: ReturnType<typeof extractQuotes>): void {
  expect(Array.isArray(result.quotes)).toBe(true);
  for (const q of result.quotes) {
    expect(typeof q.quote).toBe('string');
    expect(q.quote.length).toBeGreaterThan(0);
  }
}

describe('the engine on random and malformed text', { timeout: 120_000 }, () => {
  it('never throws on random blocks of quote marks, controls, mixed scripts and lone surrogates', () => {
    fc.assert(
      fc.property(blocks, (bs) => {
        checkResult(extractQuotes(bs as Block[]));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random text (as a pasted article)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), nastyText, (a, b) => {
        checkResult(extractFromText(a + '\n\n' + b));
      }),
      { numRuns: 300 },
    );
  });

  it('unbalanced marks with speech verbs in one long block: no exception, time linear', () => {
    checkResult(extractQuotes([{ text: '“He said '.repeat(20_000), kind: 'paragraph' }]));
    checkResult(extractQuotes([{ text: 'ended,” she said. '.repeat(10_000), kind: 'paragraph' }]));
    checkResult(extractQuotes(Array.from({ length: 2_000 }, () => ({ text: '“He said '.repeat(50), kind: 'paragraph' as const }))));
    for (const unit of ['“He said ', 'ended,” she said. ']) {
      const ratio = growth((n) => {
        const text = unit.repeat(Math.ceil(n / unit.length));
        return () => extractQuotes([{ text, kind: 'paragraph' }], { maxChars: Infinity });
      }, 20_000);
      expect(ratio, `one block of ${JSON.stringify(unit)}: time(200k)/time(20k)`).toBeLessThan(40);
    }
  });

  const cases: [string, (n: number) => string][] = [
    ['unbalanced opening marks', (n) => '“'.repeat(n >> 1) + ' words '.repeat(n >> 4)],
    ['unbalanced closing marks', (n) => 'ended,” '.repeat(n >> 3)],
    ['straight quote marks only', (n) => '"'.repeat(n)],
    ['alternating curly marks', (n) => '“”'.repeat(n >> 1)],
    ['nested marks that never close', (n) => '“‘«'.repeat(n / 3)],
    ['quotes each said by someone', (n) => '“We will build it,” said Jane Doe. '.repeat(Math.ceil(n / 35))],
    ['control characters and lone surrogates', (n) => '\u0000\ud800“x\u202e”\udfff said\u0007 '.repeat(Math.ceil(n / 16))],
  ];

  for (const [name, make] of cases) {
    it(`${name}: 100,000 marks in one block and in many, no exception, time linear in size`, () => {
      checkResult(extractQuotes([{ text: make(100_000), kind: 'paragraph' }]));
      const many = Array.from({ length: 1_000 }, () => ({ text: make(100), kind: 'paragraph' as const }));
      checkResult(extractQuotes(many));
      // one long block (a hostile page's single paragraph)
      const single = growth((n) => {
        const text = make(n);
        return () => extractQuotes([{ text, kind: 'paragraph' }], { maxChars: Infinity });
      }, 10_000);
      // the same text in blocks of 2,000 characters (the page reader sends paragraphs)
      const ratio = growth((n) => {
        const bs = Array.from({ length: n / 2_000 }, () => ({ text: make(2_000), kind: 'paragraph' as const }));
        return () => extractQuotes(bs, { maxChars: Infinity });
      }, 40_000);
      console.log(`engine, ${name}: one block time(100k)/time(10k) = ${single.toFixed(1)}; blocks of 2,000 time(400k)/time(40k) = ${ratio.toFixed(1)}`);
      expect(single, `time(100k)/time(10k) in one block for ${name}`).toBeLessThan(40);
      expect(ratio, `time(400k)/time(40k) in blocks for ${name}`).toBeLessThan(40);
    });
  }

  it('a 5 MB article: no exception, the engine reads its first 400,000 characters, and time grows linearly to that', () => {
    const para = '“We have waited long enough for a decision,” said Ana Abara, the mayor, after the meeting. The debate ran for hours and the hall stayed full.\n';
    const text = para.repeat(Math.ceil(5_000_000 / para.length));
    const t0 = performance.now();
    const result = extractFromText(text);
    const ms = performance.now() - t0;
    checkResult(result);
    expect(result.quotes.length).toBeGreaterThan(1_000);
    console.log(`engine on a ${(text.length / 1e6).toFixed(1)} M character article: ${ms.toFixed(0)} ms, ${result.quotes.length} quotes`);
    const ratio = growth((n) => {
      const t = para.repeat(Math.ceil(n / para.length));
      return () => extractFromText(t, { maxChars: Infinity });
    }, 40_000);
    expect(ratio, 'time(400k)/time(40k)').toBeLessThan(40);
  });
});

