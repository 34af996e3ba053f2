/**
 * The cheap first check on every page: does it say it is an article? Signals are tried from the
 * cheapest: one meta tag, then JSON-LD (parsed only when its text names an article type), microdata,
 * a lone `<article>` element, and last Readability's `isProbablyReaderable`. Nothing here lays out
 * the page or reads computed style.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { findArticleNode } from './jsonld';

export type ArticleSignal = 'og' | 'jsonld' | 'microdata' | 'article-element' | 'readerable';

const OG_TYPE = 'meta[property="og:type"], meta[name="og:type"]';
const MICRODATA = '[itemprop~="articleBody"], [itemtype*="schema.org/NewsArticle"], [itemtype*="schema.org/Article"], [itemtype*="schema.org/BlogPosting"], [itemtype*="schema.org/ReportageNewsArticle"]';

/** Types a page can say it is in og:type that rule out an article when no stronger signal says otherwise. */
const NOT_ARTICLE_OG = /^(?:website|profile|video|music|book|product|place|business|object)\b/i;

export function ogType(doc: Document): string | null {
  const v = doc.querySelector(OG_TYPE)?.getAttribute('content');
  return v ? v.trim().toLowerCase() : null;
}

export interface SignalOptions {
  /**
   * The page moved to another address without a reload: its head (meta tags, JSON-LD) may still
   * describe the previous page, so only the body is believed.
   */
  afterNavigation?: boolean;
}

/** Why the page is taken for an article, or null when it is not one. */
export function articleSignal(doc: Document, options: SignalOptions = {}): ArticleSignal | null {
  if (doc.contentType && doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return null;
  if (!doc.body) return null;
  const og = options.afterNavigation ? null : ogType(doc);
  if (og === 'article' || og?.startsWith('article:') || og === 'news' || og === 'newsarticle') return 'og';
  if (!options.afterNavigation && findArticleNode(doc)) return 'jsonld';
  if (doc.querySelector(MICRODATA)) return 'microdata';
  // a page that calls itself a website (home and section pages) is not an article for weaker signals
  if (og && NOT_ARTICLE_OG.test(og)) return null;
  const articles = doc.getElementsByTagName('article');
  if (articles.length > 0 && articles.length <= 2 && articles[0].getElementsByTagName('p').length >= 3) return 'article-element';
  return isProbablyReaderable(doc) ? 'readerable' : null;
}

export function isArticle(doc: Document): boolean {
  return articleSignal(doc) !== null;
}
