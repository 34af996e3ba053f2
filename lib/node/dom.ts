/**
 * A DOM for Node (CLI, evaluation, benchmarks): linkedom, small and fast. The page reader only
 * reads attributes and text nodes (never layout), so a DOM without layout reads pages as a browser
 * does; the DOM tests use happy-dom and the real-browser tests Chromium and Firefox.
 */
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
