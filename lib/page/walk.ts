/**
 * Walking the article's container in document order and cutting it into blocks: each `<p>`,
 * heading, list item, caption or blockquote paragraph is a block; text sitting loose between blocks
 * is a block of its own; two `<br>` in a row end a paragraph. Text is joined across inline elements
 * (links, emphasis) and each block remembers the element it came from and how much of it is links.
 * Regions the caller rules out (furniture) are left out and leave a gap mark, so a heading that only
 * introduced them can be dropped later.
 */
import type { BlockKind } from '../extract/types';
import { wordsOf } from './boilerplate';
import { BLOCK_TAGS, isInlineCard, isInvisible, normaliseSpace } from './text';
import { wordSet } from './words';

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
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCK_TAGS.has(c.tagName)) return true;
    if (c.tagName !== 'BR' && c.firstElementChild && hasBlockChild(c)) return true;
  }
  return false;
}

function names(el: Element): string[] {
  const cls = el.getAttribute('class');
  return cls ? wordsOf(cls) : [];
}

class Walker {
  readonly out: WalkItem[] = [];

  constructor(private readonly options: WalkOptions) {}

  private leftOutInline(el: Element): boolean {
    return isInvisible(el) || (this.options.skipInline?.(el) ?? false);
  }

  /** Text of inline content, added to `acc`; link text is counted. Block children add a space. */
  private addText(node: Node, acc: Text, inLink: boolean): void {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        acc.parts.push(v);
        if (inLink) acc.linked += v.trim().length;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (el.tagName === 'BR') {
          acc.parts.push(' ');
          continue;
        }
        if (this.leftOutInline(el)) continue;
        const block = BLOCK_TAGS.has(el.tagName);
        if (!block && isInlineCard(el)) continue;
        if (block) acc.parts.push(' ');
        // <q>: the browser draws its quotation marks (CSS), so its text has none; a reader sees them
        const q = el.tagName === 'Q' ? (acc.quoteDepth++ % 2 === 0 ? ['“', '”'] : ['‘', '’']) : null;
        if (q) acc.parts.push(q[0]);
        this.addText(el, acc, inLink || el.tagName === 'A');
        if (q) {
          acc.parts.push(q[1]);
          acc.quoteDepth--;
        }
        if (block) acc.parts.push(' ');
      }
    }
  }

  private emit(acc: Text, kind: BlockKind, element: Element, partial: boolean, bold = false): void {
    const text = normaliseSpace(acc.parts.join(''));
    if (!text) return;
    const links = Math.min(1, acc.linked / text.replace(/\s/g, '').length);
    this.out.push({ text, kind, element, links, partial, bold });
  }

  private gap(el: Element): void {
    if (!el.querySelector('a')) return;
    const acc: Text = { parts: [], linked: 0, quoteDepth: 0 };
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

  visit(el: Element, context: BlockKind): void {
    let run: Text = { parts: [], linked: 0, quoteDepth: 0 };
    const flush = () => {
      if (run.parts.length) this.emit(run, this.kindOf(el, context), el, true);
      run = { parts: [], linked: 0, quoteDepth: 0 };
    };
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        run.parts.push(c.nodeValue ?? '');
        continue;
      }
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      if (child.tagName === 'BR') {
        // two line breaks in a row end a paragraph; one is a space
        let next = child.nextSibling;
        while (next && next.nodeType === 3 && !(next.nodeValue ?? '').trim()) next = next.nextSibling;
        if (next && next.nodeType === 1 && (next as Element).tagName === 'BR') flush();
        else run.parts.push(' ');
        continue;
      }
      if (this.leftOutInline(child)) continue;
      const paragraph = this.options.paragraphs !== undefined && child.matches(this.options.paragraphs);
      if (!paragraph && !BLOCK_TAGS.has(child.tagName) && !hasBlockChild(child)) {
        if (this.contextOf(child, context) === 'caption' && context === 'paragraph') {
          // an inline caption (<span class="caption">) is a block of its own
          flush();
          const acc: Text = { parts: [], linked: 0, quoteDepth: 0 };
          this.addText(child, acc, false);
          this.emit(acc, 'caption', child, false);
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
      this.block(child, context, paragraph);
    }
    flush();
  }

  private block(el: Element, context: BlockKind, paragraph: boolean): void {
    if (el.tagName === 'H1') return; // the title, read as metadata
    if ((el.tagName === 'UL' || el.tagName === 'OL' || el.tagName === 'DL') && this.isLinkList(el)) {
      this.gap(el);
      return;
    }
    const inner = this.contextOf(el, context);
    if (!paragraph && hasBlockChild(el)) {
      this.visit(el, inner);
      return;
    }
    const acc: Text = { parts: [], linked: 0, quoteDepth: 0 };
    this.addText(el, acc, false);
    this.emit(acc, this.kindOf(el, inner), el, false, isAllBold(el));
  }

  /** Lists of links (share buttons, "related stories", topic tags), and lists of one- or two-word items. */
  private isLinkList(list: Element): boolean {
    const acc: Text = { parts: [], linked: 0, quoteDepth: 0 };
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

/** Walk `roots` in order; the blocks and gaps found. */
export function walkBody(roots: readonly Element[], options: WalkOptions): WalkItem[] {
  const w = new Walker(options);
  for (const root of roots) w.visit(root, 'paragraph');
  return w.out;
}
