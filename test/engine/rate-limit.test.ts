import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/engine/rate-limit.js';

describe('TokenBucket', () => {
  it('paces takes beyond the burst, and leaves no listener on the scan signal once a wait is over', async () => {
    const controller = new AbortController();
    const bucket = new TokenBucket(200, 1);
    const waits = await Promise.all(Array.from({ length: 5 }, () => bucket.take(controller.signal)));
    expect(waits[0]).toBeLessThan(5);
    expect(waits[4]).toBeGreaterThanOrEqual(15);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a waiting take fails when the scan is aborted', async () => {
    const controller = new AbortController();
    const bucket = new TokenBucket(0.5, 1);
    await bucket.take(controller.signal);
    const waiting = bucket.take(controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
  });
});
