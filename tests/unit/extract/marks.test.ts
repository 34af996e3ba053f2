import { describe, expect, it } from 'vitest';
import { findMarkSpans } from '../../../lib/extract/marks';

const texts = (s: string) => findMarkSpans(s).map((m) => s.slice(m.start, m.end));

describe('findMarkSpans', () => {
  it('finds curly and straight double quotes', () => {
    expect(texts('“We won,” she said. "It was close," he added.')).toEqual(['We won,', 'It was close,']);
  });
  it('keeps a quote nested in another inside the outer one', () => {
    expect(texts('“He told me, ‘Go home,’ and I did,” she said.')).toEqual(['He told me, ‘Go home,’ and I did,']);
  });
  it('runs an unclosed quote to the end of the block', () => {
    const spans = findMarkSpans('She urged them to “stop the work now, according to the report.');
    expect(spans).toHaveLength(1);
    expect(spans[0].closed).toBe(false);
  });
  it('does not take apostrophes or inch marks for quotes', () => {
    expect(texts("The players' union said it wasn't ready for the '90s rules.")).toEqual([]);
    expect(texts('He is 6\'2" tall and the screen is 55" wide.')).toEqual([]);
  });
  it('finds single marks used as quotation marks in a heading', () => {
    expect(texts('‘Speak up’')).toEqual(['Speak up']);
    expect(texts("Minister says 'no deal' is off the table")).toEqual(['no deal']);
  });
  it('treats AP-style doubled single marks as double quotes', () => {
    expect(texts('‘‘We are ready,’’ the coach said.')).toEqual(['We are ready,']);
  });
});
