/**
 * `npm run eval`: accuracy of the engine (and the page reader) with the reference scorer's rules,
 * on the dev corpus, the saved real pages and the seed sample from ../shared, plus the project's
 * own samples. Prints one table; writes misses, spurious quotes and wrong speakers to eval-out/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const SCORER = resolve(SHARED, 'tools/score-quotes.mjs');
const OUT = resolve(ROOT, 'eval-out');

const SETS = [
  { name: 'polnear-dev', gold: resolve(SHARED, 'corpus/polnear-dev.jsonl') },
  { name: 'pages', gold: resolve(SHARED, 'pages/pages-dev.jsonl') },
  { name: 'seed-sample', gold: resolve(SHARED, 'samples/seed-article.jsonl') },
];

interface Summary {
  docs: number;
  quote: { p: number; r: number; f1: number; tp: number; fp: number; fn: number };
  speaker: { n: number; lenient: number; strict: number };
  speaker_descriptor: { n: number; acc: number };
  speaker_silver_coref: { n: number; acc: number };
  e2e: { p: number; r: number; f1: number };
  wall_ms: number;
}

if (!existsSync(SCORER)) {
  console.log(`eval: ${SHARED} is not here (it holds the gold corpus and the reference scorer); nothing to score.`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });
const rows: [string, Summary][] = [];
for (const set of SETS) {
  if (!existsSync(set.gold)) {
    console.log(`eval: ${set.gold} missing, skipped`);
    continue;
  }
  const details = resolve(OUT, `${set.name}.details.jsonl`);
  const run = spawnSync(process.execPath, [SCORER, '--gold', set.gold, '--details', details], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) {
    console.error(run.stderr);
    console.error(`eval: scorer failed on ${set.name}`);
    process.exit(1);
  }
  const last = run.stdout.trim().split('\n').pop() ?? '{}';
  rows.push([set.name, JSON.parse(last) as Summary]);
}

const f = (x: number) => x.toFixed(3);
console.log('');
console.log('| set | docs | quote P | quote R | quote F1 | speaker lenient | speaker strict | descriptors | silver coref | end-to-end F1 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, s] of rows) {
  console.log(
    `| ${name} | ${s.docs} | ${f(s.quote.p)} | ${f(s.quote.r)} | ${f(s.quote.f1)} | ${f(s.speaker.lenient)} (n ${s.speaker.n}) | ${f(s.speaker.strict)} | ${f(s.speaker_descriptor.acc)} (n ${s.speaker_descriptor.n}) | ${f(s.speaker_silver_coref.acc)} (n ${s.speaker_silver_coref.n}) | ${f(s.e2e.f1)} |`,
  );
}
console.log(`\nMisses, spurious quotes and wrong speakers per document: ${OUT}/<set>.details.jsonl`);
