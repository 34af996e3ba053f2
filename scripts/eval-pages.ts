/**
 * How well the page reader reads real news pages (../shared/pages/: saved pages, gold quotes, and the
 * extraction benchmark's reference article bodies).
 *
 *   npm run --silent eval:pages [-- --verbose] [-- --reader readability] [-- --page ID]
 *
 * Prints per page: how many gold quotes lie in the blocks the reader returns (coverage), the blocks
 * returned that are not in the reference body (boilerplate leaking in: navigation, teasers, comments,
 * captions), and the quotes the engine takes from such blocks. Then the totals.
 * `--reader readability` measures Mozilla Readability (on the same Node DOM) for comparison.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseDocument } from '../lib/node/dom';
import { readPage } from '../lib/page/read';
import { extractQuotes } from '../lib/extract';
import type { Block } from '../lib/extract/types';

const PAGES = resolve(import.meta.dirname, '../../shared/pages');

interface Gold {
  id: string;
  file: string;
  url: string;
  quotes: { quote: string; kind: string }[];
}

/** Compared without white space: the reference bodies have stray spaces (`" Trading Nation"`) where pages have none. */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** Kinds the engine takes ordinary quotes from (see lib/extract/types.ts), plus headings and list items it may read. */
const TEXT_KINDS = new Set(['paragraph', 'blockquote', 'list-item', 'heading']);

function readabilityBlocks(html: string): Block[] {
  const doc = parseDocument(html);
  const article = new Readability(doc).parse();
  if (!article?.content) return [];
  const out = parseDocument(`<html><body>${article.content}</body></html>`);
  return Array.from(out.querySelectorAll('p, h2, h3, h4, li, blockquote, figcaption'))
    .filter((el) => !el.querySelector('p'))
    .map((el) => ({ text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), kind: 'paragraph' as const }))
    .filter((b) => b.text);
}

function main(): number {
  if (!existsSync(join(PAGES, 'pages-dev.jsonl'))) {
    console.error(`eval:pages: ${PAGES} not found (the shared evaluation pages); nothing measured.`);
    return 2;
  }
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const reader = args.includes('--reader') ? args[args.indexOf('--reader') + 1] : 'quotemark';
  const only = args.includes('--page') ? args[args.indexOf('--page') + 1] : null;
  const gold: Gold[] = readFileSync(join(PAGES, 'pages-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold);
  const truth = JSON.parse(readFileSync(join(PAGES, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;

  let quotes = 0;
  let covered = 0;
  let leakBlocks = 0;
  let marked = 0;
  let leakQuotes = 0;
  let ms = 0;
  let paras = 0;
  let lostParas = 0;
  const rows: string[] = [];
  for (const g of gold) {
    if (only && !g.id.includes(only)) continue;
    const key = Object.keys(truth).find((k) => g.id === 'aeb-' + k.slice(0, 12));
    const body = key ? norm(truth[key].articleBody) : '';
    const html = readFileSync(join(PAGES, g.file), 'utf8');
    const t0 = performance.now();
    let blocks: Block[];
    let note = '';
    if (reader === 'readability') blocks = readabilityBlocks(html);
    else {
      const r = readPage(parseDocument(html), g.url);
      if ('skipped' in r) {
        blocks = [];
        note = ` SKIPPED: ${r.skipped} (${r.detail})`;
      } else {
        blocks = r.page.blocks;
        note = ` [${r.page.signal}${r.page.hint ? ', hint ' + r.page.hint : ''}]`;
      }
    }
    ms += performance.now() - t0;
    const texts = blocks.map((b) => norm(b.text));
    const missed = g.quotes.filter((q) => !texts.some((t) => t.includes(norm(q.quote))));
    quotes += g.quotes.length;
    covered += g.quotes.length - missed.length;
    const all = texts.join('|');
    const refParas = key ? truth[key].articleBody.split('\n').filter((p) => p.trim().length >= 40) : [];
    const lost = refParas.filter((p) => !all.includes(norm(p)));
    paras += refParas.length;
    lostParas += lost.length;
    const leaks = blocks.filter((b) => TEXT_KINDS.has(b.kind) && !body.includes(norm(b.text)));
    const others = blocks.filter((b) => !TEXT_KINDS.has(b.kind) && !body.includes(norm(b.text)));
    leakBlocks += leaks.length;
    marked += others.length;
    const leaked = new Set(leaks.map((b) => blocks.indexOf(b)));
    const spurious = extractQuotes(blocks).quotes.filter((q) => leaked.has(q.block));
    leakQuotes += spurious.length;
    rows.push(
      `${g.id}  coverage ${g.quotes.length - missed.length}/${g.quotes.length}  blocks ${blocks.length}  not in reference: ${leaks.length} text, ${others.length} caption/byline  quotes from them: ${spurious.length}  reference paragraphs not read: ${lost.length}/${refParas.length}${note}`,
    );
    if (verbose) for (const p of lost) rows.push(`    NOT READ ${JSON.stringify(p.slice(0, 110))}`);
    for (const q of missed) rows.push(`    MISSED  ${JSON.stringify(q.quote.slice(0, 100))}`);
    if (verbose || spurious.length) {
      for (const b of leaks) rows.push(`    LEAK    ${b.kind.padEnd(10)} ${JSON.stringify(b.text.slice(0, 110))}`);
      if (verbose) for (const b of others) rows.push(`    marked  ${b.kind.padEnd(10)} ${JSON.stringify(b.text.slice(0, 110))}`);
    }
    for (const q of spurious) rows.push(`    QUOTE FROM LEAK  ${JSON.stringify(q.quote.slice(0, 100))}`);
  }
  console.log(rows.join('\n'));
  const pct = quotes ? (100 * covered) / quotes : 0;
  console.log(
    `\nreader ${reader}: coverage ${covered}/${quotes} = ${pct.toFixed(1)}% of gold quotes in the blocks returned; ` +
      `${leakBlocks} text blocks and ${marked} caption/byline blocks not in the reference bodies; ${leakQuotes} quotes taken from those; ` +
      `${lostParas}/${paras} reference paragraphs (40+ characters) not read; ` +
      `${ms.toFixed(0)} ms in Node (parse excluded for quotemark, included for readability)`,
  );
  console.log(JSON.stringify({ reader, quotes, covered, coverage: Math.round(pct * 10) / 10, leakBlocks, markedBlocks: marked, leakQuotes, paragraphs: paras, paragraphsNotRead: lostParas }));
  return 0;
}

process.exit(main());
