/**
 * `npm run bench`: every figure that matters for speed and size, side by side with a peer, against
 * its budget (scripts/bench/budgets.ts). Runs the parts one after another, each in its own process,
 * and collects the JSON line each prints last:
 *   - engine: scripts/bench-engine.ts (the engine in Node on ../shared/corpus, and compromise);
 *   - sizes:  a release build (`wxt build`), gzip sizes of what the browser loads (scripts/bench/sizes.ts);
 *   - page:   scripts/bench-page.ts --all (the content script in Chromium on every page of
 *             ../shared/pages, pages that are not articles, the background's engine time, memory);
 *   - store:  scripts/bench-store.ts with 100,000 quotes, in a browser profile kept in bench-out/
 *             (loading 100,000 quotes through the store's save path takes minutes: the first run
 *             pays it, later runs reuse the profile while the schema and the options are the same);
 *   - popup:  scripts/bench-popup.ts on that same profile (its "This page" is an article of it).
 * Prints a table of the issue's figures (each value, its budget and whether the budget holds), a
 * second table of figures that help read them, notes, then one line of JSON with exactly the
 * issue's keys (numbers; ms unless the key says; null where a part could not run, the notes say
 * why). Each part's full output goes to bench-out/bench-<part>.log; everything, with the machine,
 * to bench-out/bench.json.
 *
 *   npm run bench [-- --only engine,sizes,page,store,popup] [-- --fresh] [-- --quotes 100000]
 *   npm run bench -- --markdown   # print the figures as Markdown (always written to bench-out/bench.md)
 *   npm run bench -- --readme     # also put them in README.md's Performance section
 *
 * `--fresh` loads the 100,000 quotes again. QUOTEMARK_SHARED=DIR replaces ../shared (the corpus and
 * the real pages; a missing folder shows what the bench does without them).
 *
 * A part that cannot run here (no ../shared, no Chromium) says so and gives nulls; the command
 * exits 0 then. It exits 1 only when a part crashed. Budgets never change the exit code.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { FIGURES, ISSUE_FIGURES, OTHER_FIGURES, budgetText, holds, type Figure, type Piece } from './bench/budgets';
import { bundleSizes } from './bench/sizes';
import { CHROME_BUILD, chromiumPath } from './support/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const argv = process.argv.slice(2);
function opt(name: string): string | null {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? null) : null;
}
const ALL_PIECES: Piece[] = ['sizes', 'engine', 'page', 'store', 'popup'];
const ONLY = new Set((opt('only')?.split(',') ?? ALL_PIECES) as Piece[]);
const QUOTES = Number(opt('quotes') ?? 100_000);
const PROFILE = join(OUT, `profile-store-${QUOTES}`);

type Values = Record<string, number | null>;

interface Outcome {
  piece: Piece;
  /** ran: figures collected; skipped: cannot run here (or not asked for); failed: crashed. */
  status: 'ran' | 'skipped' | 'failed';
  why?: string;
  values: Values;
  notes: string[];
  seconds: number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Run a script of the project in its own process; its output goes to bench-out/bench-<piece>.log. */
function runScript(piece: Piece, script: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; tail: string }> {
  return new Promise((done) => {
    const file = join(OUT, `bench-${piece}.log`);
    const logFile = createWriteStream(file);
    const child = spawn(TSX, [join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    const keep = (s: string) => (tail = (tail + s).slice(-2000));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      keep(d.toString());
      logFile.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      keep(d.toString());
      logFile.write(d);
    });
    const timer = setTimeout(() => {
      keep(`\n(bench: timed out after ${timeoutMs / 1000} s)`);
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      logFile.end();
      done({ code, stdout, tail });
    });
  });
}

/** The last line of JSON a script printed. */
function lastJson(stdout: string): Record<string, unknown> | null {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{') && l.endsWith('}'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(lines[i]) as Record<string, unknown>;
    } catch {
      // not JSON after all
    }
  }
  return null;
}

