/**
 * Synthetic news for the store benchmark: page captures as the content script would send them,
 * at realistic sizes, deterministic from a seed (article i is always the same page).
 *
 * Shapes (from general news conventions, not from any corpus):
 * - quotes per article: 1 + geometric, mean about 5, at most 30; speakers per article: 1 to 6,
 *   the first speaker carries most quotes;
 * - quote length: log-normal, median 18 words (3 to 150), about 45% function words, the rest
 *   from a Zipf-distributed vocabulary of made-up words;
 * - speakers: Zipf popularity over people (90%) and organisations (10%); people share surnames;
 *   the article names them in full, now and then with a middle initial or by surname alone;
 *   about 8% of quotes come from article-local descriptors ("a spokesperson", "the report");
 * - sites: Zipf over a few hundred hosts; 8% of quotes repeat a statement from a recent article on
 *   another site, a third of those reworded.
 */
import type { CapturedQuote, PageCapture } from '../../lib/messaging';

/** A small, fast, seedable generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return cdf;
}

function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SYLLABLES = 'ba be bi bo bu da de di do ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no ra re ri ro ru sa se si so ta te ti to va ve vi zo ar en in or el an on ur is'.split(' ');
const CODAS = ['', '', 'n', 'r', 's', 'l', 't', 'nd', 'rk', 'st'];

function madeUpWord(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w + CODAS[Math.floor(r() * CODAS.length)];
}

const FUNCTION_WORDS = 'the to and of a in we is that it will not be for this are with they on have our as at but all he she was what there would be can from about more their who been has if so'.split(' ');

const GIVEN = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah ' +
  'Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily ' +
  'Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy ' +
  'Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna ' +
  'Larry Brenda Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra Alexander ' +
  'Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane Jose Virginia Adam Julie ' +
  'Henry Joyce Nathan Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith ' +
  'Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline Carl Frances Terry Gloria Sean Ann Austin ' +
  'Teresa Arthur Kathryn Lawrence Sara Jesse Janice Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert ' +
  'Judy Willie Grace Gabriel Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia Randy Marie Eugene ' +
  'Diana Vincent Brittany Russell Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny Kayla'
).split(' ');

const ROLES = (
  'spokesperson|State Department spokesperson|the mayor|a senator|the governor|chief executive|a professor of economics|the prime minister|' +
  'the finance minister|a lawyer for the family|union leader|police chief|the coach|a senior official|a campaign adviser|the ambassador|' +
  'health secretary|board chair|the prosecutor|a resident|an analyst|the director|party leader|committee chair|the founder'
).split('|');

const DESCRIPTORS = ['a spokesperson', 'the report', 'officials', 'a senior official', 'the statement', 'the letter', 'a witness', 'the company', 'analysts', 'a source'];

const ORG_WORDS = ['Ministry', 'Council', 'Institute', 'Agency', 'Group', 'Union', 'Bank', 'Foundation', 'Commission', 'Party'];

export interface SyntheticOptions {
  seed?: number;
  /** Distinct people and organisations that can be quoted. */
  speakers?: number;
  sites?: number;
  /** Mean quotes per article (≈ quotes / articles). */
  quotesPerArticle?: number;
  /** Dates: article i is published about `start + i * step` ms. */
  start?: number;
  step?: number;
}

interface Person {
  name: string;
  variant: string;
  surname: string;
  type: 'person' | 'organization';
}

export class SyntheticNews {
  readonly vocabulary: string[];
  private readonly vocabCdf: Float64Array;
  private readonly speakerCdf: Float64Array;
  private readonly siteCdf: Float64Array;
  readonly people: Person[];
  readonly sites: string[];
  private readonly seed: number;
  private readonly mean: number;
  private readonly start: number;
  private readonly step: number;

  constructor(opts: SyntheticOptions = {}) {
    this.seed = opts.seed ?? 42;
    this.mean = opts.quotesPerArticle ?? 5;
    this.start = opts.start ?? Date.UTC(2023, 0, 1);
    this.step = opts.step ?? 45 * 60 * 1000;
    const r = rng(this.seed);
    const vocab = new Set<string>();
    while (vocab.size < 30_000) vocab.add(madeUpWord(r, 1 + Math.floor(r() * 3)));
    this.vocabulary = [...vocab].filter((w) => w.length > 2);
    this.vocabCdf = zipfCdf(this.vocabulary.length, 1.0);

    const nSpeakers = opts.speakers ?? 10_000;
    const surnames: string[] = [];
    for (let i = 0; i < Math.ceil(nSpeakers / 2.5); i++) {
      const w = madeUpWord(r, 2 + Math.floor(r() * 2));
      surnames.push(w[0].toUpperCase() + w.slice(1));
    }
    const surnameCdf = zipfCdf(surnames.length, 0.7);
    const seen = new Set<string>();
    this.people = [];
    while (this.people.length < nSpeakers) {
      if (r() < 0.1) {
        const base = madeUpWord(r, 2);
        const name = `${base[0].toUpperCase()}${base.slice(1)} ${ORG_WORDS[Math.floor(r() * ORG_WORDS.length)]}`;
        if (seen.has(name)) continue;
        seen.add(name);
        this.people.push({ name, variant: `the ${name}`, surname: name, type: 'organization' });
        continue;
      }
      const given = GIVEN[Math.floor(r() * GIVEN.length)];
      const surname = surnames[pick(surnameCdf, r())];
      const name = `${given} ${surname}`;
      if (seen.has(name)) continue;
      seen.add(name);
      const middle = String.fromCharCode(65 + Math.floor(r() * 26));
      this.people.push({ name, variant: `${given} ${middle}. ${surname}`, surname, type: 'person' });
    }
    this.speakerCdf = zipfCdf(this.people.length, 0.9);
    const nSites = opts.sites ?? 300;
    this.sites = Array.from({ length: nSites }, (_, i) => `${madeUpWord(r, 2)}${i}.news.example`);
    this.siteCdf = zipfCdf(nSites, 1.1);
  }

