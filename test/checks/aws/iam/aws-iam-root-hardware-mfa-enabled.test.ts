import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-root-hardware-mfa-enabled.js';
import { deniedFact, iamRoot, listingOf } from '../../../fixtures/aws.js';

const byAccount = (rs: ReturnType<typeof runCheck>) => rs.map((r) => [r.resource.account, r.status]);

describe(check.id, () => {
  test('PASS for hardware MFA, FAIL for virtual or no MFA, ERROR when the device list was denied', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.root', [iamRoot({}, { account: '111111111111' })]),
      listingOf('aws.iam.root', [iamRoot({ virtualMfaAssigned: seen(true) }, { account: '222222222222' })]),
      listingOf('aws.iam.root', [iamRoot({ mfaActive: seen(false), virtualMfaAssigned: deniedFact('iam:ListVirtualMFADevices') }, { account: '333333333333' })]),
      listingOf('aws.iam.root', [iamRoot({ virtualMfaAssigned: deniedFact('iam:ListVirtualMFADevices') }, { account: '444444444444' })]),
    ]);
    expect(byAccount(results)).toEqual([
      ['111111111111', 'PASS'], ['222222222222', 'FAIL'], ['333333333333', 'FAIL'], ['444444444444', 'ERROR'],
    ]);
    expect(results[1]?.evidence).toEqual({ mfaActive: true, virtualMfaAssigned: true });
  });

  test('NOT_APPLICABLE without a root row', () => {
    expect(runCheck(check, [listingOf('aws.iam.root', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
