// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../lib/page/body';
import { readPage } from '../../../lib/page/read';
import { capturePage } from '../../../lib/capture';
import { fixture, page, paragraphs } from './fixtures';

const URL = 'https://ledger.example/news/2024/05/council-bridge-repairs';

describe('reading the body of a page with the hard structures', () => {
  const doc = fixture('hard-article.html');
  const { blocks, elements } = readBody(doc);
  const texts = blocks.map((b) => b.text);

  it('returns the article’s paragraphs in order, with headings, blockquotes, captions and bylines marked', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'caption',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'blockquote',
      'paragraph',
      'paragraph',
      'byline',
    ]);
    expect(texts[1]).toMatch(/^The city council voted six to one/);
    expect(texts[4]).toBe('A long night');
    expect(texts[10]).toMatch(/^The work is expected to cost \$14 million/);
  });

  it('joins a quote interrupted by a link and emphasis into one text', () => {
    expect(texts).toContain(
      '“This bridge carries twelve thousand cars a day, and it has been patched for a decade,” said Mayor Ilse Brandt after the vote.',
    );
  });

  it('keeps a quote over three paragraphs as three consecutive paragraphs', () => {
    const i = texts.findIndex((t) => t.startsWith('Speaking after midnight'));
    expect(texts[i + 1]).toMatch(/^“We heard about the school buses/);
    expect(texts[i + 2]).toMatch(/^“And in the end we decided/);
    expect(blocks.slice(i, i + 3).every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('leaves out navigation, share tools, related stories, teaser links, ads, sign-up boxes, tags, comments and the sidebar', () => {
    const all = texts.join('\n');
    for (const gone of ['Facebook', 'Related stories', 'We were never told', 'Not one more winter', 'Advertisement', 'morning briefing', 'best five minutes', 'Bridges', 'Finally!', 'lakeview_72', 'It was chaos', 'new guide', 'All rights reserved', 'Latest stories about the mayor', 'City hall']) {
      expect(all).not.toContain(gone);
    }
  });

  it('reads the text around a hover card inside a paragraph without the card', () => {
    expect(texts).toContain(
      'Reyes said he would keep pushing for a cheaper option. “I am not against the bridge. I am against the bill,” he said, adding that he expected the mayor to bring the costs back to the council in the autumn.',
    );
  });

  it('maps every block back to the element it was read from', () => {
    expect(elements).toHaveLength(blocks.length);
    blocks.forEach((b, i) => {
      expect(elements[i].isConnected).toBe(true);
      expect((elements[i].textContent ?? '').replace(/\s+/g, ' ')).toContain(b.text.slice(0, 20));
    });
    expect(elements[0].tagName).toBe('FIGCAPTION');
    expect(elements[8].closest('blockquote')).not.toBeNull();
  });
});

describe('capturing the quotes of that page', () => {
  it('takes quotes from the article only: never from the caption, related stories, teasers, sign-up box or comments', () => {
    const result = capturePage(fixture('hard-article.html'), URL);
    expect(result).not.toBeNull();
    const quotes = result!.capture.quotes.map((q) => q.quote);
    expect(quotes.some((q) => q.startsWith('This bridge carries twelve thousand cars a day'))).toBe(true);
    for (const bad of ['We finally have a plan', 'We were never told', 'Not one more winter', 'The best five minutes', 'Finally!', 'It was chaos', 'Everything you need to know']) {
      expect(quotes.some((q) => q.includes(bad))).toBe(false);
    }
  });

  it('finds the quote that runs over three paragraphs in each of them', () => {
    const result = capturePage(fixture('hard-article.html'), URL)!;
    const start = result.page.blocks.findIndex((b) => b.text.startsWith('Speaking after midnight'));
    const blocksWithQuotes = new Set(result.capture.quotes.map((q) => q.block));
    expect([start, start + 1, start + 2].every((i) => blocksWithQuotes.has(i))).toBe(true);
  });

  it('does not take a quote from a caption even when it has a speaker', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article>${paragraphs(4)}<figure><img alt=""><figcaption>“The water came up to the second step,” said Ada Quist, a shop owner.</figcaption></figure>
       <p>“We will rebuild the wall by spring,” said Ada Quist, who runs the shop by the bridge.</p></article>`,
    );
    const result = capturePage(doc, 'https://ledger.example/a')!;
    const caption = result.page.blocks.findIndex((b) => b.kind === 'caption');
    expect(caption).toBeGreaterThanOrEqual(0);
    expect(result.capture.quotes.every((q) => q.block !== caption)).toBe(true);
    expect(result.capture.quotes.map((q) => q.quote)).toContain('We will rebuild the wall by spring,');
  });

  it('leaves the page’s DOM exactly as it was', () => {
    const doc = fixture('hard-article.html');
    const before = doc.documentElement.outerHTML;
    capturePage(doc, URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('generic structures', () => {
  it('reads a body split over sibling containers as one article', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article><header><h1>Title</h1></header><section class="body">
        <div class="column"><div>${paragraphs(3, 'First part')}</div></div>
        <div class="ad-slot"></div>
        <div class="column"><div>${paragraphs(3, 'Second part')}</div></div>
        <figure><img alt=""><figcaption>A caption.</figcaption></figure>
        <div class="column"><div>${paragraphs(2, 'Third part')}</div></div>
      </section></article>`,
    );
    const texts = readBody(doc).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(texts).toHaveLength(8);
    expect(texts[0]).toMatch(/^First part paragraph 1/);
    expect(texts[7]).toMatch(/^Third part paragraph 2/);
  });

  it('reads the quotation marks a browser draws around <q> elements (nested ones as single marks)', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article>${paragraphs(3)}<p><q>We will open the bridge in August, and the engineer told us <q>no later</q></q>, the mayor said.</p></article>`,
    );
    const result = capturePage(doc, 'https://ledger.example/q')!;
    expect(result.page.blocks.map((b) => b.text)).toContain('“We will open the bridge in August, and the engineer told us ‘no later’”, the mayor said.');
    expect(result.capture.quotes.map((q) => q.quote)).toContain('We will open the bridge in August, and the engineer told us ‘no later’');
  });

  it('reads text between paragraphs and paragraphs separated by two line breaks', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<div id="story">${paragraphs(3)}“We are not moving,” the tenant said, standing at the door.<p>After that, the landlord left.</p>First line of a letter, long enough to be a paragraph of its own here.<br><br>Second line of the letter, also long enough to be a paragraph of its own.</div>`,
    );
    const texts = readBody(doc).blocks.map((b) => b.text);
    expect(texts).toContain('“We are not moving,” the tenant said, standing at the door.');
    expect(texts).toContain('First line of a letter, long enough to be a paragraph of its own here.');
    expect(texts).toContain('Second line of the letter, also long enough to be a paragraph of its own.');
  });

  it('does not mistake a layout wrapper named for its sidebar for furniture', () => {
    const doc = page('<meta property="og:type" content="article">', `<article><div class="content-with-sidebar">${paragraphs(5)}</div><div class="sidebar"><p>Sidebar text that is long enough to count as a paragraph for the scoring.</p></div></article>`);
    const texts = readBody(doc).blocks.map((b) => b.text);
    expect(texts).toHaveLength(5);
  });

  it('leaves out a sign-up box named only by utility classes, with the pitch around its form', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article>${paragraphs(3)}<div class="mb4 pa4 tc"><div><h3 class="f3">Get the morning briefing</h3><p class="f6">Top stories in your inbox every morning, sent before six, free.</p></div><div class="mw5"><form><input type="email" placeholder="Email"><button>Sign up</button></form><div class="f6 dn">You have been subscribed to the morning list.</div></div></div>${paragraphs(2, 'Later')}</article>`,
    );
    const all = readBody(doc).blocks.map((b) => b.text).join(' ');
    expect(all).not.toMatch(/morning briefing|Top stories in your inbox|You have been subscribed/);
    expect(all).toMatch(/Later paragraph 2/);
  });

  it('reads every update of a live blog written as sibling <article> entries', () => {
    const entry = (i: number) =>
      `<article class="update"><time>${10 + i}:00</time><div class="entry-body"><p>Update ${i}: “We are keeping the road closed until the water goes down,” the police said in their ${i}th statement of the day.</p><p>Crews worked through the night on stretch ${i} of the embankment, ${'and the night before, '.repeat(i)}with sandbags.</p></div></article>`;
    const doc = page('<meta property="og:type" content="article">', `<main><h1>Flood: live updates</h1><div class="stream">${[1, 2, 3, 4, 5].map(entry).join('')}</div></main>`);
    const texts = readBody(doc).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(texts.filter((t) => t.startsWith('Update '))).toHaveLength(5);
  });

  it('reads a page wrapped in a form (as some site builders do) and skips labels, date lines and copyright lines', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<form id="aspnetForm"><div class="main"><p>Advertisement</p><p>Updated: Tue., May 14, 2024</p>${paragraphs(4)}<p>Copyright 2024 Example News. All rights reserved.</p><p>Follow us on Twitter and Facebook for the latest news.</p></div></form>`,
    );
    const texts = readBody(doc).blocks.map((b) => b.text);
    expect(texts).toHaveLength(4);
    expect(texts.every((t) => t.startsWith('The river paragraph'))).toBe(true);
  });

  it('reads a standfirst written as a heading as a paragraph, and keeps short subheadings as headings', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article><h2 class="deck">“The new timetable puts an end to the queues at the pier,” says Rosa Lindqvist, who runs the island ferry.</h2>${paragraphs(3)}<h2>What changes in June</h2>${paragraphs(2, 'Later')}</article>`,
    );
    const blocks = readBody(doc).blocks;
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '“The new timetable puts an end to the queues at the pier,” says Rosa Lindqvist, who runs the island ferry.' });
    expect(blocks.find((b) => b.text === 'What changes in June')?.kind).toBe('heading');
  });

  it('drops a heading that only introduces a list of other stories, and the list', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article>${paragraphs(2)}<h4>More:</h4><ul><li><h4><a href="/a">“We are ready,” says coach</a></h4></li></ul><ul><li><h4><a href="/b">Town votes on the budget</a></h4></li></ul>${paragraphs(2, 'Later')}<div class="heading-h3">You may also like</div><ul><li>The strange life of a <a href="/c">lighthouse keeper on the north shore</a></li><li>How the <a href="/d">ferry timetable was written by hand</a></li></ul></article>`,
    );
    const texts = readBody(doc).blocks.map((b) => b.text);
    expect(texts).toHaveLength(4);
    expect(texts.join(' ')).not.toMatch(/More:|We are ready|You may also like|lighthouse/);
  });
});

describe('what is not read', () => {
  it('skips a page that is not an article', () => {
    const doc = page('<meta property="og:type" content="website">', `<main><h1>Search results</h1>${paragraphs(10)}</main>`);
    expect(readPage(doc, 'https://example.org/search?q=river')).toEqual({ skipped: 'not-article', detail: 'og:type website', final: true });
    expect(readPage(page('', '<div id="app"></div>'), 'https://example.org/app')).toEqual({ skipped: 'not-article', detail: 'no article signal', final: false });
  });

  it('skips an article page whose body is too short to read', () => {
    const doc = page('<meta property="og:type" content="article">', '<article><p>Short.</p></article>');
    const r = readPage(doc, 'https://example.org/a');
    expect('skipped' in r && r.skipped).toBe('no-body');
  });
});
