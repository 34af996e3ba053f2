import type { ComponentChildren } from 'preact';

/** An on/off setting: a button with role="switch", label and hint in one target. */
export function Switch({ checked, onChange, label, hint, id }: { checked: boolean; onChange: (v: boolean) => void; label: string; hint?: ComponentChildren; id?: string }) {
  return (
    <button type="button" role="switch" id={id} class="qm-switch" aria-checked={checked} onClick={() => onChange(!checked)}>
      <span class="qm-switch__text">
        <span class="qm-switch__label">{label}</span>
        {hint && <span class="qm-hint">{hint}</span>}
      </span>
      <span class="qm-switch__track" aria-hidden="true" />
    </button>
  );
}
