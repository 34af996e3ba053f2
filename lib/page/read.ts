/**
 * Reading a page: is it an article, in a language we read, with a body worth reading? Then its
 * blocks (each mapped back to its element) and its metadata.
 */
import type { Block } from '../extract/types';
import type { ArticlePage } from './types';
import { articleSignal } from './detect';
import { PageHead } from './head';
import { readBody, readBodySteps, type BodyOptions } from './body';
import { runSteps, type Steps } from './steps';
import type { WalkBudget } from './walk';
import { normaliseLang, readMetadata } from './metadata';
import { languageVerdict } from './language';
import { hintFor, type SiteHint } from './site-hints';

export type SkipReason = 'not-article' | 'language' | 'no-body';

/**
 * `final`: the page itself says what rules it out (its og:type, its language), so watching it for a
 * body that arrives later is pointless; a page without any signal yet may still render an article.
 */
export type ReadResult = { page: ArticlePage } | { skipped: SkipReason; detail: string; final: boolean };

/** Least paragraph text for a body, by how sure the page is of being an article. */
const MIN_BODY_STRONG = 150;
const MIN_BODY_WEAK = 500;

/** The page's declared language from its root element or a meta tag (cheap; no JSON-LD). */
export function declaredLang(doc: Document, head: PageHead): string | null {
  const root = doc.documentElement;
  return (
    normaliseLang(root?.getAttribute('lang')) ??
    normaliseLang(root?.getAttribute('xml:lang')) ??
    normaliseLang(head.meta('content-language'))
  );
}

function bodyText(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'paragraph' || b.kind === 'blockquote' || b.kind === 'list-item') n += b.text.length;
  return n;
}

export interface ReadOptions {
  /** Site hints to use (default: the built-in list); tests pass their own. */
  hints?: readonly SiteHint[];
  /** The page moved to this address without a reload (its head may be stale: see `articleSignal`). */
  afterNavigation?: boolean;
  /** How much of the body to read at most (default: what one page may send). */
  budget?: WalkBudget;
}

/** Read the page, or say why it was skipped. */
export function readPage(doc: Document, url: string, options: ReadOptions = {}): ReadResult {
  return runSteps(readPageSteps(doc, url, options));
}

/** `readPage`, yielding at checkpoints so it can run in slices (see steps.ts). */
export function* readPageSteps(doc: Document, url: string, options: ReadOptions = {}): Steps<ReadResult> {
  const head = new PageHead(doc);
  const signal = articleSignal(doc, { afterNavigation: options.afterNavigation, head });
  if (!signal) {
    const og = options.afterNavigation ? null : head.ogType();
    return og ? { skipped: 'not-article', detail: `og:type ${og}`, final: true } : { skipped: 'not-article', detail: 'no article signal', final: false };
  }
  const lang = declaredLang(doc, head);
  const verdict = languageVerdict(lang);
  if (!verdict.read) return { skipped: 'language', detail: verdict.reason, final: true };
  const hint = options.hints ? hintFor(url, options.hints) : hintFor(url);
  const bodyOptions: BodyOptions = options.budget ? { ...hint, budget: options.budget } : (hint ?? {});
  yield;
  const body = yield* readBodySteps(doc, bodyOptions, url);
  const strong = signal === 'og' || signal === 'jsonld' || signal === 'microdata';
  const size = bodyText(body.blocks);
  if (size < (strong ? MIN_BODY_STRONG : MIN_BODY_WEAK)) return { skipped: 'no-body', detail: `${size} characters of body text`, final: false };
  const meta = readMetadata(doc, url, head);
  return { page: { meta, blocks: body.blocks, elements: body.elements, roots: body.roots, signal, hint: hint?.name ?? null } };
}

/** The article on the page, or null when the page is not an article (or not one we read). */
export function readArticle(doc: Document, url: string): ArticlePage | null {
  const r = readPage(doc, url);
  return 'page' in r ? r.page : null;
}

/** Just the body's blocks and their elements (no article check, no metadata). */
export function readBlocks(doc: Document, url = ''): { blocks: Block[]; elements: Element[] } {
  const { blocks, elements } = readBody(doc, (url && hintFor(url)) || {});
  return { blocks, elements };
}
