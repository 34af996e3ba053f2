/**
 * Reading the article body off a page: find the element(s) that hold the article's text
 * (`root.ts`, or a site hint's selector), walk them in document order (`walk.ts`) leaving out page
 * furniture (`boilerplate.ts`), and judge the blocks found (`judge.ts`). Each block keeps the
 * element it was read from.
 *
 * Read-only: the page's DOM is never written, and nothing here asks the browser for layout or
 * computed style (no innerText, getComputedStyle or getBoundingClientRect).
 */
import type { Block } from '../extract/types';
import { isBoilerplate, namedAsOtherStories, structuralBoilerplate } from './boilerplate';
import { judgeSteps } from './judge';
import { LAYOUT_SHARE, findRootSteps } from './root';
import { runSteps, type Steps } from './steps';
import { visibleText } from './text';
import { DEFAULT_BUDGET, walkBodySteps, type WalkBudget } from './walk';

export interface BodyRead {
  blocks: Block[];
  /** `elements[i]` is the element block `i` was read from. */
  elements: Element[];
  /** The elements the body was read from, in document order. */
  roots: Element[];
}

export interface BodyOptions {
  /** Selector of the body's container(s), when a site hint knows it; else it is found by scoring. */
  body?: string;
  /** Selectors of regions inside the body to leave out (site hints). */
  skip?: readonly string[];
  /** Selector of elements that are paragraphs although not `<p>` (site hints). */
  paragraphs?: string;
  /** How much to read at most (default: what one page may send, see walk.ts). */
  budget?: WalkBudget;
}

/** Longest text of a box around a form (a newsletter sign-up with its pitch) that is left out with the form. */
const FORM_BOX_TEXT = 600;

/**
 * Paragraph text under an element, counted up to `cap` (a region is compared with a share of the
 * body; past what a page can send, more text changes nothing but the time taken).
 */
function paragraphText(el: Element, memo: Map<Element, number>, cap: number): number {
  let n = memo.get(el);
  if (n === undefined) {
    n = 0;
    for (const p of el.getElementsByTagName('p')) {
      n += (p.textContent ?? '').length;
      if (n >= cap) break;
    }
    memo.set(el, n);
  }
  return n;
}

/** Sign-up boxes: each form (or e-mail field) in the body with the small box of text around it. */
function formBoxes(roots: readonly Element[]): Set<Element> {
  const boxes = new Set<Element>();
  for (const root of roots) {
    for (const f of root.querySelectorAll('form, input[type="email"]')) {
      let box: Element = f;
      for (let a = f.parentElement; a && a !== root && !roots.includes(a); a = a.parentElement) {
        if (visibleText(a, undefined, FORM_BOX_TEXT).length > FORM_BOX_TEXT) break;
        box = a;
      }
      boxes.add(box);
    }
  }
  return boxes;
}

/** The test for regions of the body to leave out. */
export function bodySkip(roots: readonly Element[], options: BodyOptions = {}): (el: Element) => boolean {
  const skipSelector = options.skip?.length ? options.skip.join(', ') : null;
  const rootSet = new Set(roots);
  const sizes = new Map<Element, number>();
  const cap = 2 * (options.budget ?? DEFAULT_BUDGET).chars;
  const rootSize = roots.reduce((n, r) => n + paragraphText(r, sizes, cap), 0) || 1;
  const boxes = formBoxes(roots);
  return (el: Element): boolean => {
    if (rootSet.has(el)) return false;
    if (boxes.has(el)) return true;
    if (skipSelector && el.matches(skipSelector)) return true;
    if (structuralBoilerplate(el)) return true;
    // a named region holding most of the body is layout ("main-content has-sidebar"), not furniture
    return isBoilerplate(el) && (namedAsOtherStories(el) || paragraphText(el, sizes, cap) < LAYOUT_SHARE * rootSize);
  };
}

/** Read the body from `roots` (in document order). */
export function readRoots(roots: readonly Element[], options: BodyOptions = {}): BodyRead {
  return runSteps(readRootsSteps(roots, options));
}

export function* readRootsSteps(roots: readonly Element[], options: BodyOptions = {}): Steps<BodyRead> {
  const skipSelector = options.skip?.length ? options.skip.join(', ') : null;
  const skip = bodySkip(roots, options);
  yield;
  const items = yield* walkBodySteps(roots, {
    skip,
    skipInline: skipSelector ? (el) => el.matches(skipSelector) : undefined,
    paragraphs: options.paragraphs,
    budget: options.budget,
  });
  const judged = yield* judgeSteps(items);
  return { blocks: judged.map(({ text, kind }) => ({ text, kind })), elements: judged.map((b) => b.element), roots: [...roots] };
}

/**
 * The article's body: from a site hint's selector when given, else from the scored root. `url`, the
 * page's address, picks the article it names when the page holds several.
 */
export function readBody(doc: Document, options: BodyOptions = {}, url?: string): BodyRead {
  return runSteps(readBodySteps(doc, options, url));
}

/** `readBody`, yielding at checkpoints (see steps.ts). */
export function* readBodySteps(doc: Document, options: BodyOptions = {}, url?: string): Steps<BodyRead> {
  if (options.body) {
    const roots = outermost(Array.from(doc.querySelectorAll(options.body)));
    if (roots.length) return yield* readRootsSteps(roots, options);
  }
  const root = yield* findRootSteps(doc, options.paragraphs ? `p, ${options.paragraphs}` : 'p', url);
  if (!root) return { blocks: [], elements: [], roots: [] };
  return yield* readRootsSteps([root], options);
}

/** Drop elements nested in others of the list. */
function outermost(els: Element[]): Element[] {
  return els.filter((el) => !els.some((other) => other !== el && other.contains(el)));
}
