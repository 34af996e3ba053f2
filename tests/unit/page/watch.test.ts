// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureFromRead, readForCapture } from '../../../lib/capture';
import type { PageCapture } from '../../../lib/messaging';
import { watchPage, type PassInfo, type WatchSettings } from '../../../lib/page/watch';
import { fixture, page, paragraphs } from './fixtures';

const SETTINGS: WatchSettings = { quietMs: 400, maxWaitMs: 2_000, watchMs: 20_000 };

/** watchPage wired to a document, a fake address bar and fake timers; every read sent is kept as the capture the background makes of it. */
function setup(doc: Document, url: string, settings = SETTINGS) {
  const sent: PageCapture[] = [];
  const passes: PassInfo[] = [];
  const listeners: ((newUrl?: string) => void)[] = [];
  const abort = new AbortController();
  let address = url;
  let captures = 0;
  const watch = watchPage(
    {
      doc,
      url: () => address,
      capture: (d, u, afterNavigation) => {
        captures++;
        let skipped = { skipped: 'not-article', final: false };
        return readForCapture(d, u, { afterNavigation, onSkip: (reason, _detail, final) => (skipped = { skipped: reason, final }) }) ?? skipped;
      },
      // what the background does with a read: the engine, then the capture it saves
      send: (read) => sent.push(captureFromRead(read)),
      timers: { setTimeout: (h, ms) => setTimeout(h, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
      now: () => Date.now(),
      signal: abort.signal,
      onLocationChange: (l) => listeners.push(l),
      MutationObserver: window.MutationObserver,
      onPass: (p) => passes.push(p),
    },
    settings,
  );
  return {
    sent,
    passes,
    watch,
    captures: () => captures,
    /** An in-page navigation: the address changes and WXT's location watcher fires. */
    navigate(to: string) {
      address = to;
      for (const l of listeners) l();
    },
    /** The location event fires before the address changes (the Navigation API's navigate event does). */
    navigateEventFirst(to: string) {
      for (const l of listeners) l(to);
      address = to;
    },
    /** The address changes and no event says so. */
    navigateSilently(to: string) {
      address = to;
    },
    abort: () => abort.abort(),
  };
}

const quotesOf = (c: PageCapture) => c.quotes.map((q) => q.quote);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('an article whose body arrives 2 seconds after load', () => {
  it('sends nothing while the body is missing, then the whole article once', async () => {
    const doc = fixture('late-body.html');
    const t = setup(doc, 'https://courier.example/farming/late-frost');
    t.watch.readNow();
    expect(t.sent).toHaveLength(0);
    expect(t.passes[0]).toMatchObject({ outcome: 'not-article' });

    // the page's own script, two seconds later
    setTimeout(() => {
      doc.getElementById('story-body')!.replaceChildren((doc.getElementById('story-text') as HTMLTemplateElement).content.cloneNode(true));
    }, 2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(t.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(1);
    const quotes = quotesOf(t.sent[0]);
    expect(quotes.some((q) => q.startsWith('We lost most of the early cherries'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('It is too early to put a number on it'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('The machines bought us two degrees'))).toBe(true);
    expect(t.sent[0].meta.title).toBe('Orchard growers count the cost of a late frost');

    // later changes elsewhere on the page do not send the same article again
    doc.querySelector('header')!.append(doc.createElement('span'));
    doc.body.append(Object.assign(doc.createElement('div'), { textContent: 'x'.repeat(300) }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toHaveLength(1);
  });

  it('does not watch a page that says it is not an article', async () => {
    const doc = page('<meta property="og:type" content="website">', '<main id="app"></main>');
    const t = setup(doc, 'https://news.example/');
    t.watch.readNow();
    doc.getElementById('app')!.innerHTML = `<article>${paragraphs(6)}</article>`;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.captures()).toBe(1);
  });

  it('stops watching a page that never becomes an article', async () => {
    const doc = page('', '<main id="app"></main>');
    const t = setup(doc, 'https://app.example/');
    t.watch.readNow();
    await vi.advanceTimersByTimeAsync(SETTINGS.watchMs + 10);
    const before = t.captures();
    doc.getElementById('app')!.innerHTML = `<article>${paragraphs(6)}</article>`;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.captures()).toBe(before); // the observer was disconnected
    expect(t.sent).toHaveLength(0);
  });
});

describe('"load more"', () => {
  it('sends the article again with the new quotes when more of it appears, and only then', async () => {
    const doc = fixture('load-more.html');
    const t = setup(doc, 'https://metro.example/night-buses');
    t.watch.readNow();
    expect(t.sent).toHaveLength(1);
    const first = quotesOf(t.sent[0]);
    expect(first.some((q) => q.startsWith('People who clean offices'))).toBe(true);
    expect(first.some((q) => q.startsWith('Our members will be glad'))).toBe(false);

    doc.getElementById('story-text')!.append((doc.getElementById('rest') as HTMLTemplateElement).content.cloneNode(true));
    doc.getElementById('more')!.remove();
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(2);
    const second = quotesOf(t.sent[1]);
    expect(second).toEqual(expect.arrayContaining(first));
    expect(second.some((q) => q.startsWith('Our members will be glad'))).toBe(true);
    expect(second.some((q) => q.startsWith('We will watch the numbers closely'))).toBe(true);
    expect(new Set(second).size).toBe(second.length);
  });

  it('debounces a burst of changes into one read', async () => {
    const doc = page('<meta property="og:type" content="article">', `<article id="a">${paragraphs(3)}</article>`);
    const t = setup(doc, 'https://metro.example/burst');
    t.watch.readNow();
    const article = doc.getElementById('a')!;
    const reads = t.captures();
    for (let i = 0; i < 10; i++) {
      article.append(Object.assign(doc.createElement('p'), { textContent: `“Line ${i} of a statement that keeps coming in pieces,” said Ada Quist.` }));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.captures() - reads).toBe(1);
    expect(t.sent).toHaveLength(2);
    expect(quotesOf(t.sent[1]).filter((q) => q.startsWith('Line '))).toHaveLength(10);
  });

  it('still reads while changes never stop (at most every maxWait)', async () => {
    const doc = page('<meta property="og:type" content="article">', `<article id="a">${paragraphs(3)}</article>`);
    const t = setup(doc, 'https://metro.example/ticker');
    t.watch.readNow();
    const article = doc.getElementById('a')!;
    const reads = t.captures();
    for (let i = 0; i < 30; i++) {
      article.append(Object.assign(doc.createElement('p'), { textContent: `Update ${i}: the count goes on and on with more words.` }));
      await vi.advanceTimersByTimeAsync(200);
    }
    const n = t.captures() - reads;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(4);
  });

  it('does not resend when a re-read finds fewer quotes (a collapsed body), nor when nothing changed', async () => {
    const doc = fixture('load-more.html');
    const t = setup(doc, 'https://metro.example/night-buses');
    t.watch.readNow();
    const last = doc.querySelectorAll('#story-text p')[1];
    last.remove();
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.passes.at(-1)?.outcome).toBe('unchanged');
    expect(t.sent).toHaveLength(1);
  });
});

describe('a single-page site moving to a second article', () => {
  function spa(): Document {
    const doc = fixture('spa.html');
    // what the page's script renders for /spa/lighthouse-keeper
    doc.getElementById('app')!.replaceChildren((doc.getElementById('lighthouse-keeper') as HTMLTemplateElement).content.cloneNode(true));
    return doc;
  }
  const render = (doc: Document, id: string) => doc.getElementById('app')!.replaceChildren((doc.getElementById(id) as HTMLTemplateElement).content.cloneNode(true));

  it('sends the second article under its own address, with metadata from the page rather than the stale head', async () => {
    const doc = spa();
    const t = setup(doc, 'https://harbour.example/spa/lighthouse-keeper');
    t.watch.readNow();
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0].meta.canonicalUrl).toBe('https://harbour.example/spa/lighthouse-keeper');
    expect(quotesOf(t.sent[0]).some((q) => q.startsWith('I have seen every kind of weather'))).toBe(true);

    t.navigate('https://harbour.example/spa/ferry-timetable');
    // the old article is still on screen for 300 ms: nothing may be sent for the new address yet
    await vi.advanceTimersByTimeAsync(SETTINGS.maxWaitMs + 100);
    expect(t.sent).toHaveLength(1);
    render(doc, 'ferry-timetable');
    doc.title = 'Ferry timetable changes for the summer season | Harbour News';
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(2);
    const second = t.sent[1];
    expect(second.meta.url).toBe('https://harbour.example/spa/ferry-timetable');
    expect(second.meta.canonicalUrl).toBe('https://harbour.example/spa/ferry-timetable');
    expect(second.meta.title).toBe('Ferry timetable changes for the summer season');
    const quotes = quotesOf(second);
    expect(quotes.some((q) => q.startsWith('We heard the islanders loud and clear'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('I have seen every kind of weather'))).toBe(false);
  });

  for (const how of ['navigateEventFirst', 'navigateSilently'] as const) {
    it(`files the second article under its own address when ${how === 'navigateSilently' ? 'no event tells of the move' : 'the event comes before the address changes'}`, async () => {
      const doc = spa();
      const t = setup(doc, 'https://harbour.example/spa/lighthouse-keeper');
      t.watch.readNow();
      t[how]('https://harbour.example/spa/ferry-timetable');
      await vi.advanceTimersByTimeAsync(300);
      render(doc, 'ferry-timetable');
      await vi.advanceTimersByTimeAsync(SETTINGS.maxWaitMs + 100);
      expect(t.sent).toHaveLength(2);
      expect(t.sent[1].meta.canonicalUrl).toBe('https://harbour.example/spa/ferry-timetable');
      expect(quotesOf(t.sent[1]).some((q) => q.startsWith('We heard the islanders'))).toBe(true);
    });
  }

  it('reads a site that reuses the same elements and only changes their text', async () => {
    const doc = spa();
    const t = setup(doc, 'https://harbour.example/spa/lighthouse-keeper');
    t.watch.readNow();
    t.navigate('https://harbour.example/spa/ferry-timetable');
    const next = (doc.getElementById('ferry-timetable') as HTMLTemplateElement).content;
    const from = Array.from(next.querySelectorAll('h1, p'));
    doc.querySelectorAll('#app h1, #app p').forEach((el, i) => {
      (el.firstChild as Text).data = from[i].textContent ?? '';
    });
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(2);
    expect(quotesOf(t.sent[1]).some((q) => q.startsWith('Two more boats is a start'))).toBe(true);
  });

  it('ignores a change of the fragment only', async () => {
    const doc = spa();
    const t = setup(doc, 'https://harbour.example/spa/lighthouse-keeper');
    t.watch.readNow();
    t.navigate('https://harbour.example/spa/lighthouse-keeper#comments');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toHaveLength(1);
    expect(t.captures()).toBe(1);
  });
});

describe('infinite scroll: the next story is appended and the address moves to it', () => {
  it('sends the second story under its address, with its own quotes and headline, and leaves the first as it was', async () => {
    const doc = fixture('infinite.html');
    const t = setup(doc, 'https://shore.example/infinite/storm-coast-road');
    t.watch.readNow();
    expect(t.sent).toHaveLength(1);
    expect(quotesOf(t.sent[0]).some((q) => q.startsWith('We will not open it'))).toBe(true);

    // the page's script: append the next story, then move the address (replaceState: no event)
    doc.getElementById('stories')!.append((doc.getElementById('next-story') as HTMLTemplateElement).content.cloneNode(true));
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(1); // the address still names the first story
    t.navigateSilently('https://shore.example/infinite/library-fines');
    doc.title = 'Library ends late fines for children’s books | Shoreline Daily';
    doc.body.append(Object.assign(doc.createElement('div'), { textContent: 'x'.repeat(250) })); // any later change triggers a read
    await vi.advanceTimersByTimeAsync(SETTINGS.quietMs + 50);
    expect(t.sent).toHaveLength(2);
    const second = t.sent[1];
    expect(second.meta.canonicalUrl).toBe('https://shore.example/infinite/library-fines');
    expect(second.meta.title).toBe('Library ends late fines for children’s books');
    const quotes = quotesOf(second);
    expect(quotes.some((q) => q.startsWith('Fines were keeping the children'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('We will not open it'))).toBe(false);
  });
});

describe('lifetime', () => {
  it('disconnects and sends nothing more once the content script is invalidated', async () => {
    const doc = fixture('load-more.html');
    const t = setup(doc, 'https://metro.example/night-buses');
    t.watch.readNow();
    t.abort();
    doc.getElementById('story-text')!.append((doc.getElementById('rest') as HTMLTemplateElement).content.cloneNode(true));
    t.navigate('https://metro.example/other');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.sent).toHaveLength(1);
    expect(t.captures()).toBe(1);
  });

  it('does not let an error in a pass escape', async () => {
    const doc = fixture('load-more.html');
    const sent: PageCapture[] = [];
    const passes: PassInfo[] = [];
    const w = watchPage({
      doc,
      url: () => 'https://metro.example/x',
      capture: () => {
        throw new Error('boom');
      },
      send: (read) => sent.push(captureFromRead(read)),
      timers: { setTimeout: (h, ms) => setTimeout(h, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
      now: () => Date.now(),
      signal: new AbortController().signal,
      onLocationChange: () => {},
      MutationObserver: window.MutationObserver,
      onPass: (p) => passes.push(p),
    });
    expect(() => w.readNow()).not.toThrow();
    expect(passes[0].outcome).toBe('error');
  });
});
