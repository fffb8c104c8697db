import { describe, expect, it } from 'vitest';
import { each, errorCodeFrom, isTransient, type ErrorTable, type FailureFacts } from '../../src/net/classify.js';

const table: ErrorTable = {
  byNetwork: { ECONNRESET: 'UNAVAILABLE', ETIMEDOUT: 'TIMEOUT' },
  byName: { ...each(['Throttling', 'SlowDown'], 'THROTTLED'), InvalidToken: 'AUTH_FAILED' },
  byStatus: { 403: 'ACCESS_DENIED', 429: 'THROTTLED' },
};
const facts = (over: Partial<FailureFacts>): FailureFacts => ({ timedOut: false, names: [], unreadable: false, ...over });

describe('errorCodeFrom', () => {
  it('decides by timeout, then socket, then name, then status, then an unreadable answer', () => {
    expect(errorCodeFrom(facts({ timedOut: true, network: 'ECONNRESET', names: ['Throttling'], status: 403 }), table)).toBe('TIMEOUT');
    expect(errorCodeFrom(facts({ network: 'ECONNRESET', names: ['InvalidToken'], status: 403 }), table)).toBe('UNAVAILABLE');
    expect(errorCodeFrom(facts({ names: ['InvalidToken'], status: 403 }), table)).toBe('AUTH_FAILED');
    expect(errorCodeFrom(facts({ names: [undefined, 'Nope', 'SlowDown'], status: 403 }), table)).toBe('THROTTLED');
    expect(errorCodeFrom(facts({ names: ['Nope'], status: 403, unreadable: true }), table)).toBe('ACCESS_DENIED');
    expect(errorCodeFrom(facts({ status: 200, unreadable: true }), table)).toBe('INVALID_RESPONSE');
  });

  it('calls any 5xx UNAVAILABLE, and anything unknown UNEXPECTED: an error, never a pass', () => {
    expect(errorCodeFrom(facts({ status: 502 }), table)).toBe('UNAVAILABLE');
    expect(errorCodeFrom(facts({ status: 404 }), table)).toBe('UNEXPECTED');
    expect(errorCodeFrom(facts({ network: 'EWHATEVER', names: ['Odd'] }), table)).toBe('UNEXPECTED');
  });

  it('reads only the table\'s own entries, not what every object inherits', () => {
    expect(errorCodeFrom(facts({ network: 'constructor', names: ['toString', '__proto__'] }), table)).toBe('UNEXPECTED');
  });

  it('retries throttling and unavailability by default', () => {
    expect(['THROTTLED', 'UNAVAILABLE', 'TIMEOUT', 'ACCESS_DENIED'].map((code) => isTransient(code as never))).toEqual([true, true, false, false]);
  });
});
