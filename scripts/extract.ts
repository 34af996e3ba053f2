/**
 * Command-line entry over the engine and the page reader.
 *
 *   npm run --silent extract -- --jsonl FILE      one {"id","text"} or {"id","html","url"} a line
 *   npm run --silent extract -- PAGE.html [--url URL]
 *   npm run --silent extract -- --text FILE.txt   plain text, paragraphs separated by newlines
 *
 * Prints one line per input: {"id": ..., "quotes": [{"quote", "speaker", ...}]}, nothing else on stdout.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { extractFromText } from '../lib/extract';
import { capturePage } from '../lib/capture';
import { parseDocument } from '../lib/node/dom';
import type { ExtractedQuote } from '../lib/extract/types';

/** QUOTEMARK_DEBUG=1 adds a trace of how each speaker was found (for error study). */
const DEBUG = process.env.QUOTEMARK_DEBUG === '1';

interface Output {
  id: unknown;
  quotes: ExtractedQuote[];
  article?: boolean;
  error?: string;
}

function fromHtml(id: unknown, html: string, url: string): Output {
  const doc = parseDocument(html);
  const result = capturePage(doc, url, { debug: DEBUG });
  if (!result) return { id, quotes: [], article: false };
  return { id, quotes: result.capture.quotes.map(({ before: _b, after: _a, ...q }) => q) };
}

function processRecord(rec: unknown): Output {
  if (typeof rec !== 'object' || rec === null) return { id: null, quotes: [], error: 'not a JSON object' };
  const r = rec as Record<string, unknown>;
  if (typeof r.text === 'string') return { id: r.id, quotes: extractFromText(r.text, { debug: DEBUG }).quotes };
  if (typeof r.html === 'string') return fromHtml(r.id, r.html, typeof r.url === 'string' && r.url ? r.url : 'https://example.invalid/');
  return { id: r.id ?? null, quotes: [], error: 'record has neither "text" nor "html"' };
}

function print(o: Output): void {
  process.stdout.write(JSON.stringify(o) + '\n');
}

async function main(argv: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const jsonl = opt('--jsonl');
  if (jsonl) {
    const rl = createInterface({ input: createReadStream(jsonl, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(raw);
      } catch {
        process.stderr.write(`${jsonl}:${line}: not valid JSON, skipped\n`);
        print({ id: null, quotes: [], error: `line ${line}: not valid JSON` });
        continue;
      }
      try {
        print(processRecord(rec));
      } catch (e) {
        const id = (rec as { id?: unknown }).id ?? null;
        process.stderr.write(`${jsonl}:${line}: ${e instanceof Error ? e.message : String(e)}\n`);
        print({ id, quotes: [], error: 'extraction failed' });
      }
    }
    return 0;
  }
  const textFile = opt('--text');
  if (textFile) {
    print({ id: textFile, quotes: extractFromText(readFileSync(textFile, 'utf8')).quotes });
    return 0;
  }
  const page = argv.find((a, i) => !a.startsWith('--') && (i === 0 || argv[i - 1] !== '--url'));
  if (!page) {
    process.stderr.write('usage: extract --jsonl FILE | extract PAGE.html [--url URL] | extract --text FILE\n');
    return 2;
  }
  const url = opt('--url') ?? 'https://local.invalid' + pathToFileURL(resolve(page)).pathname;
  print(fromHtml(page, readFileSync(page, 'utf8'), url));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
