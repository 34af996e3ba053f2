// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PageUi } from '../../../lib/highlight';
import type { PageCapture } from '../../../lib/messaging';
import { parseSettings, withSiteMode } from '../../../lib/settings';

function article(): { capture: PageCapture; elements: Element[] } {
  document.body.innerHTML = '<article><p id="a">“We will <em>not</em> back down,” said Ana Ruiz.</p><p id="b">Later, Ruiz said the plan was “fair to everyone.”</p></article>';
  const elements = [document.getElementById('a')!, document.getElementById('b')!];
  const quote = (text: string, block: number, start: number) => ({ quote: text, speaker: 'Ana Ruiz', mention: 'Ruiz', speakerType: 'person' as const, role: 'mayor', cue: 'said', kind: 'direct' as const, block, start, end: start + text.length, confidence: 0.9, before: '', after: '' });
  return {
    elements,
    capture: {
      meta: { url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', site: 'news.example', siteName: null, title: 'A', authors: [], published: null, lang: 'en' },
      quotes: [quote('We will not back down,', 0, 1), quote('fair to everyone.', 1, 30)],
    },
  };
}

describe('the page UI', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the popup: what the page holds, show a quote, collect the page on request', async () => {
    const { capture, elements } = article();
    const sent: unknown[] = [];
    const ui = new PageUi(document, { page: { elements }, capture }, async (req) => {
      sent.push(req);
      return { ok: true, value: { articleId: 1, added: 2, removed: 0, kept: 0 } };
    });
    expect(await ui.handle({ type: 'tab/status' })).toEqual({ url: 'https://news.example/a', meta: capture.meta, found: 2 });
    const scroll = vi.fn();
    (Element.prototype as unknown as { scrollIntoView: () => void }).scrollIntoView = scroll;
    expect(await ui.handle({ type: 'tab/show-quote', quote: 'fair to everyone.' })).toEqual({ found: true });
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(await ui.handle({ type: 'tab/show-quote', quote: 'never said anywhere' })).toEqual({ found: false });
    await ui.handle({ type: 'tab/collect' });
    expect(sent).toEqual([{ type: 'page/captured', capture, requested: true }]);
    ui.destroy();
  });

  it('draws only inside one closed shadow root, and leaves the page as it was when removed', () => {
    const { capture, elements } = article();
    const before = document.body.innerHTML;
    const ui = new PageUi(document, { page: { elements }, capture }, async () => ({ ok: true, value: { articleId: 1, added: 0, removed: 0, kept: 0 } }));
    ui.apply({ ...parseSettings(null), highlights: true });
    const hosts = document.querySelectorAll('quotemark-layer');
    expect(hosts.length).toBe(1);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(document.body.innerHTML).toBe(before);
    ui.destroy();
    expect(document.querySelectorAll('quotemark-layer').length).toBe(0);
  });

  it('draws nothing while highlights are off or on a site set to "never"', () => {
    const { capture, elements } = article();
    const ui = new PageUi(document, { page: { elements }, capture }, async () => ({ ok: true, value: { articleId: 1, added: 0, removed: 0, kept: 0 } }));
    ui.apply(parseSettings(null));
    expect(document.querySelectorAll('quotemark-layer').length).toBe(0);
    ui.apply({ ...withSiteMode(parseSettings(null), 'news.example', 'never'), highlights: true });
    expect(document.querySelectorAll('quotemark-layer').length).toBe(0);
    ui.destroy();
  });
});
