/** The naming rules on their own: titles, parts of a name, when two names can be one person. */
import { describe, expect, it } from 'vitest';
import { globalKey, isArticleLocal, matchScore, nameWords, parsePerson, speakerSortKey } from '../../../lib/store/names';

const p = (n: string) => parsePerson(n)!;

describe('names', () => {
  it('drops titles in front, degrees behind, full stops, case and accents', () => {
    expect(nameWords('President Joe Biden')).toEqual(['joe', 'biden']);
    expect(nameWords('Sen. José  Álvarez, PhD')).toEqual(['jose', 'alvarez']);
    expect(nameWords('J.D. Vance')).toEqual(['jd', 'vance']);
    expect(nameWords("Conan O'Brien")).toEqual(['conan', 'obrien']);
    expect(globalKey('Dr. Ana Ruiz', 'person')).toBe(globalKey('ana ruiz', 'person'));
    // organisations keep their words, less a leading "the"
    expect(globalKey('the State Department', 'organization')).toBe('n:state department');
  });

  it('parses first name, middles, surname and suffix', () => {
    expect(p('Joseph R. Biden Jr.')).toEqual({ given: 'joseph', middles: ['r'], surname: 'biden', suffix: 'jr' });
    expect(p('Biden')).toEqual({ given: null, middles: [], surname: 'biden', suffix: null });
    expect(p('Martin Luther King III')).toEqual({ given: 'martin', middles: ['luther'], surname: 'king', suffix: 'iii' });
  });

  it('accepts name variants of one person', () => {
    expect(matchScore(p('Joseph R. Biden Jr.'), p('Joe Biden'))).toBeGreaterThan(0);
    expect(matchScore(p('J. Biden'), p('Joe Biden'))).toBeGreaterThan(0);
    expect(matchScore(p('John F. Kennedy'), p('John Kennedy'))).toBeGreaterThan(0);
    expect(matchScore(p('John Fitzgerald Kennedy'), p('John F. Kennedy'))).toBeGreaterThan(0);
    expect(matchScore(p('Bill Clinton'), p('William J. Clinton'))).toBeGreaterThan(0);
    expect(matchScore(p('Martin Luther King Jr.'), p('Martin Luther King'))).toBeGreaterThan(0);
  });

  it('never merges conflicting first names, middle initials or generations', () => {
    expect(matchScore(p('Bill Clinton'), p('Hillary Clinton'))).toBe(-1);
    expect(matchScore(p('Hillary Rodham Clinton'), p('Chelsea Clinton'))).toBe(-1);
    expect(matchScore(p('John F. Kennedy'), p('John Q. Kennedy'))).toBe(-1);
    expect(matchScore(p('Donald Trump Jr.'), p('Donald Trump Sr.'))).toBe(-1);
    expect(matchScore(p('Ana Ruiz'), p('Ana Ruiz-Soto'))).toBe(-1);
  });

  it('prefers the form with the same suffix when both exist', () => {
    const plain = p('Donald Trump');
    const junior = p('Donald Trump Jr.');
    expect(matchScore(p('Donald J. Trump'), plain)).toBeGreaterThan(matchScore(p('Donald J. Trump'), junior));
    expect(matchScore(p('Donald Trump Jr.'), junior)).toBeGreaterThan(matchScore(p('Donald Trump Jr.'), plain));
  });

  it('keeps documents and descriptors to their article', () => {
    expect(isArticleLocal('the letter', 'document')).toBe(true);
    expect(isArticleLocal('a spokesman', 'descriptor')).toBe(true);
    expect(isArticleLocal('officials', null)).toBe(true);
    expect(isArticleLocal('Reuters', 'organization')).toBe(false);
    expect(isArticleLocal('Ana Ruiz', null)).toBe(false);
  });

  it('sorts people by surname', () => {
    expect(speakerSortKey('Joe Biden', 'person')).toBe('biden joe');
    expect(speakerSortKey('the White House', 'organization')).toBe('white house');
    expect(speakerSortKey(null, null) > speakerSortKey('Zed Zulu', 'person')).toBe(true);
  });
});

describe('shown names', () => {
  it('drop titles in front of a person, keep everything else as written', async () => {
    const { displayName } = await import('../../../lib/store/names');
    expect(displayName('Councilmember Ravi Okafor', 'person')).toBe('Ravi Okafor');
    expect(displayName('Sen. José Álvarez', null)).toBe('José Álvarez');
    expect(displayName('King Charles', 'person')).toBe('King Charles');
    expect(displayName('President', 'person')).toBe('President');
    expect(displayName('the State Department', 'organization')).toBe('the State Department');
    expect(displayName('a spokesman', 'descriptor')).toBe('a spokesman');
  });
});
