/** Quotemark's mark: a closing quotation mark on the accent colour. */
export function Logo() {
  return (
    <span class="qm-logo" aria-hidden="true">
      <svg viewBox="0 0 16 16" fill="currentColor" focusable="false">
        <path d="M3 3h4v4.2C7 10.6 5.6 12.6 3 13.4l-.6-1.3C4 11.4 4.8 10.2 4.9 8.6H3zm6 0h4v4.2c0 3.4-1.4 5.4-4 6.2l-.6-1.3c1.6-.7 2.4-1.9 2.5-3.5H9z" />
      </svg>
    </span>
  );
}
