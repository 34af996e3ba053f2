/**
 * Text of page elements as a reader sees it: joined across inline elements (links, emphasis),
 * whitespace collapsed, and without what a reader never sees (scripts, hidden or screen-reader-only
 * text). Reads attributes and text nodes only: never `innerText`, which would make the browser lay
 * out the page.
 */
import { wordsOf } from './boilerplate';
import { wordSet } from './words';

/** Elements whose content is never text of the article. */
const NEVER_TEXT = wordSet('SCRIPT STYLE NOSCRIPT TEMPLATE SVG svg BUTTON SELECT TEXTAREA INPUT IFRAME OBJECT EMBED CANVAS AUDIO VIDEO MATH HEAD TITLE META LINK');

/** Elements that break a line of text (a space is put between their text and their neighbours'). */
export const BLOCK_TAGS = wordSet('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL P PRE SECTION TABLE TBODY THEAD TFOOT TR TD TH UL CAPTION SUMMARY PICTURE CENTER');

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Class words of text meant only for screen readers ("sr-only", "visually-hidden") or shown only on hover or click ("tooltip"). */
const UNSEEN_WORDS = wordSet('visuallyhidden screenreader offscreen tooltip tooltips popover popup hovercard flyout dropdown');
const UNSEEN_PAIRS: readonly [string, string][] = [['sr', 'only'], ['visually', 'hidden'], ['screen', 'reader'], ['off', 'screen'], ['a11y', 'hidden'], ['hidden', 'visually']];

function unseenByClass(cls: string): boolean {
  let verdict = unseen.get(cls);
  if (verdict === undefined) {
    const words = wordsOf(cls);
    verdict = words.some((w) => UNSEEN_WORDS.has(w)) || UNSEEN_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
    if (unseen.size > 5000) unseen.clear();
    unseen.set(cls, verdict);
  }
  return verdict;
}

const unseen = new Map<string, boolean>();

/** True when the element is hidden by its own attributes (no style computation). */
export function hiddenByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && style.includes(':') && HIDDEN_STYLE.test(style)) return true;
  return false;
}

/** Never part of the text a reader sees: scripts, form controls, hidden, screen-reader-only and pop-up elements. */
export function isInvisible(el: Element): boolean {
  if (NEVER_TEXT.has(el.tagName)) return true;
  if (hiddenByAttributes(el)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && cls.length > 1 && unseenByClass(cls);
}

/** Collapse runs of white space (including no-break spaces and zero-width characters) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, '').replace(/[\s\u00A0\u2028\u2029]+/g, ' ').trim();
}

/** Deepest markup `visibleText` reads below its node (see MAX_DEPTH in walk.ts). */
const MAX_TEXT_DEPTH = 256;

/**
 * The visible text of a node's subtree, joined across inline elements; block-level children and
 * `<br>` are separated by a space. `stop` lets the caller leave out subtrees (boilerplate inside a
 * paragraph, such as an inline "Read more" box). `limit`: stop collecting once more than that many
 * characters other than white space are in (for a caller that only compares the length with a
 * bound: the text is then longer than `limit` whatever the spacing).
 */
export function visibleText(node: Node, stop?: (el: Element) => boolean, limit = Infinity): string {
  const acc = { parts: [] as string[], size: 0, limit };
  collect(node, acc, stop, 0);
  return normaliseSpace(acc.parts.join(''));
}

interface Collected {
  parts: string[];
  size: number;
  limit: number;
}

function collect(node: Node, acc: Collected, stop: ((el: Element) => boolean) | undefined, depth: number): void {
  if (depth >= MAX_TEXT_DEPTH) return;
  for (let child = node.firstChild; child && acc.size <= acc.limit; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const v = child.nodeValue ?? '';
      acc.parts.push(v);
      if (acc.limit !== Infinity) acc.size += v.length - (v.match(/[\s\u200B\u200C\u200D\u2060\u00AD]/g)?.length ?? 0);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'BR') {
        acc.parts.push(' ');
        continue;
      }
      if (isInvisible(el) || (stop && stop(el))) continue;
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) acc.parts.push(' ');
      if (el.tagName === 'Q') acc.parts.push('“'); // the browser draws a <q>'s marks; its text has none
      collect(el, acc, stop, depth + 1);
      if (el.tagName === 'Q') acc.parts.push('”');
      if (block) acc.parts.push(' ');
    }
  }
}

/** Characters of text inside links, against all text of the element (0 when it has no text). */
export function linkDensity(el: Element, textLength: number): number {
  if (textLength === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += normaliseSpace(a.textContent ?? '').length;
  return Math.min(1, linked / textLength);
}

/** An image with two or more links (a person's or story's card): one inside a paragraph is a hover card, not prose. */
function isCard(el: Element): boolean {
  return el.tagName !== 'A' && el.getElementsByTagName('img').length > 0 && el.getElementsByTagName('a').length >= 2;
}

/** The innermost card: a card none of whose children is a card (so the link that opens a hover card stays). */
export function isInlineCard(el: Element): boolean {
  if (!el.firstElementChild || !isCard(el)) return false;
  for (let c: Element | null = el.firstElementChild; c; c = c.nextElementSibling) if (isCard(c)) return false;
  return true;
}
