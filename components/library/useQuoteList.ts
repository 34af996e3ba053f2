import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, queryQuotes, type LibraryQuery, type QuotemarkDB, type QuoteView } from '../data';

const PAGE = 200;

export interface QuoteList {
  rows: QuoteView[];
  more: boolean;
  loading: boolean;
  error: string | null;
  /** Load the next page (no-op while one is loading or at the end). */
  loadMore: () => void;
  /** Read the rows shown again (after a correction), keeping as many as were loaded. */
  reload: () => void;
}

/**
 * The library's list: pages of quotes read by key as the reader scrolls, so the first rows show
 * at once whatever the collection's size and memory holds only what was scrolled past.
 */
export function useQuoteList(db: QuotemarkDB, query: Omit<LibraryQuery, 'limit' | 'after'>): QuoteList {
  const [rows, setRows] = useState<QuoteView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const key = JSON.stringify(query);

  async function load(gen: number, after: string | null, wanted: number, base: QuoteView[]) {
    setLoading(true);
    try {
      let items = base;
      let cursor = after;
      let done = false;
      do {
        const page = await queryQuotes(db, { ...query, limit: Math.min(500, Math.max(PAGE, wanted - items.length)), after: cursor });
        if (gen !== generation.current) return;
        items = [...items, ...page.items];
        cursor = page.next;
        done = cursor === null;
      } while (!done && items.length < wanted);
      setRows(items);
      setNext(cursor);
      setMore(!done);
      setError(null);
    } catch (e) {
      if (gen === generation.current) setError(errorText(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }

  useEffect(() => {
    const gen = ++generation.current;
    setRows([]);
    setNext(null);
    setMore(true);
    void load(gen, null, PAGE, []);
  }, [key]);

  return {
    rows,
    more,
    loading,
    error,
    loadMore: () => {
      if (loading || !more) return;
      void load(generation.current, next, rows.length + PAGE, rows);
    },
    reload: () => {
      const gen = ++generation.current;
      void load(gen, null, Math.max(PAGE, rows.length), []);
    },
  };
}
