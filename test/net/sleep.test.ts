import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/net/sleep.js';

describe('sleep', () => {
  it('waits, and leaves no listener on the signal once the wait is over', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waits = [sleep(30, controller.signal), sleep(30, controller.signal), sleep(30, controller.signal)];
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(3);
    await Promise.all(waits);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once with the signal\'s reason on abort, and removes its listener', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const wait = sleep(60_000, controller.signal);
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 10);
    await expect(wait).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects without waiting when the signal is already aborted', async () => {
    const signal = AbortSignal.abort(new DOMException('gone', 'TimeoutError'));
    await expect(sleep(60_000, signal)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('waits without a signal', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
