/**
 * Site hints: small declarative entries for well-known sites whose pages defeat the generic reader.
 * Each entry says where it applies and how to read the body there; each has a test on a saved page
 * written for it (tests/unit/page/site-hints.test.ts, pages in tests/fixtures/pages/sites/).
 * The generic path must handle everything else: no entry may exist for a page it already reads.
 */
import type { BodyOptions } from './body';

export interface SiteHint extends BodyOptions {
  /** Short name, for tests and reports. */
  name: string;
  /** Host names the entry applies to, each with its subdomains ("reuters.com" covers "www.reuters.com"). */
  hosts: readonly string[];
  /** Only pages whose path matches (all pages of the hosts when absent). */
  path?: RegExp;
  /** Why the generic path fails there (kept with the data so an entry can be retired when it no longer does). */
  why: string;
}

export const SITE_HINTS: readonly SiteHint[] = [
  {
    name: 'reuters',
    hosts: ['reuters.com'],
    why: 'paragraphs are <div data-testid="paragraph-N"> rather than <p>, while sign-up and teaser blocks on the same page are <p>',
    body: '[class*="article-body__content"], [data-testid="ArticleBody"]',
    paragraphs: '[data-testid^="paragraph-"]',
    skip: ['[data-testid="promo-box"]', '[class*="article-body__element"]', '[data-testid="Heading"] + [data-testid="Body"]'],
  },
];

function hostMatches(host: string, entry: string): boolean {
  return host === entry || host.endsWith('.' + entry);
}

/** The hint for a page address, if any. */
export function hintFor(url: string, hints: readonly SiteHint[] = SITE_HINTS): SiteHint | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  for (const h of hints) {
    if (!h.hosts.some((e) => hostMatches(host, e))) continue;
    if (h.path && !h.path.test(u.pathname)) continue;
    return h;
  }
  return null;
}
