/**
 * Walking the article's container in document order and cutting it into blocks: each `<p>`,
 * heading, list item, caption or blockquote paragraph is a block; text sitting loose between blocks
 * is a block of its own; two `<br>` in a row end a paragraph. Text is joined across inline elements
 * (links, emphasis) and each block remembers the element it came from and how much of it is links.
 * Regions the caller rules out (furniture) are left out and leave a gap mark, so a heading that only
 * introduced them can be dropped later.
 *
 * Bounded on any page: the walk stops once it has read `budget` (the most a page may send; the
 * engine reads no more), a block's text stops at `blockChars`, and markup nested deeper than
 * `MAX_DEPTH` is not read (a browser's own parser flattens past 512 levels; only scripts build
 * deeper, and no article needs it). The walk is a generator that yields after each block, so the
 * content script can run it in slices (see steps.ts).
 */
import type { BlockKind } from '../extract/types';
import { LIMITS } from '../messaging';
import { wordsOf } from './boilerplate';
import { runSteps, type Steps } from './steps';
import { BLOCK_TAGS, isInlineCard, isInvisible, normaliseSpace } from './text';
import { wordSet } from './words';

/** Deepest markup read, in elements below a root (block containers and inline elements each). */
export const MAX_DEPTH = 256;

export interface WalkBudget {
  /** Characters of block text; the walk stops after the block that reaches it. */
  chars: number;
  /** Blocks. */
  blocks: number;
  /** Characters of one block's text. */
  blockChars: number;
}

/** The most one page sends to the background (lib/messaging.ts LIMITS). */
export const DEFAULT_BUDGET: WalkBudget = { chars: LIMITS.pageChars, blocks: LIMITS.blocksPerPage, blockChars: LIMITS.blockChars };

export interface RawBlock {
  text: string;
  kind: BlockKind;
  element: Element;
  /** Share of the text that is inside links (0..1). */
  links: number;
  /** Read from loose text of `element` (between its block children), not from all of it. */
  partial: boolean;
  /** For a block read from a whole element: is all of its text in one `<strong>`/`<b>`? */
  bold: boolean;
  gap?: undefined;
}

/** Something with text was left out here (a share bar, a list of links). */
export interface Gap {
  gap: true;
}

export type WalkItem = RawBlock | Gap;

export interface WalkOptions {
  /** Block-level regions to leave out. */
  skip(el: Element): boolean;
  /** Elements to leave out even inside a paragraph (site hints' selectors). */
  skipInline?(el: Element): boolean;
  /** Selector of elements read as paragraphs although not `<p>`. */
  paragraphs?: string;
  /** How much to read at most (default: what one page may send). */
  budget?: WalkBudget;
}

const HEADING_TAGS = wordSet('H2 H3 H4 H5 H6');
const CAPTION_WORDS = wordSet('caption captions figcaption cutline cutlines imagecaption photocaption attribution');
const IMAGE_WORDS = wordSet('image images img photo photos picture figure storyimage inlineimage lead graphic');
const BYLINE_WORDS = new Set(['byline', 'bylines']);
const HEADING_WORDS = wordSet('heading subheading subhead subheadline crosshead intertitle');

interface Text {
  parts: string[];
  linked: number;
  /** How many <q> elements the text is inside. */
  quoteDepth: number;
  /** Characters in `parts`. */
  size: number;
}

function newText(): Text {
  return { parts: [], linked: 0, quoteDepth: 0, size: 0 };
}

function names(el: Element): string[] {
  const cls = el.getAttribute('class');
  return cls ? wordsOf(cls) : [];
}

class Walker {
  readonly out: WalkItem[] = [];
  /** The budget is spent: nothing more is read. */
  full = false;
  private chars = 0;
  private blocks = 0;
  private readonly budget: WalkBudget;
  /** Memo of `hasBlockChild` (a chain of inline elements would otherwise be searched once per level). */
  private readonly blockChild = new Map<Element, boolean>();

  constructor(private readonly options: WalkOptions) {
    this.budget = options.budget ?? DEFAULT_BUDGET;
  }

