/**
 * Every figure `npm run bench` reports, in the order of its table and JSON, with its unit, the part
 * of the bench that measures it, and its budget where it has one. The one place budgets live.
 *
 * Budgets come from the issues: "One benchmark that shows where we stand against peers and limits"
 * (the bench's own), and the store's issue (figures with 100,000 quotes stored).
 */

/** The parts of `npm run bench`, each run on its own (see scripts/bench.ts). */
export type Piece = 'engine' | 'page' | 'sizes' | 'store' | 'popup';

export interface Budget {
  /** The figure must be at most (`<=`) or at least (`>=`) `value`. */
  op: '<=' | '>=';
  value: number;
  /** Where the budget comes from. */
  from: string;
}

export interface Figure {
  key: string;
  piece: Piece;
  /** ms unless said. */
  unit: 'ms' | 'KB' | 'MB' | '×' | 'ratio';
  what: string;
  budget?: Budget;
  /** One of the keys the bench issue asks for (the final JSON line holds exactly these). */
  issue?: true;
}

const BENCH_ISSUE = 'bench issue';
const STORE_ISSUE = 'store issue';

export const FIGURES: readonly Figure[] = [
  { key: 'engine_ms_per_article_median', issue: true, piece: 'engine', unit: 'ms', what: 'engine in Node, per article (median)', budget: { op: '<=', value: 1, from: BENCH_ISSUE } },
  { key: 'engine_ms_per_article_p95', issue: true, piece: 'engine', unit: 'ms', what: 'engine in Node, per article (95th percentile)' },
  { key: 'peer_compromise_ms_per_article_median', issue: true, piece: 'engine', unit: 'ms', what: "compromise's .quotations(), same articles (median)" },
  { key: 'speedup_vs_compromise', issue: true, piece: 'engine', unit: '×', what: 'compromise median / engine median', budget: { op: '>=', value: 30, from: BENCH_ISSUE } },
  { key: 'engine_scaling_10x', issue: true, piece: 'engine', unit: 'ratio', what: 'time on a 10× longer article / (10 × time on the original)', budget: { op: '<=', value: 1.3, from: BENCH_ISSUE } },
  { key: 'page_pass_ms_median', issue: true, piece: 'page', unit: 'ms', what: 'content-script pass on the real pages (median of the pages’ medians)' },
  { key: 'page_pass_ms_max', issue: true, piece: 'page', unit: 'ms', what: 'content-script pass on the real pages (slowest page’s median)', budget: { op: '<=', value: 15, from: BENCH_ISSUE } },
  { key: 'non_article_pass_ms_median', issue: true, piece: 'page', unit: 'ms', what: 'content-script pass on pages that are not articles', budget: { op: '<=', value: 1, from: BENCH_ISSUE } },
  { key: 'background_extract_ms_longest_page', piece: 'page', unit: 'ms', what: 'engine in the service worker on the longest page’s blocks' },
  { key: 'background_extract_ms_max', piece: 'page', unit: 'ms', what: 'engine in the service worker, slowest real page' },
  { key: 'background_page_read_ms_longest_page', piece: 'page', unit: 'ms', what: 'background’s whole handling of the longest page (settings, engine, save)' },
  { key: 'content_script_main_thread_ms_longest_page', piece: 'page', unit: 'ms', what: 'all main-thread script time the extension adds to the longest page' },
  { key: 'content_script_heap_kb', issue: true, piece: 'page', unit: 'KB', what: 'V8 heap kept after the pass on the longest page (vs no extension)' },
  { key: 'content_script_heap_own_kb', piece: 'page', unit: 'KB', what: 'the same, above an empty content script’s' },
  { key: 'content_script_kb_gzip', issue: true, piece: 'sizes', unit: 'KB', what: 'content script bundle, gzip', budget: { op: '<=', value: 40, from: BENCH_ISSUE } },
  { key: 'background_kb_gzip', issue: true, piece: 'sizes', unit: 'KB', what: 'background service worker bundle, gzip' },
  { key: 'popup_kb_gzip', issue: true, piece: 'sizes', unit: 'KB', what: 'popup first view: entry chunk, its static imports and CSS, gzip' },
  { key: 'save_page_ms', issue: true, piece: 'store', unit: 'ms', what: 'save a new page of 30 quotes (100,000 stored)', budget: { op: '<=', value: 20, from: STORE_ISSUE } },
  { key: 'speakers_first_page_ms', issue: true, piece: 'store', unit: 'ms', what: 'first page of the speakers list', budget: { op: '<=', value: 50, from: STORE_ISSUE } },
  { key: 'speaker_quotes_ms', issue: true, piece: 'store', unit: 'ms', what: 'one speaker’s latest 50 quotes', budget: { op: '<=', value: 50, from: STORE_ISSUE } },
  { key: 'search_ms', issue: true, piece: 'store', unit: 'ms', what: 'search a word, first 50 results', budget: { op: '<=', value: 100, from: STORE_ISSUE } },
  { key: 'db_size_mb', piece: 'store', unit: 'MB', what: 'database on disk' },
  { key: 'popup_first_view_ms', issue: true, piece: 'popup', unit: 'ms', what: 'popup first view, "This page" of a stored article', budget: { op: '<=', value: 100, from: BENCH_ISSUE } },
];

/** Whether `value` keeps its budget (null: no budget or no value). */
/** The figures the bench issue lists, in table order: the final JSON line has exactly these keys. */
export const ISSUE_FIGURES: readonly Figure[] = FIGURES.filter((f) => f.issue);
/** Further figures that help read the others (bench-out/bench.json and a second table). */
export const OTHER_FIGURES: readonly Figure[] = FIGURES.filter((f) => !f.issue);

export function holds(figure: Figure, value: number | null): boolean | null {
  if (!figure.budget || value === null) return null;
  return figure.budget.op === '<=' ? value <= figure.budget.value : value >= figure.budget.value;
}

export function budgetText(b: Budget | undefined): string {
  return b ? `${b.op === '<=' ? '≤' : '≥'} ${b.value}` : '';
}
