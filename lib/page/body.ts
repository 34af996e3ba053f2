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
import { judge } from './judge';
import { LAYOUT_SHARE, findRoot } from './root';
import { visibleText } from './text';
import { walkBody } from './walk';

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
}

/** Longest text of a box around a form (a newsletter sign-up with its pitch) that is left out with the form. */
const FORM_BOX_TEXT = 600;

function paragraphText(el: Element, memo: Map<Element, number>): number {
  let n = memo.get(el);
  if (n === undefined) {
    n = 0;
    for (const p of el.getElementsByTagName('p')) n += (p.textContent ?? '').length;
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
        if (visibleText(a).length > FORM_BOX_TEXT) break;
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
  const rootSize = roots.reduce((n, r) => n + paragraphText(r, sizes), 0) || 1;
  const boxes = formBoxes(roots);
  return (el: Element): boolean => {
    if (rootSet.has(el)) return false;
    if (boxes.has(el)) return true;
    if (skipSelector && el.matches(skipSelector)) return true;
    if (structuralBoilerplate(el)) return true;
    // a named region holding most of the body is layout ("main-content has-sidebar"), not furniture
    return isBoilerplate(el) && (namedAsOtherStories(el) || paragraphText(el, sizes) < LAYOUT_SHARE * rootSize);
  };
}

/** Read the body from `roots` (in document order). */
export function readRoots(roots: readonly Element[], options: BodyOptions = {}): BodyRead {
  const skipSelector = options.skip?.length ? options.skip.join(', ') : null;
  const skip = bodySkip(roots, options);
  const items = walkBody(roots, {
    skip,
    skipInline: skipSelector ? (el) => el.matches(skipSelector) : undefined,
    paragraphs: options.paragraphs,
  });
  const judged = judge(items);
  return { blocks: judged.map(({ text, kind }) => ({ text, kind })), elements: judged.map((b) => b.element), roots: [...roots] };
}

/**
 * The article's body: from a site hint's selector when given, else from the scored root. `url`, the
 * page's address, picks the article it names when the page holds several.
 */
export function readBody(doc: Document, options: BodyOptions = {}, url?: string): BodyRead {
  if (options.body) {
    const roots = outermost(Array.from(doc.querySelectorAll(options.body)));
    if (roots.length) return readRoots(roots, options);
  }
  const root = findRoot(doc, options.paragraphs ? `p, ${options.paragraphs}` : 'p', url);
  if (!root) return { blocks: [], elements: [], roots: [] };
  return readRoots([root], options);
}

/** Drop elements nested in others of the list. */
function outermost(els: Element[]): Element[] {
  return els.filter((el) => !els.some((other) => other !== el && other.contains(el)));
}
