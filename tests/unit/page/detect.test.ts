// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleSignal } from '../../../lib/page/detect';
import { page, paragraphs, parse } from './fixtures';

const ld = (v: unknown) => `<script type="application/ld+json">${JSON.stringify(v)}</script>`;

describe('is this an article?', () => {
  it('believes og:type=article', () => {
    expect(articleSignal(page('<meta property="og:type" content="article">', '<p>x</p>'))).toBe('og');
  });

  it('believes JSON-LD article types, at the top level, in arrays and inside @graph', () => {
    expect(articleSignal(page(ld({ '@type': 'NewsArticle' }), ''))).toBe('jsonld');
    expect(articleSignal(page(ld([{ '@type': 'WebPage' }, { '@type': ['Thing', 'ReportageNewsArticle'] }]), ''))).toBe('jsonld');
    expect(articleSignal(page(ld({ '@graph': [{ '@type': 'WebSite' }, { '@type': 'BlogPosting' }] }), ''))).toBe('jsonld');
    expect(articleSignal(page(ld({ '@type': 'WebPage', mainEntity: { '@type': 'Article' } }), ''))).toBe('jsonld');
  });

  it('does not take a list of teaser articles for an article (a home page)', () => {
    const home = ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'x' } }] });
    expect(articleSignal(page(home + '<meta property="og:type" content="website">', paragraphs(8)))).toBeNull();
  });

  it('lets a website og:type veto the weaker body signals, but not JSON-LD', () => {
    expect(articleSignal(page('<meta property="og:type" content="website">', `<article>${paragraphs(6)}</article>`))).toBeNull();
    expect(articleSignal(page('<meta property="og:type" content="website">' + ld({ '@type': 'NewsArticle' }), ''))).toBe('jsonld');
  });

  it('reads microdata, a lone <article> and, last, Readability’s readerable check', () => {
    expect(articleSignal(page('', `<div itemscope itemtype="https://schema.org/NewsArticle">${paragraphs(3)}</div>`))).toBe('microdata');
    expect(articleSignal(page('', `<article>${paragraphs(4)}</article>`))).toBe('article-element');
    const long = Array.from({ length: 4 }, () => `<p>${'A long paragraph of running text about the harbour and the people who work there. '.repeat(4)}</p>`).join('');
    expect(articleSignal(page('', `<div class="content">${long}</div>`))).toBe('readerable');
  });

  it('says no to web apps, search pages and listings without signals', () => {
    expect(articleSignal(page('<title>App</title>', '<div id="app"><button>Go</button><table><tr><td>1</td></tr></table></div>'))).toBeNull();
    const cards = Array.from({ length: 12 }, (_, i) => `<article><h2><a href="/${i}">Story ${i}</a></h2><p>Short teaser.</p></article>`).join('');
    expect(articleSignal(page('', cards))).toBeNull();
  });

  it('after an in-page navigation, believes only the body (the head may describe the previous page)', () => {
    const doc = page('<meta property="og:type" content="article">' + ld({ '@type': 'NewsArticle' }), '<div id="app"><ul><li>Home page tiles</li></ul></div>');
    expect(articleSignal(doc)).toBe('og');
    expect(articleSignal(doc, { afterNavigation: true })).toBeNull();
    const article = page('<meta property="og:type" content="website">', `<article>${paragraphs(5)}</article>`);
    expect(articleSignal(article, { afterNavigation: true })).toBe('article-element');
  });

  it('says no to documents that are not HTML', () => {
    const xml = new DOMParser().parseFromString('<feed><entry/></feed>', 'application/xml');
    expect(articleSignal(xml)).toBeNull();
    expect(articleSignal(parse('<html><head><meta property="og:type" content="article"></head></html>'))).toBe('og');
  });
});
