import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/secretsmanager/aws-secretsmanager-secret-rotation-enabled.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { secret } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with rotation on, FAIL off, ERROR for a failed ListSecrets, NOT_APPLICABLE without secrets', () => {
    const results = runCheck(check, [listingOf('aws.secretsmanager.secret', [secret('rotating'), secret('static', { rotationEnabled: false, automaticallyAfterDays: null })])]);
    expect(statuses(results)).toEqual([['rotating', 'PASS'], ['static', 'FAIL']]);
    expect(results[0]?.message).toBe('Rotation is on, every 30 days');
    expect(runCheck(check, [failedListingOf('aws.secretsmanager.secret', 'secretsmanager:ListSecrets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.secretsmanager.secret', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