function numbers(piece: Piece, json: Record<string, unknown>): Values {
  const out: Values = {};
  for (const f of FIGURES.filter((f) => f.piece === piece)) out[f.key] = typeof json[f.key] === 'number' ? (json[f.key] as number) : null;
  return out;
}

function nulls(piece: Piece): Values {
  return Object.fromEntries(FIGURES.filter((f) => f.piece === piece).map((f) => [f.key, null]));
}

function lastLines(s: string, n = 6): string {
  return s.trim().split('\n').slice(-n).join('\n');
}

async function timed(piece: Piece, f: () => Promise<Omit<Outcome, 'piece' | 'seconds'>>): Promise<Outcome> {
  if (!ONLY.has(piece)) return { piece, status: 'skipped', why: 'not asked for (--only)', values: nulls(piece), notes: [], seconds: 0 };
  const t0 = Date.now();
  log(`== ${piece}: running (log: bench-out/bench-${piece}.log)`);
  let o: Omit<Outcome, 'piece' | 'seconds'>;
  try {
    o = await f();
  } catch (e) {
    o = { status: 'failed', why: e instanceof Error ? e.message : String(e), values: nulls(piece), notes: [] };
  }
  const seconds = Math.round((Date.now() - t0) / 1000);
  log(`== ${piece}: ${o.status}${o.why ? ` (${o.why.split('\n')[0]})` : ''} in ${seconds} s`);
  if (o.status === 'failed' && o.why?.includes('\n')) log(o.why);
  return { piece, seconds, ...o };
}

/** Run a script and turn its output into an outcome. */
async function scriptPiece(piece: Piece, script: string, args: string[], timeoutMs: number, notesOf: (json: Record<string, unknown>, stdout: string) => string[] = () => []): Promise<Omit<Outcome, 'piece' | 'seconds'> & { json?: Record<string, unknown> }> {
  const r = await runScript(piece, script, args, timeoutMs);
  const json = r.code === 0 ? lastJson(r.stdout) : null;
  if (!json) return { status: 'failed', why: `${script} exited with ${r.code ?? 'a signal'}:\n${lastLines(r.tail)}`, values: nulls(piece), notes: [] };
  return { status: 'ran', values: numbers(piece, json), notes: notesOf(json, r.stdout), json };
}

/** The article the kept profile's collection offers as "This page" (when the store bench did not run now). */
function keptSampleUrl(): string | null {
  try {
    const m = JSON.parse(readFileSync(join(PROFILE, '.quotemark-store-seed.json'), 'utf8')) as { sampleUrl?: unknown };
    return typeof m.sampleUrl === 'string' ? m.sampleUrl : null;
  } catch {
    return null;
  }
}

function chromiumMissing(): string | null {
  try {
    chromiumPath();
    return null;
  } catch {
    return 'no Chromium on this machine';
  }
}

function machine(): string[] {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
    } catch {
      return cpus()[0]?.model ?? 'unknown CPU';
    }
  })();
  let chromium = 'no Chromium';
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as missing
  }
  return [`${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB memory`, `Node ${process.version}, ${chromium}`];
}

