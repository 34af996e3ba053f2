/**
 * Reading in slices. The reader's long loops are generators that `yield` at checkpoints (after a
 * block, every few dozen paragraphs): run to completion at once (`runSteps`, for Node and tests),
 * or a few milliseconds at a time with the page's thread handed back in between
 * (`runStepsSliced`, in the content script), so no single task of ours blocks a huge page.
 */
export type Steps<T> = Generator<void, T, void>;

/** Run a reading to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work before the thread is handed back, in milliseconds. */
  sliceMs: number;
  /** A clock in milliseconds (performance.now). */
  now(): number;
  /** Hand the thread back; resolves when the reading may go on. */
  pause(): Promise<void>;
  /** Stop early (the content script was invalidated): the reading is abandoned. */
  signal?: AbortSignal;
  /** Told the start and end of each slice (benchmarks). */
  onSlice?(start: number, end: number): void;
}

export interface SlicedResult<T> {
  value: T;
  /** Tasks the reading took, and the longest of them in milliseconds. */
  slices: number;
  longestSliceMs: number;
}

export class ReadingAborted extends Error {
  override name = 'ReadingAborted';
}

/** Run a reading a slice at a time: at each checkpoint past `sliceMs`, pause. */
export async function runStepsSliced<T>(steps: Steps<T>, options: SliceOptions): Promise<SlicedResult<T>> {
  let slices = 0;
  let longest = 0;
  for (;;) {
    if (options.signal?.aborted) {
      steps.return(undefined as never);
      throw new ReadingAborted('reading abandoned');
    }
    const start = options.now();
    slices++;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        const end = options.now();
        longest = Math.max(longest, end - start);
        options.onSlice?.(start, end);
        return { value: r.value, slices, longestSliceMs: longest };
      }
      if (options.now() - start >= options.sliceMs) break;
    }
    const end = options.now();
    longest = Math.max(longest, end - start);
    options.onSlice?.(start, end);
    await options.pause();
  }
}

/**
 * `runStepsSliced`, with its first slice run now: a reading that ends within one slice (a page
 * that is not an article, a short article) answers synchronously, without the cost of a promise
 * and the microtasks queued before it; a longer one goes on as `runStepsSliced` after a pause.
 */
export function runStepsSoonSliced<T>(steps: Steps<T>, options: SliceOptions): SlicedResult<T> | Promise<SlicedResult<T>> {
  if (options.signal?.aborted) return runStepsSliced(steps, options); // abandons it, as a rejection
  const start = options.now();
  for (;;) {
    const r = steps.next();
    if (r.done) {
      const end = options.now();
      options.onSlice?.(start, end);
      return { value: r.value, slices: 1, longestSliceMs: end - start };
    }
    if (options.now() - start >= options.sliceMs) break;
  }
  const end = options.now();
  options.onSlice?.(start, end);
  return options.pause().then(async () => {
    const rest = await runStepsSliced(steps, options);
    return { value: rest.value, slices: rest.slices + 1, longestSliceMs: Math.max(end - start, rest.longestSliceMs) };
  });
}
