import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/secretsmanager/aws-secretsmanager-secret-policy-not-public.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { openTo, ownerOnly, secret } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS without a policy or with named principals, FAIL for "*", ERROR when unread, NOT_APPLICABLE without secrets', () => {
    const results = runCheck(check, [listingOf('aws.secretsmanager.secret', [
      secret('none'),
      secret('owner', { policy: seen(ownerOnly('secretsmanager:GetSecretValue')) }),
      secret('vpce', { policy: seen(openTo('secretsmanager:GetSecretValue', { StringEquals: { 'aws:SourceVpce': 'vpce-1' } })) }),
      secret('open', { policy: seen(openTo('secretsmanager:GetSecretValue')) }),
      secret('unread', { policy: deniedFact('secretsmanager:GetResourcePolicy') }),
    ])]);
    expect(statuses(results)).toEqual([['none', 'PASS'], ['owner', 'PASS'], ['vpce', 'PASS'], ['open', 'FAIL'], ['unread', 'ERROR']]);
    expect(results[3]?.evidence).toMatchObject({ publicStatements: [{ principal: '*', actions: ['secretsmanager:GetSecretValue'] }] });
    expect(runCheck(check, [failedListingOf('aws.secretsmanager.secret', 'secretsmanager:ListSecrets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.secretsmanager.secret', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
