/** A full disk reaches the user as one clear message, however the browser wraps it. */
import { describe, expect, it } from 'vitest';
import { describeStorageError, guardWrite, isQuotaError, QUOTA_MESSAGE, StoreError } from '../../../lib/store/errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors', () => {
  it('recognises a quota error, bare or wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(Object.assign(new DOMException('aborted', 'AbortError'), { inner: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: { name: 'AbortError', inner: quota() } })).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota() } })).toBe(true);
    expect(isQuotaError({ name: 'UnknownError', message: 'Quota exceeded for this origin' })).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new TypeError('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  it('turns failed writes into StoreErrors with a message for people', async () => {
    await expect(guardWrite(() => Promise.reject(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() })))).rejects.toMatchObject({ code: 'quota', message: QUOTA_MESSAGE });
    await expect(guardWrite(() => Promise.reject(new Error('disk on fire')))).rejects.toMatchObject({ code: 'storage', message: 'Could not save: disk on fire' });
    const own = new StoreError('invalid', 'Pick a name.');
    await expect(guardWrite(() => Promise.reject(own))).rejects.toBe(own);
    expect(describeStorageError(quota())).toBe(QUOTA_MESSAGE);
    expect(await guardWrite(async () => 42)).toBe(42);
  });
});
