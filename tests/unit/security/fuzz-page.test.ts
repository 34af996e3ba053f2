// @vitest-environment happy-dom
/**
 * Bad input for the page reader: random and malformed documents (happy-dom and linkedom), markup
 * nested 10,000 deep, 100,000 quote marks, a 5 MB article. Nothing may throw, what is sent fits the
 * background's limits, and time grows in proportion to the input (ratio between a size and ten
 * times it, wide slack for a shared machine).
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/messaging';
import { readForCapture } from '../../../lib/page/read-for-capture';
import { readPage } from '../../../lib/page/read';
import { articleHtml, bigArticleHtml } from '../../../scripts/support/articles';
import { growth, NASTY } from './fuzz-support';

/** Random markup: tags opened and not closed, closed and not opened, attributes, entities, comments, and text from NASTY. */
const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<q>', '</q>', '<blockquote>', '</blockquote>', '<span class="caption">', '</span>', '<a href="javascript:alert(1)">', '</a>', '<br>', '<h2>', '</h2>', '<ul><li>', '</li></ul>', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>', '<style>', '</style>', '<template>', '</template>', '<svg><text>', '</text></svg>', '<math>', '</math>', '&amp;', '&quot;', '&#0;', '&#xD800;', '&ldquo;', '<table><tr><td>', '</td></tr></table>', '<p hidden>', '<div aria-hidden="true">', '<nav>', '</nav>', '<aside>', '<form><input type="email">', '</form>', '<h1>'),
      fc.constantFrom(...NASTY),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 150 },
  )
  .map((parts) => parts.join(''));

const HEAD = '<meta property="og:type" content="article"><title>A story</title>';

describe('the page reader on random and malformed documents', { timeout: 120_000 }, () => {
  it('never throws on random markup (happy-dom), and what it sends fits the limits', () => {
    fc.assert(
      fc.property(markup, fc.boolean(), (body, og) => {
        const html = `<!doctype html><html lang="en"><head>${og ? HEAD : ''}</head><body><article>${body}</article></body></html>`;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const out = readForCapture(doc, 'https://example.com/story');
        if (out) {
          expect(out.read.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerPage);
          for (const b of out.read.blocks) expect(typeof b.text).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random markup (linkedom)', () => {
    fc.assert(
      fc.property(markup, (body) => {
        const { document } = parseHTML(`<!doctype html><html lang="en"><head>${HEAD}</head><body><main>${body}${articleHtml(1).split('<body>')[1]}</main></body></html>`);
        readPage(document as unknown as Document, 'https://example.com/story');
      }),
      { numRuns: 200 },
    );
  });

  it('an article 10,000 elements deep (built by script; a parser flattens at 512): no exception, no stack overflow, read in linear time', () => {
    const nest = (depth: number): Document => {
      // linkedom: happy-dom's own querySelectorAll recurses and overflows the stack on such a tree
      const doc = parseHTML(articleHtml(4, { paragraphs: 20 })).document as unknown as Document;
      let at: Element = doc.querySelector('article')!;
      for (let i = 0; i < depth; i++) {
        const next = doc.createElement(i % 3 === 0 ? 'span' : i % 3 === 1 ? 'div' : 'q');
        if (i % 100 === 0) next.append(`“Level ${i} speaks,” said Jane Doe. `);
        at.append(next);
        at = next;
      }
      at.append(doc.createElement('p'));
      at.lastElementChild!.textContent = '“The bottom of the page,” said Jane Doe.';
      return doc;
    };
    const deep = nest(10_000);
    const out = readForCapture(deep, 'https://gazette.example/deep');
    expect(out).not.toBeNull();
    expect(out!.read.blocks.some((b) => b.text.includes('story 4'))).toBe(true);
    const ratio = growth((n) => {
      const doc = nest(n);
      return () => readForCapture(doc, 'https://gazette.example/deep');
    }, 1_000);
    expect(ratio, 'time(10,000 deep)/time(1,000 deep)').toBeLessThan(30);
  });

  it('10,000 nested <blockquote><q> from markup: no exception, the article still read', () => {
    const html = articleHtml(5, { extra: '<blockquote><q>'.repeat(10_000) + 'deep words' });
    // linkedom keeps all 20,000 levels (a browser flattens them at 512; happy-dom's own selector engine overflows)
    const { document } = parseHTML(html);
    const out = readForCapture(document as unknown as Document, 'https://gazette.example/nested-q');
    expect(out).not.toBeNull();
    expect(out!.read.blocks.some((b) => b.text.includes('story 5'))).toBe(true);
  });

  it('a paragraph of 100,000 quote marks and a 5 MB article: no exception, time linear in size', () => {
    const marks = articleHtml(6, { extra: `<p>${'“'.repeat(50_000)}${'"'.repeat(50_000)}</p>` });
    expect(readForCapture(new DOMParser().parseFromString(marks, 'text/html'), 'https://gazette.example/marks')).not.toBeNull();
    const big = new DOMParser().parseFromString(bigArticleHtml(5_000_000), 'text/html');
    const t0 = performance.now();
    const out = readForCapture(big, 'https://gazette.example/big');
    console.log(`page reader (happy-dom) on a 5 MB article: ${(performance.now() - t0).toFixed(0)} ms, ${out?.read.blocks.length} blocks`);
    expect(out).not.toBeNull();
    // below the reader's cap (400k characters), reading grows in proportion to the article
    const ratio = growth((n) => {
      const doc = new DOMParser().parseFromString(articleHtml(0, { paragraphs: n }), 'text/html');
      return () => readForCapture(doc, 'https://gazette.example/sized');
    }, 200);
    expect(ratio, 'time(2,000 paragraphs)/time(200 paragraphs)').toBeLessThan(30);
  });
});
