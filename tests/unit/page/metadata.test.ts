// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isoDate, readMetadata, splitNames } from '../../../lib/page/metadata';
import { fixture, page } from './fixtures';

const URL = 'https://news.example/2024/05/story?ref=home#comments';

function ld(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('metadata from JSON-LD', () => {
  it('reads an article node at the top level', () => {
    const m = readMetadata(
      page(
        ld({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Ferry service resumes',
          datePublished: '2024-05-02T08:00:00Z',
          author: { '@type': 'Person', name: 'Ines Valk' },
          publisher: { '@type': 'Organization', name: 'Harbour Times' },
          mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/ferry-service' },
          inLanguage: 'en-US',
        }),
        '',
        '',
      ),
      URL,
    );
    expect(m).toEqual({
      url: 'https://news.example/2024/05/story?ref=home',
      canonicalUrl: 'https://news.example/ferry-service',
      site: 'news.example',
      siteName: 'Harbour Times',
      title: 'Ferry service resumes',
      authors: ['Ines Valk'],
      published: '2024-05-02T08:00:00Z',
      lang: 'en-us',
    });
  });

  it('finds the article inside @graph and resolves @id references to its authors and publisher', () => {
    const m = readMetadata(fixture('hard-article.html'), URL);
    expect(m.authors).toEqual(['Maren Holt', 'Olu Danso']);
    expect(m.published).toBe('2024-05-14T21:30:00-05:00');
    expect(m.siteName).toBe('The Lakeside Ledger'); // og:site_name first
    const graphOnly = readMetadata(
      page(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'Organization', '@id': '#org', name: 'Valley Courier' },
            { '@type': 'Person', '@id': '#p1', name: 'Sam Okoro' },
            { '@type': ['ReportageNewsArticle'], headline: 'Mill closes', author: [{ '@id': '#p1' }], publisher: { '@id': '#org' } },
          ],
        }),
        '',
      ),
      URL,
    );
    expect(graphOnly.authors).toEqual(['Sam Okoro']);
    expect(graphOnly.siteName).toBe('Valley Courier');
    expect(graphOnly.title).toBe('Mill closes');
  });

  it('reads JSON-LD with raw line breaks inside strings, as many sites write it', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Line\none", "articleBody": "First\n\nSecond", "author": "Ana Lim"}</script>';
    const m = readMetadata(page(broken, ''), URL);
    expect(m.title).toBe('Line one');
    expect(m.authors).toEqual(['Ana Lim']);
  });

  it('skips JSON-LD that is not JSON and falls back to the meta tags', () => {
    const m = readMetadata(page('<script type="application/ld+json">{ not json </script><meta property="og:title" content="From Open Graph">', ''), URL);
    expect(m.title).toBe('From Open Graph');
  });
});

describe('metadata from Open Graph and meta tags', () => {
  const head = `
    <title>Library opens late | Town Crier</title>
    <meta property="og:title" content="Library opens late on Thursdays">
    <meta property="og:site_name" content="Town Crier">
    <meta property="og:url" content="/news/library-hours">
    <meta property="og:locale" content="en_GB">
    <meta property="article:published_time" content="2024-03-07T10:15:00+00:00">
    <meta name="author" content="By Lena Fischer and Raj Patel">`;

  it('reads title, site name, canonical URL (made absolute), date, authors and language', () => {
    const m = readMetadata(page(head, '', ''), 'https://crier.example/news/library-hours?utm_source=x');
    expect(m.title).toBe('Library opens late on Thursdays');
    expect(m.siteName).toBe('Town Crier');
    expect(m.canonicalUrl).toBe('https://crier.example/news/library-hours');
    expect(m.published).toBe('2024-03-07T10:15:00+00:00');
    expect(m.authors).toEqual(['Lena Fischer', 'Raj Patel']);
    expect(m.lang).toBe('en-gb');
  });

  it('prefers link rel=canonical, and ignores one that points at the home page from an article', () => {
    expect(readMetadata(page(head + '<link rel="canonical" href="https://crier.example/library">', ''), 'https://crier.example/x/y').canonicalUrl).toBe('https://crier.example/library');
    expect(readMetadata(page('<link rel="canonical" href="https://crier.example/">', ''), 'https://crier.example/news/a-story').canonicalUrl).toBe('https://crier.example/news/a-story');
    expect(readMetadata(page('<link rel="canonical" href="javascript:alert(1)">', ''), 'https://crier.example/news/b').canonicalUrl).toBe('https://crier.example/news/b');
  });

  it('reads other common author and date tags, and rel=author links', () => {
    const m = readMetadata(page('<meta name="byl" content="By Mia Chen"><meta name="parsely-pub-date" content="2024-01-31T12:00:00Z">', ''), URL);
    expect(m.authors).toEqual(['Mia Chen']);
    expect(m.published).toBe('2024-01-31T12:00:00Z');
    const links = readMetadata(page('', '<article><p class="byline">By <a rel="author" href="/a">Tom Berg</a></p><time datetime="2023-12-01">1 Dec</time></article>'), URL);
    expect(links.authors).toEqual(['Tom Berg']);
    expect(links.published).toBe('2023-12-01');
  });

  it('leaves out author values that are addresses, and falls back to the document title and the URL', () => {
    const m = readMetadata(page('<title>Plain page</title><meta property="article:author" content="https://facebook.com/someone">', '', ''), URL);
    expect(m.authors).toEqual([]);
    expect(m.title).toBe('Plain page');
    expect(m.siteName).toBeNull();
    expect(m.published).toBeNull();
    expect(m.lang).toBeNull();
    expect(readMetadata(page('', '', ''), URL).title).toBe('https://news.example/2024/05/story?ref=home');
  });

  it('reads the language from the html element first', () => {
    expect(readMetadata(page('<meta property="og:locale" content="fr_FR">', '', 'de-AT'), URL).lang).toBe('de-at');
    expect(readMetadata(page('<meta http-equiv="content-language" content="nl">', '', ''), URL).lang).toBe('nl');
  });
});

describe('helpers', () => {
  it('writes dates as ISO 8601 and refuses what is not a date', () => {
    expect(isoDate('2024-05-14T21:30:00-05:00')).toBe('2024-05-14T21:30:00-05:00');
    expect(isoDate('2024-05-14')).toBe('2024-05-14');
    expect(isoDate('20240514')).toBe('2024-05-14');
    expect(isoDate('Tue, 14 May 2024 21:30:00 GMT')).toBe('2024-05-14T21:30:00.000Z');
    expect(isoDate('yesterday')).toBeNull();
    expect(isoDate('2024-13-45')).toBeNull();
  });

  it('splits bylines into names', () => {
    expect(splitNames('By Jane Roe, John Doe and Kim Lee')).toEqual(['Jane Roe', 'John Doe', 'Kim Lee']);
    expect(splitNames('Ana Lim | Staff writer')).toEqual(['Ana Lim']);
  });
});
