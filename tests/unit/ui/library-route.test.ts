import { describe, expect, it } from 'vitest';
import { dayStart, NO_FILTERS, parseRoute, routeHash, toQuery } from '../../../components/library/route';
import { searchMarks } from '../../../components/data';

describe('library address', () => {
  it('round-trips sections and filters through the hash', () => {
    const f = { speakerId: 12, speakerName: 'Ana Ruiz', site: 'news.example', from: '2026-01-01', to: '2026-01-31', sort: 'oldest' as const, once: false };
    expect(parseRoute(routeHash('quotes', f))).toEqual({ section: 'quotes', filters: f });
    expect(parseRoute('#data')).toEqual({ section: 'data', filters: NO_FILTERS });
    expect(parseRoute('')).toEqual({ section: 'quotes', filters: NO_FILTERS });
    expect(routeHash('quotes')).toBe('#quotes');
  });
  it('ignores what it does not understand', () => {
    expect(parseRoute('#quotes?speaker=abc&from=yesterday&sort=random&to=2026-02-30x').filters).toEqual(NO_FILTERS);
    expect(parseRoute('#elsewhere').section).toBe('quotes');
  });
  it('the "to" day is included', () => {
    const q = toQuery({ ...NO_FILTERS, from: '2026-04-03', to: '2026-04-03' });
    expect(q.from).toBe(dayStart('2026-04-03'));
    expect(q.to).toBe(dayStart('2026-04-03') + 86_400_000);
    expect(q.collapseGroups).toBe(true);
  });
});

describe('search marks', () => {
  it('marks the words that start with a query term, accents and case aside', () => {
    const text = 'Inflation in Zürich is not the issue, said the économiste.';
    expect(searchMarks(text, 'infla zur econ').map(([s, e]) => text.slice(s, e))).toEqual(['Inflation', 'Zürich', 'économiste']);
    expect(searchMarks(text, '')).toEqual([]);
  });
});
