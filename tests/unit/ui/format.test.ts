import { describe, expect, it } from 'vitest';
import { ago, count, day, displayQuote, list } from '../../../components/format';

const NOW = new Date(2026, 3, 15, 12, 0).getTime(); // Wednesday 15 April 2026, noon local

describe('natural counts, dates and lists', () => {
  it('counts', () => {
    expect(count(0, 'quote')).toBe('no quotes');
    expect(count(1, 'quote')).toBe('1 quote');
    expect(count(12345, 'quote')).toBe('12,345 quotes');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
  it('days relative to today', () => {
    expect(day(new Date(2026, 3, 15, 1).getTime(), NOW)).toBe('today');
    expect(day(new Date(2026, 3, 14, 23).getTime(), NOW)).toBe('yesterday');
    expect(day(new Date(2026, 3, 12).getTime(), NOW)).toBe('Sunday');
    expect(day(new Date(2026, 1, 2).getTime(), NOW)).toBe('2 Feb');
    expect(day(new Date(2024, 10, 30).getTime(), NOW)).toBe('30 Nov 2024');
  });
  it('how long ago', () => {
    expect(ago(NOW - 20_000, NOW)).toBe('just now');
    expect(ago(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(ago(NOW - 60 * 60_000, NOW)).toBe('1 hour ago');
    expect(ago(NOW - 30 * 3600_000, NOW)).toBe('yesterday');
  });
  it('lists', () => {
    expect(list([])).toBe('');
    expect(list(['a.com'])).toBe('a.com');
    expect(list(['a.com', 'b.com'])).toBe('a.com and b.com');
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
    // a speaker row keeps only its first sites: the total says how many more there are
    expect(list(['a', 'b', 'c'], 3, 12)).toBe('a, b, c and 9 more');
    expect(list(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 3, 40)).toBe('a, b, c and 37 more');
    expect(list(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
  it('shows a quote without the comma that led into the cue', () => {
    expect(displayQuote(' We will be ready, ')).toBe('We will be ready');
  });
});
