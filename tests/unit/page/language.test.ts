// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ENGINE_MARKS, LANGUAGE_MARKS, languageVerdict, marksOf } from '../../../lib/page/language';
import { readPage } from '../../../lib/page/read';
import { extractQuotes } from '../../../lib/extract';
import { page, paragraphs } from './fixtures';

const OG = '<meta property="og:type" content="article">';

describe('languages', () => {
  it('reads English and pages that do not say their language', () => {
    expect(languageVerdict('en')).toEqual({ read: true });
    expect(languageVerdict('en-gb')).toEqual({ read: true });
    expect(languageVerdict(null)).toEqual({ read: true });
  });

  it('reads a language whose quotation marks the engine finds, and skips one whose marks it does not', () => {
    expect(languageVerdict('fr')).toEqual({ read: true }); // « »
    expect(languageVerdict('de-AT')).toEqual({ read: true }); // „ “
    expect(languageVerdict('ja')).toMatchObject({ read: false }); // 「」
    expect(languageVerdict('zh-TW')).toMatchObject({ read: false });
    expect(languageVerdict('ar')).toMatchObject({ read: false, reason: expect.stringContaining('right-to-left') });
    expect(languageVerdict('xx')).toMatchObject({ read: false, reason: expect.stringContaining('not known') });
  });

  it('uses the most specific entry for a tag', () => {
    expect(marksOf('de-CH')).toBe('«»');
    expect(marksOf('de-DE')).toBe('„“');
    expect(marksOf('pt-BR')).toBe('“”');
  });

  it('claims support only for marks the engine really finds', () => {
    for (const [lang, marks] of Object.entries(LANGUAGE_MARKS)) {
      if (![...marks].every((m) => ENGINE_MARKS.has(m))) continue;
      const [open, close] = [...marks];
      const quotes = extractQuotes([{ text: `${open}The harbour will stay open all winter,${close} said Lena Fischer, the harbour master.`, kind: 'paragraph' }]).quotes;
      expect(quotes.map((q) => q.quote), `${lang} ${marks}`).toContain('The harbour will stay open all winter,');
    }
  });

  it('skips a page in a language it does not read before reading its body, and says why', () => {
    const r = readPage(page(OG, `<article>${paragraphs(5)}</article>`, 'ja'), 'https://example.jp/a');
    expect(r).toMatchObject({ skipped: 'language' });
    const fr = readPage(page(OG, `<article>${paragraphs(5)}</article>`, 'fr'), 'https://example.fr/a');
    expect('page' in fr).toBe(true);
  });
});
