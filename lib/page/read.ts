/**
 * Reading the article body: its blocks in reading order, each mapped back to its element.
 * First version: the container holding most paragraph text wins; boilerplate regions are skipped.
 */
import type { Block, BlockKind } from '../extract/types';
import type { ArticlePage } from './types';
import { readMetadata } from './metadata';
import { isArticle } from './detect';

const SKIP = 'nav, aside, footer, form, script, style, noscript, template, [role="navigation"], [role="complementary"], [aria-hidden="true"]';
const BLOCKS = 'p, h2, h3, h4, blockquote, figcaption, li';

function kindOf(el: Element): BlockKind {
  const tag = el.tagName.toLowerCase();
  if (tag === 'h2' || tag === 'h3' || tag === 'h4') return 'heading';
  if (tag === 'blockquote' || el.closest('blockquote')) return 'blockquote';
  if (tag === 'figcaption' || el.closest('figcaption')) return 'caption';
  if (tag === 'li') return 'list-item';
  return 'paragraph';
}

function normalise(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

function bestContainer(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    if (p.closest(SKIP)) continue;
    const len = (p.textContent ?? '').length;
    if (len < 40) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

export function readBlocks(doc: Document): { blocks: Block[]; elements: Element[] } {
  const container = doc.querySelector('article') ?? bestContainer(doc);
  const blocks: Block[] = [];
  const elements: Element[] = [];
  if (!container) return { blocks, elements };
  for (const el of container.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIP)) continue;
    // a paragraph inside a list item or blockquote is read once, as itself
    if (el.tagName.toLowerCase() !== 'p' && el.querySelector('p')) continue;
    const text = normalise(el.textContent ?? '');
    if (!text) continue;
    blocks.push({ text, kind: kindOf(el) });
    elements.push(el);
  }
  return { blocks, elements };
}

/** The article on the page, or null when the page is not an article. */
export function readArticle(doc: Document, url: string): ArticlePage | null {
  if (!isArticle(doc)) return null;
  const { blocks, elements } = readBlocks(doc);
  if (blocks.length === 0) return null;
  return { meta: readMetadata(doc, url), blocks, elements };
}
