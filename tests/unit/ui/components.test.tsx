// @vitest-environment happy-dom
/**
 * The popup's components rendered with Preact in happy-dom, on a fake-indexeddb store filled
 * through the real saving path: what a person sees, and that page text never becomes markup.
 */
// Dexie's liveQuery runs only where a global indexedDB exists (it checks at load): give it one first
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageView } from '../../../components/PageView';
import { QuoteItem } from '../../../components/QuoteItem';
import { SpeakerPicker, type SpeakerChoice } from '../../../components/SpeakerPicker';
import { ToastHost } from '../../../components/ui/Toast';
import { VirtualList } from '../../../components/VirtualList';
import { parseSettings } from '../../../lib/settings';
import { savePage } from '../../../lib/store/save';
import { freshDb, page, q } from '../store/fixtures';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
const base = { kind: 'direct', speakerId: 3, speakerName: 'Ana Ruiz', site: 'news.example', date: Date.UTC(2026, 3, 2) };

describe('QuoteItem', () => {
  it('renders text from pages as text, never as HTML', () => {
    render(<QuoteItem quote={{ ...base, text: HOSTILE, speakerName: HOSTILE, url: 'https://news.example/a' }} showSpeaker showSource />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.qm-text')!.textContent).toBe(HOSTILE);
    expect(root.querySelector('.qm-speaker')!.textContent).toBe(HOSTILE);
  });

  it('links only http(s) sources, opening the article at the quote', () => {
    render(<QuoteItem quote={{ ...base, text: 'We will rebuild the pier before winter comes to the bay,', url: 'https://news.example/a#top' }} showSource />, root);
    const a = root.querySelector('a.qm-source')!;
    expect(a.getAttribute('href')).toBe('https://news.example/a#:~:text=We%20will%20rebuild%20the,comes%20to%20the%20bay%2C');
    expect(a.getAttribute('rel')).toContain('noopener');
    render(<QuoteItem quote={{ ...base, text: 'x', url: 'javascript:alert(1)' }} showSource />, root);
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('.qm-source')!.textContent).toBe('news.example');
  });

  it('marks search matches inside the text', () => {
    render(<QuoteItem quote={{ ...base, text: 'Inflation is falling', url: 'https://news.example/a' }} marks={[[0, 9]]} />, root);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Inflation']);
    expect(root.querySelector('.qm-text')!.textContent).toBe('Inflation is falling');
  });
});

describe('PageView', () => {
  it('groups this page’s quotes by speaker with the role the article gave them', async () => {
    const db = freshDb();
    const url = 'https://news.example/story';
    await savePage(
      db,
      page(url, [
        q('We will not raise fares this year.', 'Ana Ruiz', { role: 'transit director', block: 1 }),
        q('The budget is balanced on paper only.', 'Li Wei', { block: 2 }),
        q(`Riders deserve better ${HOSTILE}.`, 'Ana Ruiz', { block: 3 }),
      ]),
      1,
    );
    const actions = { onOpenSpeaker: () => {} };
    render(
      <ToastHost>
        <PageView db={db} target={{ url, tabId: null, status: null }} settings={parseSettings(null)} update={async (c) => c(parseSettings(null))} actions={actions} />
      </ToastHost>,
      root,
    );
    await expect.poll(() => root.querySelectorAll('.qm-group').length, { timeout: 5000 }).toBe(2);
    const groups = [...root.querySelectorAll('.qm-group')].map((g) => ({
      speaker: g.querySelector('.qm-speaker')!.textContent,
      role: g.querySelector('.qm-role')?.textContent ?? null,
      quotes: g.querySelectorAll('.qm-quote').length,
    }));
    expect(groups).toEqual([
      { speaker: 'Ana Ruiz', role: 'transit director', quotes: 2 },
      { speaker: 'Li Wei', role: null, quotes: 1 },
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.qm-context__meta')!.textContent).toContain('3 quotes from 2 speakers');
  });

  it('says what to do when the page has nothing collected', async () => {
    const db = freshDb();
    render(
      <ToastHost>
        <PageView db={db} target={{ url: 'https://news.example/none', tabId: null, status: null }} settings={parseSettings(null)} update={async (c) => c(parseSettings(null))} actions={{ onOpenSpeaker: () => {} }} />
      </ToastHost>,
      root,
    );
    await expect.poll(() => root.querySelector('.qm-empty')?.textContent ?? '', { timeout: 5000 }).toContain('No quotes collected on this page');
  });
});

describe('SpeakerPicker', () => {
  it('lists matches as you type; arrow keys and Enter pick one; a new name stays a new name', async () => {
    let value: SpeakerChoice = { name: '' };
    const find = async (prefix: string) => [
      { id: 1, name: 'Helen Brandt', quoteCount: 3 },
      { id: 2, name: 'Helena Cruz', quoteCount: 1 },
    ].filter((o) => o.name.toLowerCase().startsWith(prefix.toLowerCase()));
    const draw = () => render(<SpeakerPicker find={find} value={value} onChange={(c) => ((value = c), draw())} />, root);
    draw();
    const input = root.querySelector<HTMLInputElement>('[role=combobox]')!;
    input.value = 'Hel';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await expect.poll(() => root.querySelectorAll('[role=option]').length).toBe(2);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toMatch(/-1$/);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(value).toEqual({ id: 2, name: 'Helena Cruz' });
    input.value = 'Zoe Park';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(value).toEqual({ name: 'Zoe Park' });
  });
});

describe('VirtualList', () => {
  it('renders only the rows in view of 100,000, and moves with the keyboard', async () => {
    let active = 0;
    function List() {
      const [a, setA] = useState(0);
      active = a;
      return <VirtualList count={100_000} rowHeight={84} label="Quotes" active={a} onActive={setA} renderRow={(i) => <span>row {i}</span>} />;
    }
    render(<List />, root);
    const rows = root.querySelectorAll('.qm-vrow');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0].getAttribute('aria-setsize')).toBe('100000');
    const spacer = root.querySelector<HTMLElement>('.qm-vlist__spacer')!;
    expect(spacer.style.height).toBe(`${100_000 * 84}px`);
    const first = root.querySelector<HTMLButtonElement>('[data-index="0"] .qm-vrow__btn')!;
    expect(first.tabIndex).toBe(0);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await expect.poll(() => active).toBe(1);
    await expect.poll(() => root.querySelector('[data-index="1"] .qm-vrow__btn')?.getAttribute('aria-current')).toBe('true');
    // roving focus: only the active row is in the tab order
    expect([...root.querySelectorAll('.qm-vrow__btn')].filter((b) => (b as HTMLButtonElement).tabIndex === 0).map((b) => b.closest('.qm-vrow')!.getAttribute('data-index'))).toEqual(['1']);
  });
});
