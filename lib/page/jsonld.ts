/**
 * JSON-LD (schema.org) on a page: the script blocks, parsed lazily and only when they can hold what
 * is asked for, and the article node among them (top level, arrays, `@graph`).
 */
import { wordSet } from './words';

/** schema.org types that describe an article (lower case). */
export const ARTICLE_TYPES = wordSet('article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle backgroundnewsarticle reviewnewsarticle askpublicnewsarticle satiricalarticle scholarlyarticle techarticle report blogposting liveblogposting socialmediaposting discussionforumposting advertisercontentarticle medicalscholarlyarticle');

/** Cheap test on the raw text before parsing: can this block name an article type at all? */
const MENTIONS_ARTICLE = /Article|Posting|"Report"/i;

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '').toLowerCase());
}

function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t));
}

/** Nodes at the top of a JSON-LD value: the value itself, array members, `@graph` members (one level each). */
export function topNodes(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 3) return;
  if (Array.isArray(value)) {
    for (const v of value) topNodes(v, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) topNodes(value['@graph'], out, depth + 1);
  }
}

/**
 * JSON.parse, retried once with raw control characters (line breaks inside strings, which many sites
 * write) turned into spaces; undefined when the text is not JSON even so.
 */
export function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // eslint-disable-next-line no-control-regex
      return JSON.parse(text.replace(/[\u0000-\u001F]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/**
 * The article node among JSON-LD texts, or null. Only blocks whose text mentions an article type
 * are parsed; a broken block is skipped. A page's main article is its first article node; a node
 * only listed inside another (an `ItemList` of teasers) is not considered.
 */
export function findArticleNodeIn(texts: readonly string[]): JsonObject | null {
  for (const text of texts) {
    if (!MENTIONS_ARTICLE.test(text)) continue;
    const value = parseLenient(text);
    if (value === undefined) continue; // a page's broken JSON-LD is its own problem
    const nodes: JsonObject[] = [];
    topNodes(value, nodes);
    const article = nodes.find(isArticleNode);
    if (article) return withReferences(article, nodes);
    // a WebPage whose mainEntity is the article
    for (const n of nodes) {
      const main = n['mainEntity'];
      if (isObject(main) && isArticleNode(main)) return main;
    }
  }
  return null;
}

/** Attach the `@graph` siblings so `{"@id": ...}` references (author, publisher) can be resolved. */
function withReferences(article: JsonObject, nodes: JsonObject[]): JsonObject {
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  if (byId.size === 0) return article;
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
    return v;
  };
  return { ...article, author: resolve(article['author']), publisher: resolve(article['publisher']), mainEntityOfPage: resolve(article['mainEntityOfPage']), isPartOf: resolve(article['isPartOf']) };
}
