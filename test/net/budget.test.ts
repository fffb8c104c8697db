import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { settlesWithin, withinBudget } from '../../src/net/budget.js';

/** A call that never answers: it settles only when its signal aborts, with the signal's reason. */
const hang = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

describe('withinBudget', () => {
  it('aborts the attempt\'s signal with a TimeoutError when the budget runs out', async () => {
    const scan = new AbortController();
    let inner: AbortSignal | undefined;
    const started = performance.now();
    const error = await withinBudget(scan.signal, 20, (signal) => { inner = signal; return hang(signal); }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'call exceeded 20 ms' });
    expect(inner?.aborted).toBe(true);
    expect(scan.signal.aborted).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('passes the scan\'s abort through to the attempt', async () => {
    const scan = new AbortController();
    const reason = new Error('scan over');
    const attempt = withinBudget(scan.signal, 60_000, hang);
    scan.abort(reason);
    await expect(attempt).rejects.toBe(reason);
  });

  it('returns the answer in time, and without a budget hands over the scan\'s own signal', async () => {
    const scan = new AbortController();
    await expect(withinBudget(scan.signal, 1000, async () => 42)).resolves.toBe(42);
    await expect(withinBudget(scan.signal, undefined, async (signal) => signal)).resolves.toBe(scan.signal);
    expect(getEventListeners(scan.signal, 'abort')).toHaveLength(0);
  });
});

describe('settlesWithin', () => {
  it('tells whether the work resolved in time', async () => {
    await expect(settlesWithin(Promise.resolve(), 1000)).resolves.toBe(true);
    await expect(settlesWithin(new Promise(() => {}), 10)).resolves.toBe(false);
    await expect(settlesWithin(Promise.reject(new Error('broken')), 1000)).rejects.toThrow('broken');
  });
});
