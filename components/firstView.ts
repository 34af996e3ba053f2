import { useLayoutEffect } from 'preact/hooks';

let marked = false;

/**
 * Mark the moment the first view's content (not "Loading…") has been painted, for
 * `npm run bench:popup`: performance.getEntriesByName('qm-first-view') holds it, in ms since the
 * popup started loading. The content is in the DOM at the layout effect; the next animation
 * frame paints it; a task queued from that frame runs after the paint.
 */
export function useFirstView(ready: boolean): void {
  useLayoutEffect(() => {
    if (!ready || marked) return;
    marked = true;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => performance.mark('qm-first-view');
      ch.port2.postMessage(null);
    });
  }, [ready]);
}
