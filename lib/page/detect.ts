/**
 * The cheap first check on every page: does it say it is an article? Signals are tried from the
 * cheapest: the og:type meta tag, then JSON-LD (parsed only when its text names an article type),
 * microdata, a lone `<article>` element, and last Readability's `isProbablyReaderable` (only when
 * the page has paragraphs at all). Nothing here lays out the page or reads computed style.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { PageHead } from './head';
import { wordSet } from './words';

export type ArticleSignal = 'og' | 'jsonld' | 'microdata' | 'article-element' | 'readerable';

/** og:type values (their first word) that rule out an article when no stronger signal says otherwise (home and section pages, profiles, products). */
const NOT_ARTICLE_OG = wordSet('website profile video music book product place business object');

/** schema.org types named in microdata (`itemtype`) that describe an article. */
const MICRODATA_ARTICLE = /schema\.org\/(?:\w*NewsArticle|Article|BlogPosting|Report)\b/i;

/** Fewest paragraphs for the body-only signals to be worth trying. */
const MIN_PARAGRAPHS = 3;

export interface SignalOptions {
  /**
   * The page moved to another address without a reload: its head (meta tags, JSON-LD) may still
   * describe the previous page, so only the body is believed.
   */
  afterNavigation?: boolean;
  /** The page's head, when the caller has read it already. */
  head?: PageHead;
}

function microdataArticle(doc: Document): boolean {
  if (doc.querySelector('[itemprop~="articleBody"]')) return true;
  for (const el of doc.querySelectorAll('[itemtype]')) if (MICRODATA_ARTICLE.test(el.getAttribute('itemtype') ?? '')) return true;
  return false;
}

/** Why the page is taken for an article, or null when it is not one. */
export function articleSignal(doc: Document, options: SignalOptions = {}): ArticleSignal | null {
  if (doc.contentType && doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return null;
  if (!doc.body) return null;
  let og: string | null = null;
  if (!options.afterNavigation) {
    const head = options.head ?? new PageHead(doc);
    og = head.ogType();
    if (og === 'article' || og?.startsWith('article:') || og === 'news' || og === 'newsarticle') return 'og';
    if (head.articleNode()) return 'jsonld';
    // a page that calls itself a website (home and section pages) is not an article for weaker signals
    if (og && NOT_ARTICLE_OG.has(og.split(/[.:\s]/, 1)[0])) return null;
  }
  const paragraphs = doc.getElementsByTagName('p').length;
  if (paragraphs < MIN_PARAGRAPHS) return null;
  if (microdataArticle(doc)) return 'microdata';
  const articles = doc.getElementsByTagName('article');
  if (articles.length > 0 && articles.length <= 2 && articles[0].getElementsByTagName('p').length >= MIN_PARAGRAPHS) return 'article-element';
  return isProbablyReaderable(doc) ? 'readerable' : null;
}

export function isArticle(doc: Document): boolean {
  return articleSignal(doc) !== null;
}