  private words(r: () => number, n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(r() < 0.45 ? FUNCTION_WORDS[Math.floor(r() * FUNCTION_WORDS.length)] : this.vocabulary[pick(this.vocabCdf, r())]);
    return out;
  }

  private sentence(r: () => number): string {
    // log-normal length, median 18 words
    const u1 = Math.max(r(), 1e-9);
    const u2 = r();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    const n = Math.max(3, Math.min(150, Math.round(18 * Math.exp(0.6 * z))));
    const ws = this.words(r, n);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ') + '.';
  }

  /** A vocabulary word of middling frequency (for search timings). */
  word(rank: number): string {
    return this.vocabulary[Math.min(rank, this.vocabulary.length - 1)];
  }

  private site(i: number): string {
    return this.sites[pick(this.siteCdf, rng(this.seed * 31 + i * 7 + 1)())];
  }

  /** Quote count and speakers of article i. */
  private plan(i: number): { n: number; cast: number[] } {
    const r = rng(this.seed * 977 + i * 13 + 5);
    const n = Math.min(30, 1 + Math.floor(-Math.log(Math.max(r(), 1e-9)) * (this.mean - 1)));
    const castSize = Math.min(n, 1 + Math.floor(-Math.log(Math.max(r(), 1e-9)) * 1.6), 6);
    const cast: number[] = [];
    while (cast.length < castSize) {
      const p = pick(this.speakerCdf, r());
      if (!cast.includes(p)) cast.push(p);
    }
    return { n, cast };
  }

  /** The statement of article i's quote k and who said it (before any rewording by another outlet). */
  private statement(i: number, k: number): { text: string; speaker: number } {
    const { cast } = this.plan(i);
    const r = rng(this.seed * 7919 + i * 101 + k * 3);
    const speaker = k === 0 || r() < 0.5 ? cast[0] : cast[1 + Math.floor(r() * (cast.length - 1))] ?? cast[0];
    return { text: this.sentence(r), speaker };
  }

  /** The capture of article i, as the content script would send it. */
  page(i: number, forceQuotes?: number): PageCapture {
    const r = rng(this.seed * 104729 + i * 17 + 3);
    const plan = this.plan(i);
    const n = forceQuotes ?? plan.n;
    const site = this.site(i);
    const slug = this.words(r, 4).join('-');
    const published = this.start + i * this.step + Math.floor(r() * this.step);
    const canonicalUrl = `https://${site}/${new Date(published).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}-${i}`;
    const url = r() < 0.1 ? `${canonicalUrl}?utm_source=feed` : canonicalUrl;
    const quotes: CapturedQuote[] = [];
    for (let k = 0; k < n; k++) {
      let { text, speaker } = this.statement(i, k);
      if (i > 60 && r() < 0.08) {
        // another outlet's statement, a third of the time reworded
        const j = i - 1 - Math.floor(r() * 50);
        ({ text, speaker } = this.statement(j, 0));
        if (r() < 0.33) {
          const ws = text.split(' ');
          const at = 1 + Math.floor(r() * Math.max(1, ws.length - 2));
          if (r() < 0.5) ws.splice(at, 1);
          else ws[at] = this.vocabulary[pick(this.vocabCdf, r())];
          text = ws.join(' ');
        }
      }
      const person = this.people[speaker];
      let name: string = person.name;
      let type: CapturedQuote['speakerType'] = person.type;
      const v = r();
      if (v < 0.08) {
        name = DESCRIPTORS[Math.floor(r() * DESCRIPTORS.length)];
        type = name.startsWith('the report') || name.includes('statement') || name.includes('letter') ? 'document' : 'descriptor';
      } else if (person.type === 'person' && v < 0.13) name = person.variant;
      else if (person.type === 'person' && v < 0.15) name = person.surname;
      const role = r() < 0.3 ? ROLES[Math.floor(r() * ROLES.length)] : null;
      const ctx = () => this.words(r, 18).join(' ').slice(0, 120);
      quotes.push({
        quote: text,
        speaker: name,
        mention: name.split(' ').slice(-1)[0],
        speakerType: type,
        role,
        cue: `${name.split(' ').slice(-1)[0]} said`,
        kind: r() < 0.15 ? 'partial' : 'direct',
        block: k + 1,
        start: 1,
        end: 1 + text.length,
        confidence: Math.round((0.6 + r() * 0.4) * 100) / 100,
        before: ctx(),
        after: ctx(),
      });
    }
    return {
      meta: {
        url,
        canonicalUrl,
        site,
        siteName: null,
        title: this.words(r, 9).join(' '),
        authors: [`${GIVEN[Math.floor(r() * GIVEN.length)]} ${this.people[Math.floor(r() * this.people.length)].surname}`],
        published: r() < 0.95 ? new Date(published).toISOString() : null,
        lang: 'en',
      },
      quotes,
    };
  }
}
