// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SITE_HINTS, hintFor, type SiteHint } from '../../../lib/page/site-hints';
import { readPage } from '../../../lib/page/read';
import { fixture } from './fixtures';

const PARAGRAPHS = [
  /^WELLINGTON, May 3 \(Wire\) - Harbour pilots returned to work/,
  /^"We have a deal that recognises the skill and the hours this job takes," union secretary Pita Rangi told reporters at the port authority building\.$/,
  /^The port said about 20 ships had been delayed/,
  /^"Our priority now is to get every vessel berthed safely,"/,
  /^Shipping agents said the strike had added costs/,
];

/** Each entry of SITE_HINTS with the saved page (written for the tests) and an address it applies to. */
const CASES: Record<string, { page: string; url: string }> = {
  reuters: { page: 'sites/reuters-style.html', url: 'https://www.reuters.com/world/harbour-pilots-end-strike-2024-05-03/' },
};

describe('site hints', () => {
  it('every entry has a test page', () => {
    expect(SITE_HINTS.map((h) => h.name).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('applies to its hosts and their subdomains only', () => {
    expect(hintFor('https://www.reuters.com/world/x-2024-05-03/')?.name).toBe('reuters');
    expect(hintFor('https://reuters.com/business/')?.name).toBe('reuters');
    expect(hintFor('https://notreuters.com/world/')).toBeNull();
    expect(hintFor('https://reuters.com.evil.example/')).toBeNull();
    expect(hintFor('not a url')).toBeNull();
    const pathHint: SiteHint = { name: 'p', hosts: ['example.org'], path: /^\/news\//, why: 'test', body: 'main' };
    expect(hintFor('https://example.org/news/a', [pathHint])?.name).toBe('p');
    expect(hintFor('https://example.org/shop/a', [pathHint])).toBeNull();
  });

  it('reuters: the generic reader takes the story cards beside the div paragraphs for article text; the hint reads only the paragraphs', () => {
    const { page, url } = CASES.reuters;
    const generic = readPage(fixture(page), url, { hints: [] });
    const genericTexts = 'page' in generic ? generic.page.blocks.map((b) => b.text) : [];
    const genericRight = PARAGRAPHS.every((re) => genericTexts.some((t) => re.test(t))) && !genericTexts.some((t) => /A long wait at sea|We will not be the last/.test(t));
    expect(genericRight).toBe(false);

    const hinted = readPage(fixture(page), url);
    expect('page' in hinted).toBe(true);
    if (!('page' in hinted)) return;
    expect(hinted.page.hint).toBe('reuters');
    const texts = hinted.page.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(texts).toHaveLength(PARAGRAPHS.length);
    PARAGRAPHS.forEach((re, i) => expect(texts[i]).toMatch(re));
    expect(hinted.page.blocks.map((b) => b.text).join(' ')).not.toMatch(/Morning Bid|A long wait at sea|We will not be the last/);
    expect(hinted.page.elements.every((el) => el.getAttribute('data-testid')?.startsWith('paragraph-'))).toBe(true);
  });
});
