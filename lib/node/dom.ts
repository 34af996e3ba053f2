/** A DOM for Node (CLI, evaluation, benchmarks): linkedom, small and fast. */
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
