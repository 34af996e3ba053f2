/**
 * Accuracy guards on the shared gold sets, scored by the reference scorer. They need ../shared
 * (not part of the project); without it they are skipped, and say so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../../lib/extract';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHARED = resolve(ROOT, '../shared');
const SCORER = resolve(SHARED, 'tools/score-quotes.mjs');
const present = existsSync(SCORER);
if (!present) console.warn(`corpus accuracy tests skipped: ${SHARED} is not here (it holds the gold sets and the reference scorer)`);

interface Summary {
  quote: { f1: number };
  speaker: { lenient: number; strict: number };
  e2e: { f1: number };
}

function score(gold: string): Summary {
  const out = execFileSync(process.execPath, [SCORER, '--gold', resolve(SHARED, gold)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Summary;
}

describe.skipIf(!present)('accuracy on the shared gold sets (reference scorer)', () => {
  it('finds every statement of the seed article with its speaker, and not the quoted subheading', () => {
    const seed = JSON.parse(readFileSync(resolve(SHARED, 'samples/seed-article.jsonl'), 'utf8').split('\n')[0]) as { text: string; quotes: { quote: string; speaker: string; type: string }[] };
    const found = extractFromText(seed.text).quotes;
    for (const g of seed.quotes) {
      const hit = found.find((q) => q.quote.includes(g.quote.replace(/[,.]$/, '')) || g.quote.includes(q.quote.replace(/[,.]$/, '')));
      expect(hit, g.quote).toBeDefined();
      expect(hit?.speaker?.toLowerCase()).toBe(g.speaker.toLowerCase());
    }
    expect(found.some((q) => /speak up/i.test(q.quote) && q.quote.length < 12)).toBe(false);
  });

  it('keeps PolNeAR dev accuracy at or above its recorded level', () => {
    const s = score('corpus/polnear-dev.jsonl');
    expect(s.quote.f1).toBeGreaterThanOrEqual(0.975);
    expect(s.speaker.lenient).toBeGreaterThanOrEqual(0.94);
    expect(s.speaker.strict).toBeGreaterThanOrEqual(0.93);
  }, 60_000);

  it('keeps accuracy on the real saved pages at or above its recorded level', () => {
    const s = score('pages/pages-dev.jsonl');
    expect(s.quote.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.speaker.lenient).toBeGreaterThanOrEqual(0.92);
    expect(s.e2e.f1).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
