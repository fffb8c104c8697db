import { expect, test } from 'vitest';
import type { AnyCheck } from '../../../../src/core/check.js';
import type { Resource } from '../../../../src/core/resource.js';
import type { AwsResourceType } from '../../../../providers/aws/model/index.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { CUSTOMER_KEY, failedListingOf, kmsKey, listingOf } from '../../../fixtures/aws.js';
import { CMK_ARN } from '../../../fixtures/aws-data.js';

/**
 * The cases the AWS data-service checks share, by rule: a yes/no setting, the critical-data
 * customer-key family, and a retention of N days. Each check's own test adds what is particular.
 */

/** ERROR when the type's listing failed; NOT_APPLICABLE when there is nothing to judge. */
export function listingCases<T extends AwsResourceType>(check: AnyCheck, type: T, operation: string): void {
  test('ERROR when the listing failed, NOT_APPLICABLE when there is nothing listed', () => {
    const [failed] = runCheck(check, [failedListingOf(type, operation)]);
    expect(failed?.status).toBe('ERROR');
    expect(failed?.error?.operation).toBe(operation);
    expect(runCheck(check, [listingOf(type, [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
}

/** PASS for the compliant fixture, FAIL for `bad`; plus the listing cases. */
export function settingCases<T extends AwsResourceType>(
  check: AnyCheck,
  type: T,
  operation: string,
  good: Resource<T>,
  bad: Resource<T>,
  failEvidence: Record<string, unknown>,
): void {
  test('PASS when the setting is on, FAIL when it is off', () => {
    const results = runCheck(check, [listingOf(type, [good, bad])]);
    expect(statuses(results)).toEqual([[good.name, 'PASS'], [bad.name, 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject(failEvidence);
  });
  listingCases(check, type, operation);
}

const AWS_MANAGED = { ...CUSTOMER_KEY, keyManager: 'AWS' };

/**
 * The customer-key family (checks/aws/lib/customer-key.ts) for one type: `make(name, keyRef)`
 * builds a resource reporting `keyRef` (null: AWS owned key).
 */
export function criticalKeyCases<T extends AwsResourceType>(
  check: AnyCheck,
  type: T,
  operation: string,
  make: (name: string, keyRef: string | null) => Resource<T>,
): void {
  const policy = { criticalResources: ['payments-*'] };
  const keys = listingOf('aws.kms.key', [kmsKey('cmk-1'), kmsKey('awsmanaged-1', { aliases: ['alias/aws/service'], metadata: { ok: true, value: AWS_MANAGED } })]);
  const awsManagedArn = 'arn:aws:kms:eu-west-1:111111111111:key/awsmanaged-1';

  test('critical resources: PASS with a customer-managed key (own or another account\'s), FAIL with an AWS managed or AWS owned key', () => {
    const results = runCheck(check, [keys, listingOf(type, [
      make('payments-cmk', CMK_ARN),
      make('payments-foreign', 'arn:aws:kms:eu-west-1:999999999999:key/shared'),
      make('payments-managed', awsManagedArn),
      make('payments-alias', 'alias/aws/service'),
      make('payments-owned', null),
    ])], { policy });
    expect(statuses(results)).toEqual([
      ['payments-cmk', 'PASS'], ['payments-foreign', 'PASS'], ['payments-managed', 'FAIL'], ['payments-alias', 'FAIL'], ['payments-owned', 'FAIL'],
    ]);
    expect(results[2]?.evidence).toMatchObject({ criticalMatch: 'payments-*', keyManager: 'AWS' });
    expect(results[4]?.evidence).toMatchObject({ keyManager: 'AWS_OWNED', kmsKeyId: null });
  });

  test('NOT_APPLICABLE for resources that are not critical, NOT_ASSESSED without policy.criticalResources', () => {
    expect(runCheck(check, [keys, listingOf(type, [make('scratch', null)])], { policy })[0]?.status).toBe('NOT_APPLICABLE');
    expectNotAssessed(runCheck(check, [keys, listingOf(type, [make('payments-x', null)])]), 'policy.criticalResources');
  });

  test('ERROR when the listing failed, or when the key of a critical resource could not be read', () => {
    expect(runCheck(check, [keys, failedListingOf(type, operation)], { policy })[0]?.status).toBe('ERROR');
    const [unknownKey] = runCheck(check, [failedListingOf('aws.kms.key', 'kms:ListKeys'), listingOf(type, [make('payments-cmk', CMK_ARN)])], { policy });
    expect(unknownKey?.status).toBe('ERROR');
  });
}

/** The retention rule: PASS at or above the default minimum, FAIL below it and at 0 (off). */
export function retentionCases<T extends AwsResourceType>(
  check: AnyCheck,
  type: T,
  operation: string,
  make: (name: string, days: number) => Resource<T>,
  minDays: number,
): void {
  test(`PASS at ${minDays} days or more, FAIL below, and FAIL when off; the minimum is a parameter`, () => {
    const results = runCheck(check, [listingOf(type, [make('kept', minDays), make('off', 0), ...(minDays > 1 ? [make('short', minDays - 1)] : [])])]);
    expect(statuses(results)).toEqual([['kept', 'PASS'], ['off', 'FAIL'], ...(minDays > 1 ? [['short', 'FAIL']] : [])]);
    expect(results[1]?.message).toMatch(/off/);
    expect(runCheck(check, [listingOf(type, [make('kept', minDays)])], { params: { minRetentionDays: minDays + 1 } })[0]?.status).toBe('FAIL');
  });
  listingCases(check, type, operation);
}
