import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Page } from '../lib/store/types';
import { errorText } from './data';

/**
 * A value read from the database that follows every write, from any context (Dexie liveQuery).
 * The query starts as soon as the component is in the DOM (a layout effect), not a frame later.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        setValue(v);
        setError(null);
      },
      error: (e: unknown) => setError(errorText(e)),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { value, error };
}

export interface PagedList<T> {
  items: T[] | undefined;
  /** More rows after these. */
  more: boolean;
  loadMore: () => void;
  error: string | null;
}

/**
 * A key-paged list that follows writes: the first `pages` pages are read in one live query
 * (each from the previous page's `next` key), so corrections and new quotes show at once.
 */
export function useLivePaged<T>(fetch: (after: string | null) => Promise<Page<T>>, deps: unknown[]): PagedList<T> {
  const [pages, setPages] = useState(1);
  useEffect(() => setPages(1), deps);
  const { value, error } = useLive(async () => {
    const items: T[] = [];
    let after: string | null = null;
    for (let i = 0; i < pages; i++) {
      const page: Page<T> = await fetch(after);
      items.push(...page.items);
      after = page.next;
      if (!after) break;
    }
    return { items, more: after !== null };
  }, [...deps, pages]);
  return { items: value?.items, more: value?.more ?? false, loadMore: () => setPages((n) => n + 1), error };
}
