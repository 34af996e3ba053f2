import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: ComponentChildren;
  /** Accessible name when the label is not plain text. */
  name?: string;
}

/**
 * A tablist with roving focus: Tab enters at the selected tab, Left/Right (and Home/End) move
 * and select, as the ARIA tabs pattern describes. Panels are labelled by `tab-<id>`.
 */
export function Tabs<T extends string>({ tabs, selected, onSelect, label, idPrefix = 'qm' }: { tabs: TabDef<T>[]; selected: T | null; onSelect: (id: T) => void; label: string; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  function move(e: KeyboardEvent) {
    const i = tabs.findIndex((t) => t.id === selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    ref.current?.querySelectorAll<HTMLButtonElement>('[role=tab]')[next]?.focus();
  }
  return (
    <div class="qm-tabs" role="tablist" aria-label={label} ref={ref} onKeyDown={move}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          class="qm-tab"
          id={`${idPrefix}-tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${idPrefix}-panel`}
          aria-label={t.name}
          tabIndex={t.id === selected || (selected === null && t === tabs[0]) ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
