import { describe, expect, it } from 'vitest';
import { RateLimitedApi } from '../../src/engine/api.js';
import { Trace } from '../../src/engine/trace.js';

const unlimited = { 'aws/s3': { perSecond: 1e6, burst: 1e6 }, 'aws/kms': { perSecond: 1e6, burst: 1e6 } };

/** A call that resolves when the test says so. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

describe('RateLimitedApi', () => {
  it('hands an account\'s request slots fairly between its services and regions, not first come first served', async () => {
    const api = new RateLimitedApi('aws', { rateLimits: unlimited, perAccountRequests: 2 });
    const order: string[] = [];
    const first = gate();
    const call = (service: string, name: string, wait?: Promise<void>) =>
      api.call({ service, operation: name, account: '1', region: 'us-east-1' }, async () => {
        order.push(name);
        await wait;
      });
    const second = gate();
    const calls = [call('s3', 's3-0', first.promise), call('s3', 's3-1', second.promise), ...[2, 3, 4].map((i) => call('s3', `s3-${i}`))];
    await new Promise((r) => setTimeout(r, 10));
    // KMS asks after three S3 reads are queued behind the two running: it takes the next free slot.
    calls.push(call('kms', 'kms-0'));
    await new Promise((r) => setTimeout(r, 10));
    first.open();
    await new Promise((r) => setTimeout(r, 10));
    second.open();
    await Promise.all(calls);
    expect(order).toEqual(['s3-0', 's3-1', 'kms-0', 's3-2', 's3-3', 's3-4']);
  });

  it('traces a call under the span it is made within, with the waits before it and a retry with its error code', async () => {
    const trace = new Trace();
    const api = new RateLimitedApi('azure', { rateLimits: { 'azure/arm': { perSecond: 1e6, burst: 1e6 } }, trace });
    const op = { service: 'arm', operation: 'GET vaults', account: 'sub', region: 'global' };
    const traced = api.within(42);
    await expect(traced.call(op, () => Promise.reject(Object.assign(new Error('slow down'), { statusCode: 429 })))).rejects.toThrow();
    traced.retried(op, 'retry-after');
    await new Promise((r) => setTimeout(r, 5));
    await traced.call(op, () => Promise.resolve('ok'));
    const calls = trace.spans.filter((s) => s.kind === 'call');
    expect(calls.map((s) => [s.name, s.parent, s.args?.['error']])).toEqual([['arm:GET vaults', 42, 'HTTP 429'], ['arm:GET vaults', 42, undefined]]);
    const [retry] = trace.spans.filter((s) => s.kind === 'retry');
    expect(retry).toMatchObject({ parent: 42, args: { reason: 'retry-after', error: 'HTTP 429' } });
    expect(retry!.end - retry!.start).toBeGreaterThanOrEqual(4);
    expect(retry!.end).toBeLessThanOrEqual(calls[1]!.start);
  });

  it('without a trace, hands out itself: no view, no span', () => {
    const api = new RateLimitedApi('aws', {});
    expect(api.within(7)).toBe(api);
  });
});
