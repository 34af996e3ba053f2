/**
 * The page reader on the real saved pages of ../shared/pages (read from there, never copied): the
 * gold quotes must lie in the blocks it returns, and no quote may come from a block that is not in
 * the benchmark's reference body. Skips itself, saying so, where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/node/dom';
import { capturePage } from '../../../lib/capture';

const PAGES = resolve(import.meta.dirname, '../../../../shared/pages');
const present = existsSync(join(PAGES, 'pages-dev.jsonl'));
if (!present) console.warn(`shared-pages.test: ${PAGES} not found; these tests are skipped`);

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u00AD\u200B]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

describe.skipIf(!present)('real news pages (../shared/pages)', () => {
  const gold = present
    ? readFileSync(join(PAGES, 'pages-dev.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; file: string; url: string; quotes: { quote: string }[] })
    : [];
  const truth = present ? (JSON.parse(readFileSync(join(PAGES, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>) : {};
  const results = gold.map((g) => {
    const key = Object.keys(truth).find((k) => g.id === 'aeb-' + k.slice(0, 12));
    return { g, body: key ? norm(truth[key].articleBody) : '', result: capturePage(parseDocument(readFileSync(join(PAGES, g.file), 'utf8')), g.url) };
  });

  it('reads every page as an article', () => {
    expect(results.filter((r) => !r.result).map((r) => r.g.id)).toEqual([]);
  });

  it('returns blocks that hold at least 97% of the gold quotes', () => {
    let total = 0;
    let covered = 0;
    for (const { g, result } of results) {
      const texts = (result?.page.blocks ?? []).map((b) => norm(b.text));
      total += g.quotes.length;
      covered += g.quotes.filter((q) => texts.some((t) => t.includes(norm(q.quote)))).length;
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.97);
  });

  it('takes no quote from a block outside the reference article body', () => {
    const leaks: string[] = [];
    for (const { g, body, result } of results) {
      if (!result) continue;
      for (const q of result.capture.quotes) {
        const block = result.page.blocks[q.block];
        if (!body.includes(norm(block.text))) leaks.push(`${g.id}: ${q.quote.slice(0, 60)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
