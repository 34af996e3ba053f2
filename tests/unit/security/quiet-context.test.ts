// @vitest-environment happy-dom
/**
 * A page must not be able to tell the content script is there, nor switch it off. WXT's context
 * announces itself to the page and obeys an announcement the page can forge; ours does neither.
 * (The real-browser proof is in tests/e2e/hostile.test.ts, on a hostile page.)
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext as QuietContext } from '../../../lib/page/quiet-context-class';
import { watchLocation } from '../../../lib/page/quiet-context';

/** What a page sees and does: every message posted to it, and a forged "a newer copy started". */
function pageSpy() {
  const messages: unknown[] = [];
  const onMessage = (e: MessageEvent) => messages.push(e.data);
  window.addEventListener('message', onMessage);
  const documentEvents: string[] = [];
  const realDispatch = document.dispatchEvent.bind(document);
  const dispatch = vi.spyOn(document, 'dispatchEvent').mockImplementation((e: Event) => {
    documentEvents.push(e.type);
    return realDispatch(e);
  });
  const post = vi.spyOn(window, 'postMessage');
  return {
    messages,
    documentEvents,
    posted: () => post.mock.calls.length,
    forgeStart(name: string) {
      realDispatch(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged-by-the-page' } }));
    },
    restore() {
      window.removeEventListener('message', onMessage);
      dispatch.mockRestore();
      post.mockRestore();
    },
  };
}

describe('the content script’s context', () => {
  let spy: ReturnType<typeof pageSpy>;
  beforeEach(() => {
    fakeBrowser.reset();
    spy = pageSpy();
  });
  afterEach(() => spy.restore());

  it('WXT’s own context announces itself to the page, and a forged announcement invalidates it (the attack)', () => {
    const ctx = new WxtContext('content');
    expect(spy.posted()).toBe(1);
    expect(spy.documentEvents.some((t) => t.endsWith('wxt:content-script-started'))).toBe(true);
    const name = spy.documentEvents.find((t) => t.endsWith('wxt:content-script-started'))!;
    spy.forgeStart(name);
    expect(ctx.isValid).toBe(false);
  });

  it('ours posts nothing, dispatches nothing into the page, and ignores a forged announcement', () => {
    const ctx = new QuietContext('content');
    expect(spy.posted()).toBe(0);
    expect(spy.documentEvents).toEqual([]);
    spy.forgeStart(`${fakeBrowser.runtime.id}:content:wxt:content-script-started`);
    spy.forgeStart('wxt:content-script-started');
    expect(ctx.isValid).toBe(true);
    // it still ends when asked to
    ctx.abort('done');
    expect(ctx.isValid).toBe(false);
  });
});

describe('watchLocation', () => {
  function fakeNavigation() {
    const target = new EventTarget();
    return { target, navigation: { addEventListener: (type: string, l: () => void, o?: { signal?: AbortSignal }) => target.addEventListener(type, l, o) } };
  }

  it('reports an address change after a navigation, once', () => {
    vi.useFakeTimers();
    try {
      let href = 'https://news.example/a';
      const seen: string[] = [];
      const { target, navigation } = fakeNavigation();
      const controller = new AbortController();
      watchLocation((u) => seen.push(u), { href: () => href, navigation, setTimeout: (h, ms) => setTimeout(h, ms), setInterval: (h, ms) => setInterval(h, ms), signal: controller.signal });
      target.dispatchEvent(new Event('navigate'));
      href = 'https://news.example/b'; // the address changes after the navigate event
      vi.runAllTimers();
      target.dispatchEvent(new Event('navigatesuccess'));
      expect(seen).toEqual(['https://news.example/b']);
      // a navigate event the page dispatches itself changes nothing
      target.dispatchEvent(new Event('navigate'));
      vi.runAllTimers();
      expect(seen).toEqual(['https://news.example/b']);
      controller.abort();
      href = 'https://news.example/c';
      target.dispatchEvent(new Event('navigatesuccess'));
      vi.runAllTimers();
      expect(seen).toEqual(['https://news.example/b']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('polls the address without the Navigation API, and a throwing listener never escapes', () => {
    vi.useFakeTimers();
    try {
      let href = 'https://news.example/a';
      const seen: string[] = [];
      const controller = new AbortController();
      watchLocation(
        (u) => {
          seen.push(u);
          throw new Error('listener failed');
        },
        { href: () => href, navigation: null, setTimeout: (h, ms) => setTimeout(h, ms), setInterval: (h, ms) => setInterval(h, ms), signal: controller.signal },
      );
      vi.advanceTimersByTime(1_000);
      href = 'https://news.example/b';
      expect(() => vi.advanceTimersByTime(1_000)).not.toThrow();
      expect(seen).toEqual(['https://news.example/b']);
      controller.abort();
    } finally {
      vi.useRealTimers();
    }
  });
});
