import { useEffect, useRef, useState } from 'preact/hooks';
import { count } from './format';

export interface SpeakerOption {
  id: number;
  name: string;
  quoteCount: number;
}

export interface SpeakerChoice {
  /** An existing speaker, or undefined for a new name. */
  id?: number;
  name: string;
}

/**
 * Pick an existing speaker or type a new name: an ARIA 1.2 combobox with a listbox of matches
 * as you type. Up/Down move through matches, Enter picks, Escape closes the list.
 */
export function SpeakerPicker({ find, value, onChange, label = 'Speaker', id = 'qm-speaker-input', exclude, autoFocus }: { find: (prefix: string) => Promise<SpeakerOption[]>; value: SpeakerChoice; onChange: (c: SpeakerChoice) => void; label?: string; id?: string; exclude?: number; autoFocus?: boolean }) {
  const [options, setOptions] = useState<SpeakerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    const q = value.name.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    find(q).then((found) => {
      if (n !== seq.current) return;
      setOptions(found.filter((o) => o.id !== exclude).slice(0, 8));
      setActive(-1);
    });
  }, [value.name]);
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;
  function pick(o: SpeakerOption) {
    onChange({ id: o.id, name: o.name });
    setOpen(false);
  }
  return (
    <div class="qm-field qm-combo">
      <span id={`${id}-label`}>{label}</span>
      <input
        id={id}
        class="qm-input"
        role="combobox"
        aria-labelledby={`${id}-label`}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellcheck={false}
        autoFocus={autoFocus}
        placeholder="Type a name"
        value={value.name}
        onInput={(e) => {
          onChange({ name: (e.currentTarget as HTMLInputElement).value });
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(-1, a - 1));
          } else if (e.key === 'Enter' && expanded && active >= 0) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape' && expanded) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {value.id !== undefined ? <span class="qm-hint">An existing speaker</span> : value.name.trim() ? <span class="qm-hint">{options.length ? 'Pick a match, or keep this as a new name' : 'A new speaker'}</span> : null}
      <ul id={listId} class="qm-combo__list" role="listbox" aria-label="Matching speakers" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            class="qm-combo__opt"
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            <span>{o.name}</span>
            <small>{count(o.quoteCount, 'quote')}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
