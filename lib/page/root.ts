/**
 * Finding the element that holds the article's text: paragraphs are weighed by their text (less the
 * text inside links), credited to their containers, and the densest container wins; it is widened
 * to a parent only where that gains article text. Read-only, no layout.
 */
import { namedAsBoilerplate, namedAsOtherStories } from './boilerplate';
import { runSteps, type Steps } from './steps';
import { isInvisible } from './text';
import { wordSet } from './words';

/**
 * Ancestors of a paragraph credited with its text. Articles sit a few dozen elements deep at most;
 * the bound keeps scoring linear on pages nested thousands deep.
 */
const MAX_ANCESTORS = 200;

const SCORING_SKIP_TAGS = wordSet('NAV ASIDE FOOTER HEADER MENU DIALOG BUTTON SELECT TEXTAREA LABEL');
const SCORING_SKIP_ROLES = wordSet('navigation complementary contentinfo banner menu menubar dialog alertdialog search');

/** Shortest paragraph that counts towards a container's score. */
const MIN_PARAGRAPH = 25;
/** A named region ("sidebar", "related") holding at least this share of all paragraph text is the page's layout, not furniture. */
export const LAYOUT_SHARE = 0.5;

interface Scores {
  /** Paragraph text under each element (all paragraphs that are not structurally excluded). */
  raw: Map<Element, number>;
  /** Paragraph text under each element, leaving out paragraphs inside furniture. */
  clean: Map<Element, number>;
  /** Paragraph text credited to parents (full) and grandparents (half): finds the densest container. */
  dense: Map<Element, number>;
  total: number;
}

function scoringExcluded(el: Element): boolean {
  if (SCORING_SKIP_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role !== null && SCORING_SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  return isInvisible(el);
}

/** Memoised: is `el` or an ancestor (below `stopAt`) excluded by `test`? Iterative: any depth. */
function makeAncestorTest(test: (el: Element) => boolean, stopAt: Element | null): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  return (start: Element): boolean => {
    // climb to the first ancestor already known (or the top), then settle the path from the top down
    const path: Element[] = [];
    let result = false;
    for (let el: Element | null = start; el && el !== stopAt && el.tagName !== 'BODY' && el.tagName !== 'HTML'; el = el.parentElement) {
      const known = memo.get(el);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(el);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      result = result || test(path[i]);
      memo.set(path[i], result);
    }
    return result;
  };
}

/** Text of a paragraph less the text of its links (0 when short or mostly links). Raw lengths: white space counts, which is fine for weighing. */
function paragraphWeight(p: Element): number {
  const length = (p.textContent ?? '').trim().length;
  if (length < MIN_PARAGRAPH) return 0;
  let linked = 0;
  for (const a of p.getElementsByTagName('a')) linked += (a.textContent ?? '').length;
  if (linked > 0.5 * length) return 0;
  return length - linked;
}

/** Paragraphs scored between checkpoints. */
const SCORE_SLICE = 64;

function* score(doc: Document, paragraphs: readonly Element[]): Steps<Scores> {
  const excluded = makeAncestorTest(scoringExcluded, null);
  const weighted: [Element, number][] = [];
  const raw = new Map<Element, number>();
  let total = 0;
  let n = 0;
  for (const p of paragraphs) {
    if (++n % SCORE_SLICE === 0) yield;
    if (excluded(p)) continue;
    const w = paragraphWeight(p);
    if (w === 0) continue;
    weighted.push([p, w]);
    total += w;
    let up = 0;
    for (let a = p.parentElement; a && a !== doc.documentElement && up < MAX_ANCESTORS; a = a.parentElement, up++) raw.set(a, (raw.get(a) ?? 0) + w);
  }
  yield;
  const furniture = makeAncestorTest((el) => namedAsBoilerplate(el) && (namedAsOtherStories(el) || (raw.get(el) ?? 0) < LAYOUT_SHARE * total), null);
  const clean = new Map<Element, number>();
  const dense = new Map<Element, number>();
  for (const [p, w] of weighted) {
    if (furniture(p)) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    dense.set(parent, (dense.get(parent) ?? 0) + w);
    const grand = parent.parentElement;
    if (grand && grand !== doc.documentElement) dense.set(grand, (dense.get(grand) ?? 0) + w / 2);
    let up = 0;
    for (let a: Element | null = parent; a && a !== doc.documentElement && up < MAX_ANCESTORS; a = a.parentElement, up++) clean.set(a, (clean.get(a) ?? 0) + w);
    if (++n % SCORE_SLICE === 0) yield;
  }
  return { raw, clean, dense, total };
}

/** An element that stands for one article: climbing stops there. */
function isArticleBoundary(el: Element): boolean {
  if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN') return true;
  const prop = el.getAttribute('itemprop');
  return prop !== null && /\barticleBody\b/i.test(prop);
}

/** Paragraphs weighed at most (in document order: an article is near the top); bounds the cost on huge pages. */
const MAX_PARAGRAPHS = 3000;

/** Share of a parent's paragraph text that its best child must hold for the child to stand alone. */
const CLIMB_SHARE = 0.8;

