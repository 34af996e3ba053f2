/**
 * Quotemark's only UI on a web page: a layer in a closed shadow root, above the page and
 * transparent to the mouse, that underlines quotes, names the speaker when the pointer rests on
 * one, and marks a quote the popup asked to show. The page's own DOM is never changed: the layer
 * is one host element added to <html>, and everything inside it is built with textContent.
 */

export interface Mark {
  range: Range;
  /** Shown on hover: "Ravi Okafor · Councilmember". */
  label: string;
}

const STYLE = `
:host { all: initial; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.u { position: absolute; height: 2px; border-radius: 1px; background: #c2531f; opacity: .85; }
.u.hot { height: 3px; opacity: 1; }
.flash { position: absolute; border-radius: 3px; background: rgba(255, 196, 0, .38); box-shadow: 0 0 0 2px rgba(194, 83, 31, .75); animation: qmfade 4s ease-out forwards; }
@keyframes qmfade { 0%, 60% { opacity: 1; } 100% { opacity: 0; } }
.tip { position: absolute; max-width: 320px; padding: 4px 8px; border-radius: 6px; background: #1f1c19; color: #fff;
  font: 600 12.5px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); transform: translateY(-100%); margin-top: -6px; }

@media (prefers-color-scheme: dark) { .u { background: #f0905f; } .tip { background: #f3efe9; color: #1f1c19; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }
`;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export class Overlay {
  private host: HTMLElement;
  private layer: HTMLDivElement;
  private tip: HTMLDivElement;
  private marks: Mark[] = [];
  /** Per mark, its line boxes in layer coordinates. */
  private boxes: Box[][] = [];
  private bars: HTMLDivElement[][] = [];
  private hot = -1;
  private frame = 0;

  constructor(private doc: Document) {
    this.host = doc.createElement('quotemark-layer');
    this.host.setAttribute('style', 'all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important; pointer-events: none !important; display: block !important;');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.tip = doc.createElement('div');
    this.tip.className = 'tip';
    this.tip.hidden = true;
    root.append(style, this.layer);
    this.layer.append(this.tip);
    doc.documentElement.append(this.host);
  }

  /** Underline these quotes (replaces what was underlined). */
  setMarks(marks: Mark[]): void {
    this.marks = marks;
    this.layout();
  }

  /** Recompute positions after the page's layout changed (coalesced to one per frame). */
  relayout(): void {
    if (this.frame) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  private origin(): { x: number; y: number } {
    const r = this.host.getBoundingClientRect();
    return { x: r.left, y: r.top };
  }

  private boxesOf(range: Range): Box[] {
    const o = this.origin();
    const out: Box[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 1 || r.height < 1) continue;
      out.push({ left: r.left - o.x, top: r.top - o.y, width: r.width, height: r.height });
    }
    return out;
  }

  private layout(): void {
    for (const row of this.bars) for (const b of row) b.remove();
    this.bars = [];
    this.boxes = this.marks.map((m) => this.boxesOf(m.range));
    this.boxes.forEach((row, i) => {
      this.bars.push(
        row.map((b) => {
          const bar = this.doc.createElement('div');
          bar.className = i === this.hot ? 'u hot' : 'u';
          bar.style.cssText = `left:${b.left}px;top:${b.top + b.height - 1}px;width:${b.width}px`;
          this.layer.insertBefore(bar, this.tip);
          return bar;
        }),
      );
    });
  }

  /** The pointer moved to client point (x, y): show the speaker of the quote under it, if any. */
  pointerAt(x: number, y: number): void {
    const o = this.origin();
    const px = x - o.x;
    const py = y - o.y;
    let found = -1;
    let foundBox: Box | null = null;
    for (let i = 0; i < this.boxes.length && found < 0; i++) {
      for (const b of this.boxes[i]) {
        if (px >= b.left && px <= b.left + b.width && py >= b.top && py <= b.top + b.height + 2) {
          found = i;
          foundBox = b;
          break;
        }
      }
    }
    if (found === this.hot) return;
    if (this.hot >= 0) for (const bar of this.bars[this.hot] ?? []) bar.className = 'u';
    this.hot = found;
    if (found < 0 || !foundBox) {
      this.tip.hidden = true;
      return;
    }
    for (const bar of this.bars[found] ?? []) bar.className = 'u hot';
    const first = this.boxes[found][0];
    this.tip.textContent = this.marks[found].label;
    this.tip.style.left = `${Math.max(0, first.left)}px`;
    this.tip.style.top = `${first.top}px`;
    this.tip.hidden = false;
  }

  /** Mark one range for a few seconds (the popup's "show me this quote"). */
  flash(range: Range): void {
    for (const b of this.boxesOf(range)) {
      const el = this.doc.createElement('div');
      el.className = 'flash';
      el.style.cssText = `left:${b.left - 2}px;top:${b.top - 1}px;width:${b.width + 4}px;height:${b.height + 2}px`;
      el.addEventListener('animationend', () => el.remove());
      this.layer.insertBefore(el, this.tip);
      // without animations (reduced motion), remove it after the same time
      this.doc.defaultView?.setTimeout(() => el.remove(), 4500);
    }
  }

  get underlined(): number {
    return this.bars.length;
  }

  destroy(): void {
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.host.remove();
  }
}
