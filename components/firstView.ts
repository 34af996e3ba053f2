import { useEffect } from 'preact/hooks';

let marked = false;

/**
 * Mark the moment the first view shows its content (not "Loading…"), for `npm run bench:popup`:
 * performance.getEntriesByName('qm-first-view') holds it, in ms since the page started loading.
 */
export function useFirstView(ready: boolean): void {
  useEffect(() => {
    if (!ready || marked) return;
    marked = true;
    // after the browser painted this frame
    requestAnimationFrame(() => setTimeout(() => performance.mark('qm-first-view'), 0));
  }, [ready]);
}
