import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfter } from '../../src/net/backoff.js';

describe('backoffMs', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles per retry and stops at the cap', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 10, 60].map((retry) => backoffMs(policy, retry, undefined, top))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('draws between the jitter fractions: half to all of the delay by default', () => {
    expect(backoffMs(policy, 2, undefined, () => 0)).toBe(200);
    expect(backoffMs(policy, 2, undefined, () => 0.5)).toBe(300);
    const azure = { initialMs: 500, maxMs: 30_000, jitter: [0.75, 1.25] as const };
    expect(backoffMs(azure, 0, undefined, () => 0)).toBe(375);
    expect(backoffMs(azure, 0, undefined, () => 1)).toBe(625);
    expect(backoffMs(azure, 20, undefined, () => 1)).toBe(37_500);
    expect(backoffMs({ ...policy, jitter: [1, 1] }, 3, undefined, () => 0)).toBe(800);
  });

  it('takes the server\'s Retry-After over the backoff, up to its own cap', () => {
    expect(backoffMs(policy, 5, 0)).toBe(0);
    expect(backoffMs(policy, 0, 700)).toBe(700);
    expect(backoffMs(policy, 0, 5000)).toBe(1000);
    expect(backoffMs({ ...policy, retryAfterMaxMs: 120_000 }, 0, 5000)).toBe(5000);
    expect(backoffMs({ ...policy, retryAfterMaxMs: 120_000 }, 0, 600_000)).toBe(120_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-10-21T07:28:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads the three HTTP-date forms; a date past means now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 21-Oct-26 07:29:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Wed Oct 21 07:28:10 2026', now - new Date(now).getTimezoneOffset() * 60_000)).toBe(10_000);
    expect(parseRetryAfter('Tue, 20 Oct 2026 07:28:00 GMT', now)).toBe(0);
  });

  it('gives no hint for anything else, never a zero wait', () => {
    for (const garbage of [undefined, '', '   ', 'soon', '-5', '0x10', '1e3', '12 monkeys', 'Wed, 99 Foo 2026 99:99:99 GMT']) {
      expect(parseRetryAfter(garbage, now), String(garbage)).toBeUndefined();
    }
  });
});