/**
 * The element holding the article's text: the densest container of paragraph text, widened to its
 * parent while the parent holds much more article text in other children (bodies split over sibling
 * blocks), but never past an `<article>`, `<main>` or `itemprop=articleBody` element.
 */
export function findRoot(doc: Document, paragraphSelector = 'p', url?: string): Element | null {
  return runSteps(findRootSteps(doc, paragraphSelector, url));
}

/** `findRoot`, yielding every few dozen paragraphs (see steps.ts). */
export function* findRootSteps(doc: Document, paragraphSelector = 'p', url?: string): Steps<Element | null> {
  let s = yield* score(doc, firstOf(doc.querySelectorAll(paragraphSelector), MAX_PARAGRAPHS));
  if (s.total < 200 && paragraphSelector === 'p') {
    // no real paragraphs: text kept directly in divs and table cells
    const loose: Element[] = [];
    for (const el of doc.querySelectorAll('div, td, section')) {
      if (hasOwnText(el)) loose.push(el);
      if (loose.length >= MAX_PARAGRAPHS) break;
    }
    const alt = yield* score(doc, [...firstOf(doc.querySelectorAll('p'), MAX_PARAGRAPHS), ...loose]);
    if (alt.total > s.total) s = alt;
  }
  // several articles one after another (infinite scroll): read the one the address names
  const named = url ? articleNamedBy(doc, s, url) : null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, v] of s.dense) {
    if (v > bestScore && (!named || named.contains(el))) {
      best = el;
      bestScore = v;
    }
  }
  if (!best) return null;
  // Climb only where it gains article text: through wrappers that add nothing (tentatively), to a
  // parent whose other children hold a good share of the text (a body split over sibling blocks).
  let candidate = best;
  let cur = best;
  for (;;) {
    if (isArticleBoundary(cur)) {
      candidate = named ? cur : entryStream(cur, s) ?? cur;
      break;
    }
    const parent: Element | null = cur.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    const mine = s.clean.get(candidate) ?? 0;
    const theirs = s.clean.get(parent) ?? 0;
    if (theirs <= mine * 1.05) cur = parent;
    else if (mine < CLIMB_SHARE * theirs) cur = candidate = parent;
    else break;
  }
  return candidate;
}

function firstOf(list: NodeListOf<Element>, n: number): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < list.length && i < n; i++) out.push(list[i]);
  return out;
}

/** Has at least a sentence of text in its own text nodes (not in child elements). */
function hasOwnText(el: Element): boolean {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
  return n >= 80;
}


/** Least article text for an `<article>` to count as one of several articles on a page. */
const MIN_ARTICLE_TEXT = 500;

function pathOf(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.host + u.pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/**
 * When the page holds several articles (infinite scroll appends the next story and moves the
 * address to it), the one the address names: by an attribute of the `<article>` that holds its
 * address (data-url, itemid, ...), a link to the address in its headline, or its headline being
 * the document's title. Null when there are not several articles or none is named.
 */
function articleNamedBy(doc: Document, s: Scores, url: string): Element | null {
  const articles = Array.from(doc.getElementsByTagName('article')).filter((a) => (s.clean.get(a) ?? 0) >= MIN_ARTICLE_TEXT);
  const separate = articles.filter((a) => !articles.some((b) => b !== a && b.contains(a)));
  if (separate.length < 2) return null;
  const here = pathOf(url, url);
  if (!here) return null;
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  for (const a of separate) {
    for (const attr of Array.from(a.attributes)) {
      const v = attr.value;
      if (v.length > 1 && (v.startsWith('/') || v.startsWith('http')) && pathOf(v, url) === here) return a;
    }
    for (const link of a.querySelectorAll('h1 a[href], h2 a[href], link[rel~="canonical"], meta[itemprop="url"], a[rel~="bookmark"]')) {
      const v = link.getAttribute('href') ?? link.getAttribute('content');
      if (v && pathOf(v, url) === here) return a;
    }
  }
  if (title) {
    for (const a of separate) {
      const h = (a.querySelector('h1') ?? a.querySelector('h2'))?.textContent?.replace(/\s+/g, ' ').trim().toLowerCase();
      if (h && h.length > 10 && title.includes(h)) return a;
    }
  }
  return null;
}

/** Fewest sibling `<article>` entries that make a stream (a live blog's updates). */
const MIN_ENTRIES = 3;

/**
 * A live blog writes each update as its own `<article>`: when the article element found is one of
 * three or more sibling entries and holds less than half of their text, the stream (their parent)
 * is the body. Several full articles one after another are told apart by the address first (see
 * `articleNamedBy`), so this applies only when the address names none of them.
 */
function entryStream(article: Element, s: Scores): Element | null {
  if (article.tagName !== 'ARTICLE') return null;
  const parent = article.parentElement;
  if (!parent || parent.tagName === 'BODY') return null;
  let entries = 0;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'ARTICLE' && (s.clean.get(c) ?? 0) > 0) entries++;
  if (entries < MIN_ENTRIES) return null;
  return (s.clean.get(article) ?? 0) < 0.5 * (s.clean.get(parent) ?? 0) ? parent : null;
}
