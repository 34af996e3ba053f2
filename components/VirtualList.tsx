import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The rows to render for a scroll position: only those visible, plus `overscan` on each side. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 6): [number, number] {
  if (count <= 0 || rowHeight <= 0) return [0, 0];
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + Math.max(viewport, rowHeight)) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/** The scrollTop that brings row `i` into view with as little movement as possible. */
export function scrollToShow(i: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = i * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  label: string;
  /** The row with focus/selection (roving tabindex: the only row in the tab order). */
  active: number;
  onActive: (i: number) => void;
  /** Render row `i`'s focusable button content; the list supplies the button. */
  renderRow: (i: number) => ComponentChildren;
  /** Enter on row `i` (a click selects it). */
  onOpen?: (i: number) => void;
  /** Called with the rendered range, so the caller can load those rows. */
  onRange?: (first: number, last: number) => void;
  rowLabel?: (i: number) => string | undefined;
  /** Changes when the list is a different one (new filters): scroll back to the top. */
  resetKey?: string;
}

/**
 * A list that renders only the rows in view (fixed row height), for 100,000 quotes as for ten.
 * Keyboard: Up/Down, Page Up/Down, Home/End move; Enter opens. Rows carry aria-setsize and
 * aria-posinset so assistive technology knows the full length.
 */
export function VirtualList({ count, rowHeight, label, active, onActive, renderRow, onOpen, onRange, rowLabel, resetKey }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const focusNext = useRef<number | null>(null);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 600);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const [first, last] = visibleRange(scrollTop, viewport, rowHeight, count);
  useEffect(() => {
    onRange?.(first, last);
  }, [first, last, count]);

  // whether focus is in the list: a re-render that replaces the focused row must not drop it to <body>
  const hasFocus = useRef(false);
  useEffect(() => {
    let i = focusNext.current;
    focusNext.current = null;
    const lost = hasFocus.current && (!document.activeElement || document.activeElement === document.body);
    if (i === null && lost) i = active;
    if (i === null) return;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${i}"] .qm-vrow__btn`)?.focus({ preventScroll: true });
  });

  // a new list (another query) starts at the top; more rows of the same list keep the place
  useEffect(() => {
    const el = scroller.current;
    if (el) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [resetKey]);

  function go(i: number) {
    const el = scroller.current;
    if (!el || count === 0) return;
    const next = Math.max(0, Math.min(count - 1, i));
    const top = scrollToShow(next, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== el.scrollTop) {
      el.scrollTop = top;
      // the browser may clamp it (a list that grew this very frame): keep what it took
      setScrollTop(el.scrollTop);
    }
    focusNext.current = next;
    onActive(next);
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const keys: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: count - 1 };
    if (e.key in keys) {
      e.preventDefault();
      go(keys[e.key]);
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(active);
    }
  }

  // the rows in view, and the active row wherever it is: the row with focus is never unmounted
  // (in index order: moving a focused element in the DOM would take its focus away)
  const indexes: number[] = [];
  const extra = count > 0 && active >= 0 && active < count && (active < first || active >= last);
  if (extra && active < first) indexes.push(active);
  for (let i = first; i < last; i++) indexes.push(i);
  if (extra && active >= last) indexes.push(active);
  const rows = [];
  for (const i of indexes) {
    rows.push(
      <li key={i} class="qm-vrow" data-index={i} aria-setsize={count} aria-posinset={i + 1} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}>
        <button
          type="button"
          class="qm-vrow__btn"
          tabIndex={i === active ? 0 : -1}
          aria-current={i === active ? 'true' : undefined}
          aria-label={rowLabel?.(i)}
          onClick={() => onActive(i)}
          onFocus={() => i !== active && onActive(i)}
        >
          {renderRow(i)}
        </button>
      </li>,
    );
  }
  return (
    <div
      class="qm-vlist"
      ref={scroller}
      onScroll={(e) => {
        const top = (e.currentTarget as HTMLDivElement).scrollTop;
        cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => setScrollTop(top));
      }}
      onKeyDown={onKeyDown}
      onFocusIn={() => (hasFocus.current = true)}
      onFocusOut={(e) => {
        // focus left the list, unless the focused row was only removed by a re-render
        const to = (e as FocusEvent).relatedTarget as Node | null;
        const from = e.target as Node;
        if (to) hasFocus.current = !!scroller.current?.contains(to);
        else queueMicrotask(() => (hasFocus.current = !from.isConnected));
      }}
    >
      <ul class="qm-vlist__spacer" aria-label={label} style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}
