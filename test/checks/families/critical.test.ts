import { describe, expect, test } from 'vitest';
import { criticalGlob, criticalMatcher, isCritical } from '../../../src/core/critical.js';

describe('critical resources', () => {
  const bucket = { name: 'payments-ledger', id: 'arn:aws:s3:::payments-ledger' };

  test('a glob names a resource by name or by id; no glob names none', () => {
    expect(isCritical(bucket, [])).toBe(false);
    expect(isCritical(bucket, ['payments-*'])).toBe(true);
    expect(isCritical(bucket, ['arn:aws:s3:::payments-*'])).toBe(true);
    expect(isCritical(bucket, ['logs-*'])).toBe(false);
  });

  test('says which glob matched; case-insensitive, `*` crossing dots', () => {
    expect(criticalGlob({ name: 'Analytics-Warehouse', id: 'x' }, ['logs-*', 'analytics-*'])).toBe('analytics-*');
    expect(criticalMatcher(['payments-*'])('payments-ledger.eu')).toBe('payments-*');
    expect(criticalMatcher(['payments-*'])('ledger')).toBeNull();
  });
});
