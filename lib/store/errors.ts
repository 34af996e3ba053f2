/**
 * Storage failures as the UI shows them. IndexedDB reports a full disk as `QuotaExceededError`,
 * but it often arrives wrapped: an `AbortError` of the transaction, a Dexie error with `.inner`, a
 * `BulkError` with `.failures`, or an error with `.cause`. Every write of the store goes through
 * `guardWrite`, which turns such failures into a `StoreError` with a message a person can act on;
 * the transaction has been aborted, so nothing of that write was kept.
 */

export type StoreErrorCode = 'quota' | 'invalid' | 'not-found' | 'storage';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** Whether an error is, or wraps, a full-storage error. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 6) return false;
  const err = e as ErrorLike;
  if (err.name === 'QuotaExceededError') return true;
  if (typeof err.message === 'string' && /quota/i.test(err.message) && (err.name === 'AbortError' || err.name === 'UnknownError')) return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  const failures = err.failures;
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  if (failures && typeof failures === 'object') return Object.values(failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}

export const QUOTA_MESSAGE = 'Storage is full: free some disk space, or export and delete old quotes. Nothing from this change was saved.';

/** A clear message for a failed write: the quota case above all. */
export function describeStorageError(e: unknown): string {
  if (e instanceof StoreError) return e.message;
  if (isQuotaError(e)) return QUOTA_MESSAGE;
  const message = e instanceof Error ? e.message : String(e);
  return `Could not save: ${message}`;
}

/** Run a write; a storage failure comes out as a `StoreError` (quota: code `quota`). */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (isQuotaError(e)) throw new StoreError('quota', QUOTA_MESSAGE, { cause: e });
    throw new StoreError('storage', describeStorageError(e), { cause: e });
  }
}
