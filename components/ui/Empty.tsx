import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

/** An empty state that says what is missing and what to do about it. */
export function Empty({ icon, title, children, action }: { icon: IconName; title: string; children?: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="qm-empty" role="status">
      <span class="qm-empty__icon">
        <Icon name={icon} />
      </span>
      <p class="qm-empty__title">{title}</p>
      {children && <p class="qm-empty__text">{children}</p>}
      {action}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="qm-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ children }: { children: ComponentChildren }) {
  return (
    <p class="qm-error" role="alert">
      {children}
    </p>
  );
}
