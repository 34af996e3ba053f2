/**
 * Synthetic collections for the UI's benchmark and tests: page captures (the messages the content
 * script sends) with realistic sizes, seeded through the extension's own background so they
 * pass through the real saving path whatever the store's schema. Deterministic (seeded PRNG).
 * Names and words are invented here; nothing comes from real articles.
 */
import type { CapturedQuote, PageCapture, Request } from '../../lib/messaging';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'an', 'is', 'mar', 'qu', 'el', 'ton', 'ber', 'li', 'nor', 'ha', 'zen', 'ri', 'ost', 'cal', 'ed', 'win'];
const WORDS = (
  'the a we will not can must should people city council budget plan vote money time year service public health school water road housing ' +
  'workers families program report policy law court decision federal state local government support change need new first last week month ' +
  'is are was be have has do say make take give keep help work build open close cost pay fund raise cut protect serve answer ask believe ' +
  'clear fair safe strong better worse every many few more less all no never always again today tomorrow here there because while after'
).split(' ');
const ROLES = ['spokesperson', 'mayor', 'council member', 'chief executive', 'union leader', 'minister', 'professor of economics', 'police chief', null, null, null];

function word(rand: () => number): string {
  return WORDS[Math.floor(rand() * WORDS.length)];
}

function invent(rand: () => number, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s[0].toUpperCase() + s.slice(1);
}

function sentence(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(rand));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export interface SeedOptions {
  articles: number;
  quotesPerArticle: number;
  speakers: number;
  sites: number;
  seed?: number;
  /** Dates spread over this many days before `now`. */
  days?: number;
  now?: number;
}

/** The captures of a synthetic collection, article by article. */
export function* syntheticCaptures(o: SeedOptions): Generator<PageCapture> {
  const rand = prng(o.seed ?? 42);
  const now = o.now ?? Date.UTC(2026, 3, 15);
  const days = o.days ?? 730;
  const names: string[] = [];
  const seen = new Set<string>();
  while (names.length < o.speakers) {
    const n = `${invent(rand, 2)} ${invent(rand, 2 + Math.floor(rand() * 2))}`;
    if (!seen.has(n)) {
      seen.add(n);
      names.push(n);
    }
  }
  const sites = Array.from({ length: o.sites }, (_, i) => `${invent(rand, 2).toLowerCase()}-${i}.example`);
  for (let a = 0; a < o.articles; a++) {
    const site = sites[Math.floor(Math.pow(rand(), 1.6) * sites.length)];
    const url = `https://${site}/news/${a}-${invent(rand, 2).toLowerCase()}`;
    const published = new Date(now - Math.floor(rand() * days * 86_400_000)).toISOString();
    const quotes: CapturedQuote[] = [];
    // two or three speakers per article, most quoted people quoted more often (a skewed pick)
    const cast = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => names[Math.floor(Math.pow(rand(), 2.2) * names.length)]);
    for (let q = 0; q < o.quotesPerArticle; q++) {
      const speaker = cast[q % cast.length];
      const text = sentence(rand, 6, 34);
      const surname = speaker.split(' ').at(-1)!;
      const block = q * 2 + 1;
      quotes.push({
        quote: text,
        speaker,
        mention: q < cast.length ? speaker : surname,
        speakerType: 'person',
        role: q < cast.length ? ROLES[Math.floor(rand() * ROLES.length)] : null,
        cue: `${surname} said`,
        kind: rand() < 0.2 ? 'partial' : 'direct',
        block,
        start: 1,
        end: 1 + text.length,
        confidence: 0.9,
        before: '',
        after: ` ${surname} said.`,
      });
    }
    yield {
      meta: { url, canonicalUrl: url, site, siteName: null, title: sentence(rand, 5, 12).replace(/\.$/, ''), authors: [], published, lang: 'en' },
      quotes,
    };
  }
}

/** The `page/captured` messages for a synthetic collection, in batches. */
export function* captureBatches(o: SeedOptions, size: number): Generator<Extract<Request, { type: 'page/captured' }>[]> {
  let batch: Extract<Request, { type: 'page/captured' }>[] = [];
  for (const capture of syntheticCaptures(o)) {
    batch.push({ type: 'page/captured', capture });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
