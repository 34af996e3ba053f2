import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRange } from '../../../components/VirtualList';

describe('virtual list arithmetic', () => {
  it('renders only the rows in view plus a margin, at any length', () => {
    expect(visibleRange(0, 600, 84, 100_000)).toEqual([0, 14]);
    const [a, b] = visibleRange(84 * 50_000, 600, 84, 100_000);
    expect(a).toBe(49_994);
    expect(b - a).toBeLessThan(25);
    expect(visibleRange(84 * 99_999, 600, 84, 100_000)[1]).toBe(100_000);
    expect(visibleRange(0, 600, 84, 0)).toEqual([0, 0]);
    expect(visibleRange(0, 600, 84, 3)).toEqual([0, 3]);
  });
  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(5, 0, 600, 84)).toBe(0);
    expect(scrollToShow(10, 0, 600, 84)).toBe(10 * 84 + 84 - 600);
    expect(scrollToShow(2, 840, 600, 84)).toBe(168);
  });
});
