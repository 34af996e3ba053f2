import type { Block } from '../extract/types';

/** What the page says about itself: from JSON-LD, Open Graph, meta tags and the URL. */
export interface PageMeta {
  /** The address the page was read at, without its fragment. */
  url: string;
  /** The canonical address if the page gives one (link rel=canonical, og:url), else `url`. */
  canonicalUrl: string;
  /** Host name without "www." ("nytimes.com"). */
  site: string;
  /** The publisher's own name for itself, if given ("The New York Times"). */
  siteName: string | null;
  title: string;
  authors: string[];
  /** ISO 8601 date-time, if the page gives one. */
  published: string | null;
  /** BCP 47 language tag, lower case, if the page gives one ("en", "en-gb"). */
  lang: string | null;
}

/** The article as read off a page: its metadata and its blocks in reading order. */
export interface ArticlePage {
  meta: PageMeta;
  blocks: Block[];
  /** `elements[i]` is the element block `i` was read from (for highlighting); same length as `blocks`. */
  elements: Element[];
  /** The element(s) the body was read from, in document order (watched for changes). */
  roots: Element[];
  /** What told the reader the page is an article. */
  signal: 'og' | 'jsonld' | 'microdata' | 'article-element' | 'readerable';
  /** The site hint used, if any (its `name`). */
  hint: string | null;
}
