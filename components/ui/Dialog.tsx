import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it and
 * focus returns to what opened it. Render it only while open.
 */
export function Dialog({ title, onClose, children, describedBy }: { title: string; onClose: () => void; children: ComponentChildren; describedBy?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (el && !el.open) el.showModal();
    return () => {
      if (el?.open) el.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="qm-dialog"
      aria-labelledby="qm-dialog-title"
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // a click on the backdrop
      }}
    >
      <div class="qm-dialog__body">
        <h2 id="qm-dialog-title">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

/**
 * The end of a dialog's form: its error, if any, then Cancel and the submit button (`extra`
 * buttons go first, on the left).
 */
export function FormActions({ error, onCancel, submit, disabled = false, extra }: { error: string | null; onCancel: () => void; submit: string; disabled?: boolean; extra?: ComponentChildren }) {
  return (
    <>
      {error && (
        <p class="qm-error" role="alert">
          {error}
        </p>
      )}
      <div class="qm-dialog__actions">
        {extra}
        <button type="button" class="qm-btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="qm-btn qm-btn--primary" disabled={disabled}>
          {submit}
        </button>
      </div>
    </>
  );
}

/** "Are you sure?" for what cannot be undone: the safe choice has the focus. */
export function Confirm({ title, children, confirm, onConfirm, onClose, danger = true }: { title: string; children: ComponentChildren; confirm: string; onConfirm: () => void; onClose: () => void; danger?: boolean }) {
  return (
    <Dialog title={title} onClose={onClose} describedBy="qm-confirm-text">
      <div id="qm-confirm-text">{children}</div>
      <div class="qm-dialog__actions">
        <button type="button" class="qm-btn" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" class={`qm-btn ${danger ? 'qm-btn--danger qm-btn--solid' : 'qm-btn--primary'}`} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
