// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { comparable, findTextRange } from '../../../lib/highlight/locate';

function para(html: string): HTMLElement {
  const p = document.createElement('p');
  p.innerHTML = html;
  document.body.append(p);
  return p;
}

describe('finding a quote on the page again', () => {
  it('across inline markup and uneven whitespace', () => {
    const p = para('“We will <em>not</em>\n   back down,” said <a href="#">Ana Ruiz</a>.');
    const r = findTextRange(p, 'We will not back down,');
    expect(r).not.toBeNull();
    expect(r!.toString()).toBe('We will not\n   back down,');
  });
  it('typographic quotes and dashes match plain ones', () => {
    const p = para('She said it was “the city’s best chance — and its last.”');
    expect(findTextRange(p, "the city's best chance - and its last.")!.toString()).toBe('the city’s best chance — and its last.');
    expect(comparable('A  “B” — c')).toBe('a "b" - c');
  });
  it('picks the occurrence at the quote’s offset when the text repeats', () => {
    const p = para('“Yes,” he said. Later: “Yes,” she said.');
    const second = findTextRange(p, 'Yes,', 24)!;
    expect(second.startOffset).toBeGreaterThan(20);
    expect(findTextRange(p, 'Yes,', 0)!.startOffset).toBe(1);
  });
  it('returns null when the text is not there; never changes the page', () => {
    const p = para('Nothing to see.');
    const before = p.innerHTML;
    expect(findTextRange(p, 'something else')).toBeNull();
    expect(findTextRange(p, '   ')).toBeNull();
    expect(p.innerHTML).toBe(before);
  });
});