  /** Has a block-level element among its descendants (through inline elements, to `MAX_DEPTH`). */
  private hasBlockChild(el: Element, depth = 0): boolean {
    const known = this.blockChild.get(el);
    if (known !== undefined) return known;
    let found = false;
    if (depth < MAX_DEPTH) {
      for (let c = el.firstElementChild; c && !found; c = c.nextElementSibling) {
        if (BLOCK_TAGS.has(c.tagName)) found = true;
        else if (c.tagName !== 'BR' && c.firstElementChild && this.hasBlockChild(c, depth + 1)) found = true;
      }
    }
    this.blockChild.set(el, found);
    return found;
  }

  private addPart(acc: Text, v: string): void {
    if (acc.size >= this.budget.blockChars) return;
    const part = acc.size + v.length > this.budget.blockChars ? v.slice(0, this.budget.blockChars - acc.size) : v;
    acc.parts.push(part);
    acc.size += part.length;
  }

  private leftOutInline(el: Element): boolean {
    return isInvisible(el) || (this.options.skipInline?.(el) ?? false);
  }

  /** Text of inline content, added to `acc`; link text is counted. Block children add a space. */
  private addText(node: Node, acc: Text, inLink: boolean, depth = 0): void {
    if (depth >= MAX_DEPTH) return;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (acc.size >= this.budget.blockChars) return;
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        this.addPart(acc, v);
        if (inLink) acc.linked += v.trim().length;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.tagName === 'BR') {
          this.addPart(acc, ' ');
          continue;
        }
        if (this.leftOutInline(el)) continue;
        const block = BLOCK_TAGS.has(el.tagName);
        if (!block && isInlineCard(el)) continue;
        if (block) this.addPart(acc, ' ');
        // <q>: the browser draws its quotation marks (CSS), so its text has none; a reader sees them
        const q = el.tagName === 'Q' ? (acc.quoteDepth++ % 2 === 0 ? ['“', '”'] : ['‘', '’']) : null;
        if (q) this.addPart(acc, q[0]);
        this.addText(el, acc, inLink || el.tagName === 'A', depth + 1);
        if (q) {
          this.addPart(acc, q[1]);
          acc.quoteDepth--;
        }
        if (block) this.addPart(acc, ' ');
      }
    }
  }

  private emit(acc: Text, kind: BlockKind, element: Element, partial: boolean, bold = false): void {
    if (this.full) return;
    const text = normaliseSpace(acc.parts.join(''));
    if (!text) return;
    const links = Math.min(1, acc.linked / text.replace(/\s/g, '').length);
    this.out.push({ text, kind, element, links, partial, bold });
    this.chars += text.length;
    this.blocks++;
    if (this.chars >= this.budget.chars || this.blocks >= this.budget.blocks) this.full = true;
  }

  private gap(el: Element): void {
    if (!el.querySelector('a')) return;
    const acc = newText();
    this.addText(el, acc, false);
    if (normaliseSpace(acc.parts.join('')).length >= 20 && this.out[this.out.length - 1]?.gap !== true) this.out.push({ gap: true });
  }

  private kindOf(el: Element, context: BlockKind): BlockKind {
    if (HEADING_TAGS.has(el.tagName)) return 'heading';
    if (context !== 'paragraph') return context;
    if (el.tagName === 'LI' || el.tagName === 'DD' || el.tagName === 'DT') return 'list-item';
    if (el.tagName !== 'P' && names(el).some((w) => HEADING_WORDS.has(w))) return 'heading';
    return 'paragraph';
  }

  private contextOf(el: Element, context: BlockKind): BlockKind {
    if (el.tagName === 'BLOCKQUOTE') return 'blockquote';
    if (context !== 'paragraph') return context;
    if (el.tagName === 'FIGCAPTION' || el.tagName === 'FIGURE') return 'caption';
    const words = names(el);
    if (words.some((w) => CAPTION_WORDS.has(w))) return 'caption';
    if (words.some((w) => IMAGE_WORDS.has(w)) && el.querySelector('img, picture')) return 'caption';
    if (words.some((w) => BYLINE_WORDS.has(w)) || el.getAttribute('rel') === 'author') return 'byline';
    return context;
  }

  *visit(el: Element, context: BlockKind, depth = 0): Steps<void> {
    let run = newText();
    const flush = () => {
      if (run.parts.length) this.emit(run, this.kindOf(el, context), el, true);
      run = newText();
    };
    for (let c = el.firstChild; c && !this.full; c = c.nextSibling) {
      if (c.nodeType === 3) {
        this.addPart(run, c.nodeValue ?? '');
        continue;
      }
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      if (child.tagName === 'BR') {
        // two line breaks in a row end a paragraph; one is a space
        let next = child.nextSibling;
        while (next && next.nodeType === 3 && !(next.nodeValue ?? '').trim()) next = next.nextSibling;
        if (next && next.nodeType === 1 && (next as Element).tagName === 'BR') flush();
        else this.addPart(run, ' ');
        continue;
      }
      if (this.leftOutInline(child)) continue;
      const paragraph = this.options.paragraphs !== undefined && child.matches(this.options.paragraphs);
      if (!paragraph && !BLOCK_TAGS.has(child.tagName) && !this.hasBlockChild(child)) {
        if (this.contextOf(child, context) === 'caption' && context === 'paragraph') {
          // an inline caption (<span class="caption">) is a block of its own
          flush();
          const acc = newText();
          this.addText(child, acc, false);
          this.emit(acc, 'caption', child, false);
          yield;
          continue;
        }
        if (!isInlineCard(child)) this.addText(child, run, child.tagName === 'A');
        continue;
      }
      flush();
      if (this.options.skip(child)) {
        this.gap(child);
        continue;
      }
      yield* this.block(child, context, paragraph, depth + 1);
      yield;
    }
    flush();
  }

  private *block(el: Element, context: BlockKind, paragraph: boolean, depth: number): Steps<void> {
    if (el.tagName === 'H1') return; // the title, read as metadata
    if (depth >= MAX_DEPTH) return; // deeper than any article is written
    if ((el.tagName === 'UL' || el.tagName === 'OL' || el.tagName === 'DL') && this.isLinkList(el)) {
      this.gap(el);
      return;
    }
    const inner = this.contextOf(el, context);
    if (!paragraph && this.hasBlockChild(el)) {
      yield* this.visit(el, inner, depth);
      return;
    }
    const acc = newText();
    this.addText(el, acc, false);
    this.emit(acc, this.kindOf(el, inner), el, false, isAllBold(el));
  }

  /** Lists of links (share buttons, "related stories", topic tags), and lists of one- or two-word items. */
  private isLinkList(list: Element): boolean {
    const acc = newText();
    this.addText(list, acc, false);
    const text = normaliseSpace(acc.parts.join(''));
    if (!text) return true;
    if (acc.linked / text.replace(/\s/g, '').length >= 0.5) return true;
    const items = Array.from(list.children);
    return items.length >= 2 && items.every((li) => normaliseSpace(li.textContent ?? '').split(' ').length <= 2);
  }
}

/** All of the element's text is inside one `<strong>` or `<b>` (a subheading written as a paragraph). */
function isAllBold(el: Element): boolean {
  const only = el.children.length === 1 ? el.firstElementChild : null;
  if (!only || (only.tagName !== 'STRONG' && only.tagName !== 'B')) return false;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && (c.nodeValue ?? '').trim()) return false;
  return true;
}

/** Walk `roots` in order, yielding after each block; the blocks and gaps found. */
export function* walkBodySteps(roots: readonly Element[], options: WalkOptions): Steps<WalkItem[]> {
  const w = new Walker(options);
  for (const root of roots) {
    if (w.full) break;
    yield* w.visit(root, 'paragraph');
  }
  return w.out;
}

/** Walk `roots` in order; the blocks and gaps found. */
export function walkBody(roots: readonly Element[], options: WalkOptions): WalkItem[] {
  return runSteps(walkBodySteps(roots, options));
}
