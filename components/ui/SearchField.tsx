import type { Ref } from 'preact';
import { Icon } from './Icon';

/** A search box: type="search", labelled, Escape clears it (then the key goes on if it was empty). */
export function SearchField({ value, onInput, label, placeholder, inputRef, autoFocus, id }: { value: string; onInput: (v: string) => void; label: string; placeholder?: string; inputRef?: Ref<HTMLInputElement>; autoFocus?: boolean; id?: string }) {
  return (
    <div class="qm-search" role="search">
      <Icon name="search" />
      <input
        ref={inputRef}
        id={id}
        class="qm-input"
        type="search"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        autoFocus={autoFocus}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            e.stopPropagation();
            onInput('');
          }
        }}
      />
    </div>
  );
}