const fmtValue = (v: number | null, unit: string) => (v === null ? 'n/a' : `${Number.isInteger(v) ? v : v.toFixed(v < 10 ? 2 : 1)}${unit === 'ratio' ? '' : unit === '×' ? '×' : ` ${unit}`}`);

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const loadStart = loadavg();
  log(`bench: ${machine().join('; ')}; load average ${loadStart.map((l) => l.toFixed(2)).join(', ')}`);
  if (argv.includes('--fresh')) rmSync(PROFILE, { recursive: true, force: true });
  const noChromium = chromiumMissing();
  const outcomes: Outcome[] = [];

  // a release build: its sizes, and the extension the store and popup benches load
  outcomes.push(
    await timed('sizes', async () => {
      execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'ignore' });
      const s = bundleSizes(CHROME_BUILD);
      const list = (b: { files: string[]; kbRaw: number }) => `${b.files.join(', ')} (${b.kbRaw} KB minified)`;
      return {
        status: 'ran',
        values: { content_script_kb_gzip: s.content.kbGzip, background_kb_gzip: s.background.kbGzip, popup_kb_gzip: s.popup.kbGzip },
        notes: [`content script: ${list(s.content)}`, `background: ${list(s.background)}`, `popup first view: ${list(s.popup)}; gzip -9 of each file, summed`],
      };
    }),
  );
  const buildOk = outcomes[0].status === 'ran' || !ONLY.has('sizes');

  outcomes.push(
    await timed('engine', () =>
      scriptPiece('engine', 'scripts/bench-engine.ts', [], 15 * 60_000, (json, stdout) => [
        stdout.includes('../shared is not here')
          ? `../shared is not here: timed on the project's ${json.articles} sample articles instead of the PolNeAR corpus`
          : `${json.articles} PolNeAR dev articles, each the best of 5 runs (compromise: best of 2)`,
      ]),
    ),
  );

  outcomes.push(
    await timed('page', async () => {
      if (noChromium) return { status: 'skipped', why: noChromium, values: nulls('page'), notes: [] };
      return scriptPiece('page', 'scripts/bench-page.ts', ['--all', '--runs', '5', '--memory-runs', '5'], 15 * 60_000, (json) => [
        ...(json.real_pages
          ? [`${json.real_pages} real pages × ${json.runs} loads each; slowest: ${json.page_pass_slowest}; longest page: ${json.longest_page}`, `engine in the background, slowest page: ${json.background_extract_slowest}`]
          : []), // bench-page's own note says the real pages were skipped
        ...((json.notes as string[] | undefined) ?? []),
      ]);
    }),
  );

  let sampleUrl: string | null = null;
  let storeReused = false;
  const reused = () => storeReused;
  outcomes.push(
    await timed('store', async () => {
      if (noChromium) return { status: 'skipped', why: noChromium, values: nulls('store'), notes: [] };
      if (!buildOk) return { status: 'skipped', why: 'no release build', values: nulls('store'), notes: [] };
      const r = await scriptPiece('store', 'scripts/bench-store.ts', ['--quotes', String(QUOTES), '--runs', '7', '--profile', PROFILE], 60 * 60_000, (json) => [
        `${json.quotes} quotes, ${json.speakers} speakers, ${json.articles} articles; ${json.reused_profile ? 'profile kept from an earlier run' : 'loaded in this run'} (bench-out/profile-store-${QUOTES})`,
      ]);
      sampleUrl = typeof r.json?.sample_url === 'string' ? r.json.sample_url : null;
      storeReused = r.json?.reused_profile === true;
      return r;
    }),
  );

  outcomes.push(
    await timed('popup', async () => {
      if (noChromium) return { status: 'skipped', why: noChromium, values: nulls('popup'), notes: [] };
      sampleUrl ??= keptSampleUrl();
      if (!sampleUrl) return { status: 'skipped', why: 'no collection: the store bench did not run', values: nulls('popup'), notes: [] };
      return scriptPiece('popup', 'scripts/bench-popup.ts', ['--profile', PROFILE, '--seeded', '--url', sampleUrl, '--runs', '11'], 15 * 60_000, (json) => [
        `"This page" of a stored article, median of ${json.runs} openings (p90 ${json.popup_first_view_p90_ms} ms); a page with no quotes ${json.popup_first_view_empty_page_ms} ms; People tab ${json.people_tab_ms} ms`,
      ]);
    }),
  );

  const values: Values = Object.assign({}, ...outcomes.map((o) => o.values));
  const byPiece = new Map(outcomes.map((o) => [o.piece, o]));
  const verdict = (f: Figure): string => {
    const o = byPiece.get(f.piece)!;
    if (o.status === 'skipped') return `not run: ${o.why}`;
    if (o.status === 'failed') return 'not run: the part crashed';
    const h = holds(f, values[f.key] ?? null);
    return h === null ? (f.budget && values[f.key] === null ? 'no figure (see notes)' : '') : h ? 'holds' : 'FAILS';
  };
  const tableOf = (figures: readonly Figure[]): string[] => {
    const rows = figures.map((f) => [f.key, fmtValue(values[f.key] ?? null, f.unit), budgetText(f.budget), verdict(f), f.what]);
    const header = ['figure', 'value', 'budget', 'verdict', 'what'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    return [line(header), `|${widths.map((w, i) => (i === 1 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)];
  };
  const loadEnd = loadavg();
  const seconds = Math.round((Date.now() - started) / 1000);
  const failing = FIGURES.filter((f) => holds(f, values[f.key] ?? null) === false).map((f) => f.key);
  const notes = outcomes.flatMap((o) => [
    ...(o.status === 'ran' ? [] : [`${o.piece}: ${o.status === 'skipped' ? 'not run' : 'CRASHED'}: ${o.why?.split('\n')[0]}`]),
    ...o.notes.map((n) => `${o.piece}: ${n}`),
  ]);
  const [cpu, software] = machine();
  const loadText = `load average ${loadStart.map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min) at the start, ${loadEnd.map((l) => l.toFixed(2)).join(', ')} at the end`;
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  const markdown = [
    `Measured ${when} with \`npm run bench\` (${seconds} s${reused() ? ', 100,000-quote profile reused from bench-out/' : ''}) on ${cpu}; ${software}; ${loadText}.`,
    '',
    ...tableOf(ISSUE_FIGURES),
    '',
    failing.length ? `Budgets that fail: ${failing.map((k) => `\`${k}\``).join(', ')}.` : 'Every budget measured holds.',
    '',
    'More figures, to read the ones above:',
    '',
    ...tableOf(OTHER_FIGURES),
    '',
    'Notes:',
    '',
    `- time per part: ${outcomes.map((o) => `${o.piece} ${o.status === 'ran' ? `${o.seconds} s` : o.status === 'skipped' ? 'not run' : 'crashed'}`).join(', ')}`,
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  writeFileSync(join(OUT, 'bench.md'), `${markdown}\n`);
  const issueJson = Object.fromEntries(ISSUE_FIGURES.map((f) => [f.key, values[f.key] ?? null]));
  writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify({ when, machine: { cpu, software, load_start: loadStart, load_end: loadEnd }, seconds, figures: values, failing, notes, parts: outcomes.map(({ piece, status, why, seconds }) => ({ piece, status, why, seconds })) }, null, 2)}\n`);

  if (argv.includes('--readme')) {
    // the README's Performance section keeps the latest figures between these two markers
    const readme = join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const [open, close] = ['<!-- bench:start -->', '<!-- bench:end -->'];
    const a = text.indexOf(open);
    const b = text.indexOf(close);
    if (a < 0 || b < a) log(`bench: README.md has no ${open} … ${close} block: not updated`);
    else {
      writeFileSync(readme, `${text.slice(0, a + open.length)}\n${markdown}\n${text.slice(b)}`);
      log('bench: README.md Performance section updated');
    }
  }
  if (argv.includes('--markdown')) {
    console.log(`\n${markdown}\n`);
  } else {
    console.log(`\nQuotemark bench: ${cpu}; ${software}`);
    console.log(`${loadText}; ${seconds} s in all\n`);
    for (const l of tableOf(ISSUE_FIGURES)) console.log(l);
    console.log(`\n${failing.length ? `budgets that fail: ${failing.join(', ')}` : 'every budget measured holds'}\n`);
    for (const l of tableOf(OTHER_FIGURES)) console.log(l);
    console.log('\nnotes:');
    console.log(`- time per part: ${outcomes.map((o) => `${o.piece} ${o.status === 'ran' ? `${o.seconds} s` : o.status === 'skipped' ? 'not run' : 'crashed'}`).join(', ')}`);
    for (const n of notes) console.log(`- ${n}`);
    console.log('(also in bench-out/bench.md, Markdown, and bench-out/bench.json; `npm run bench -- --markdown` prints the Markdown)');
  }
  // the last line: exactly the bench issue's keys (null where a part could not run: see the notes)
  console.log(JSON.stringify(issueJson));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
