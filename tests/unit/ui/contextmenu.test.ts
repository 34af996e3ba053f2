import { describe, expect, it } from 'vitest';
import { SAVE_QUOTE_MENU, saveQuotePath } from '../../../lib/contextmenu';
import { parseTabRequest, parseRequest } from '../../../lib/messaging';

describe('"Save as quote…"', () => {
  it('opens the save window with the selection, page and tab', () => {
    const path = saveQuotePath({ menuItemId: SAVE_QUOTE_MENU, selectionText: '  We are ready.  ', pageUrl: 'https://news.example/a' }, { id: 4, title: 'A story' });
    const params = new URL(path!, 'https://x').searchParams;
    expect(params.get('text')).toBe('We are ready.');
    expect(params.get('url')).toBe('https://news.example/a');
    expect(params.get('title')).toBe('A story');
    expect(params.get('tab')).toBe('4');
  });
  it('does nothing for other menus, empty selections or pages that are not http(s)', () => {
    expect(saveQuotePath({ menuItemId: 'other', selectionText: 'x', pageUrl: 'https://a.example/' }, undefined)).toBeNull();
    expect(saveQuotePath({ menuItemId: SAVE_QUOTE_MENU, selectionText: '   ', pageUrl: 'https://a.example/' }, undefined)).toBeNull();
    expect(saveQuotePath({ menuItemId: SAVE_QUOTE_MENU, selectionText: 'x', pageUrl: 'file:///etc/passwd' }, undefined)).toBeNull();
  });
});

describe('tab messages', () => {
  it('accepts the three requests and refuses anything else', () => {
    expect(parseTabRequest({ type: 'tab/status' })).toEqual({ type: 'tab/status' });
    expect(parseTabRequest({ type: 'tab/show-quote', quote: 'x', extra: 1 })).toEqual({ type: 'tab/show-quote', quote: 'x' });
    expect(() => parseTabRequest({ type: 'tab/show-quote', quote: 5 })).toThrow(/quote/);
    expect(() => parseTabRequest({ type: 'tab/eval' })).toThrow(/unknown/);
  });
  it('keeps the "requested" flag of a capture only when it is exactly true', () => {
    const capture = { meta: { url: 'https://a.example/', canonicalUrl: 'https://a.example/', site: 'a.example', siteName: null, title: 't', authors: [], published: null, lang: null }, quotes: [] };
    expect(parseRequest({ type: 'page/captured', capture, requested: true })).toHaveProperty('requested', true);
    expect(parseRequest({ type: 'page/captured', capture, requested: 'yes' })).not.toHaveProperty('requested');
  });
});
