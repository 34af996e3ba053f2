/**
 * `npm run bench:engine`: the extraction engine in Node, side by side with compromise's
 * `.quotations()` on the same articles in the same run, and how its time scales with length.
 * Articles come from ../shared/corpus/polnear-dev.jsonl when present, else the project's samples.
 * Prints a table, then one line of JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { extractFromText } from '../lib/extract';
import { readArticle } from '../lib/page';
import { parseDocument } from '../lib/node/dom';

const ROOT = resolve(import.meta.dirname, '..');
/** QUOTEMARK_SHARED replaces ../shared (e.g. with a missing folder, to try the bench without it). */
const CORPUS = join(process.env.QUOTEMARK_SHARED ? resolve(process.env.QUOTEMARK_SHARED) : resolve(ROOT, '../shared'), 'corpus/polnear-dev.jsonl');

function loadArticles(): { source: string; texts: string[] } {
  if (existsSync(CORPUS)) {
    const texts = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { source: 'PolNeAR dev (../shared)', texts };
  }
  console.log('note: ../shared is not here; timing the project samples instead of the PolNeAR corpus');
  const dir = resolve(ROOT, 'samples');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readArticle(parseDocument(readFileSync(resolve(dir, f), 'utf8')), `https://samples.invalid/${f}`))
    .filter((p) => p !== null)
    .map((p) => p.blocks.map((b) => b.text).join('\n'));
  return { source: 'project samples', texts };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Per-article times (ms), the fastest of `rounds` runs of each article. */
function timeEach(texts: string[], fn: (t: string) => unknown, rounds: number): number[] {
  const best = texts.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, i) => {
      const a = performance.now();
      fn(t);
      best[i] = Math.min(best[i], performance.now() - a);
    });
  }
  return best.sort((a, b) => a - b);
}

function main(): void {
  const { source, texts } = loadArticles();
  // warm up both
  for (const t of texts) extractFromText(t);
  for (const t of texts.slice(0, 50)) nlp(t).quotations().out('array');

  const ours = timeEach(texts, (t) => extractFromText(t), 5);
  const peer = timeEach(texts, (t) => nlp(t).quotations().out('array'), 2);
  const oursMedian = percentile(ours, 0.5);
  const peerMedian = percentile(peer, 0.5);

  // scaling: the median-length article, and the same article ten times over
  const byLength = [...texts].sort((a, b) => a.length - b.length);
  const base = byLength[Math.floor(byLength.length / 2)];
  const big = Array.from({ length: 10 }, () => base).join('\n');
  const t1 = percentile(timeEach([base], (t) => extractFromText(t), 30), 0.5);
  const t10 = percentile(timeEach([big], (t) => extractFromText(t), 10), 0.5);
  const scaling = t10 / (10 * t1);

  const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  const result = {
    articles: texts.length,
    engine_ms_per_article_median: r(oursMedian),
    engine_ms_per_article_p95: r(percentile(ours, 0.95)),
    engine_ms_per_article_max: r(ours[ours.length - 1]),
    peer_compromise_ms_per_article_median: r(peerMedian),
    speedup_vs_compromise: r(peerMedian / oursMedian, 1),
    engine_scaling_10x: r(scaling, 2),
  };
  console.log(`Engine timing on ${source}, ${texts.length} articles (best of 5 runs each; compromise best of 2)`);
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| engine ms/article, median | ${result.engine_ms_per_article_median} |`);
  console.log(`| engine ms/article, p95 | ${result.engine_ms_per_article_p95} |`);
  console.log(`| engine ms/article, max | ${result.engine_ms_per_article_max} |`);
  console.log(`| compromise .quotations() ms/article, median | ${result.peer_compromise_ms_per_article_median} |`);
  console.log(`| speed-up vs compromise | ${result.speedup_vs_compromise}x |`);
  console.log(`| scaling, 10x longer article (1.0 = linear) | ${result.engine_scaling_10x} |`);
  console.log(JSON.stringify(result));
}

main();
