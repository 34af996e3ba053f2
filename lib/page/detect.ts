/**
 * The cheap first check on every page: does it say it is an article? Reads only a handful of
 * elements, never lays out the page.
 */

const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle', 'reviewnewsarticle', 'blogposting', 'report']);

function hasArticleType(node: unknown, depth = 0): boolean {
  if (depth > 4 || node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => hasArticleType(n, depth + 1));
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()))) return true;
  return hasArticleType(obj['@graph'], depth + 1);
}

/** JSON-LD blocks of the page, parsed; malformed ones are skipped. */
export function jsonLd(doc: Document): unknown[] {
  const out: unknown[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = s.textContent;
    if (!text || text.length > 1_000_000) continue;
    try {
      out.push(JSON.parse(text));
    } catch {
      /* a page's broken JSON-LD is its own problem */
    }
  }
  return out;
}

export function isArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (og && og.trim().toLowerCase() === 'article') return true;
  if (jsonLd(doc).some((n) => hasArticleType(n))) return true;
  return doc.querySelector('article p') !== null;
}
