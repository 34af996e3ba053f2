/**
 * Finding a quote's text in a page element again, as a DOM Range, whatever the markup in between
 * (links, emphasis, line breaks): whitespace runs compare equal, typographic quotes and dashes
 * compare equal to their plain forms. Pure DOM reads; nothing in the page is changed.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** One character of comparable text, or null for whitespace. */
function fold(ch: string): string | null {
  if (/\s/.test(ch)) return null;
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201A':
    case '\u201B':
    case '\u2032':
      return "'";
    case '\u201C':
    case '\u201D':
    case '\u201E':
    case '\u201F':
    case '\u2033':
    case '\u00AB':
    case '\u00BB':
      return '"';
    case '\u2013':
    case '\u2014':
      return '-';
    case '\u00AD':
      return ''; // soft hyphen: invisible
    default:
      return ch.toLowerCase();
  }
}

/** Comparable text: folded characters, whitespace runs as one space, trimmed. */
export function comparable(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    const f = fold(ch);
    if (f === null) space = out.length > 0;
    else if (f) {
      if (space) out += ' ';
      space = false;
      out += f;
    }
  }
  return out;
}

interface TextIndex {
  text: string;
  /** For each character of `text`, the text node and offset it came from. */
  nodes: Text[];
  offsets: number[];
}

function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const idx: TextIndex = { text: '', nodes: [], offsets: [] };
  let space = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (SKIP.has(n.parentElement?.tagName.toUpperCase() ?? '')) continue;
    const data = n.data;
    for (let i = 0; i < data.length; i++) {
      const f = fold(data[i]);
      if (f === null) {
        space = idx.text.length > 0;
        continue;
      }
      if (!f) continue;
      if (space) {
        idx.text += ' ';
        idx.nodes.push(n);
        idx.offsets.push(i);
        space = false;
      }
      idx.text += f;
      idx.nodes.push(n);
      idx.offsets.push(i);
    }
  }
  return idx;
}

/**
 * The Range of `quote` inside `root`, or null. With several occurrences, the one nearest to
 * `fromChar` (a character offset in the root's text, e.g. the quote's start in its block).
 */
export function findTextRange(root: Node, quote: string, fromChar = 0): Range | null {
  const needle = comparable(quote);
  if (!needle) return null;
  const idx = indexText(root);
  let at = -1;
  for (let i = idx.text.indexOf(needle); i >= 0; i = idx.text.indexOf(needle, i + 1)) {
    if (at < 0 || Math.abs(i - fromChar) < Math.abs(at - fromChar)) at = i;
    if (i > fromChar) break;
  }
  if (at < 0) return null;
  const end = at + needle.length - 1;
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.setStart(idx.nodes[at], idx.offsets[at]);
  range.setEnd(idx.nodes[end], idx.offsets[end] + 1);
  return range;
}
