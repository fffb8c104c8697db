import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/authorization/azure-authorization-subscription-owners-two-to-three.js';
import { runCheck } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, subscription, SUB } from '../fixtures.js';

const owner = (principalId: string) => ({ principalId, principalType: 'User', scope: `/subscriptions/${SUB}`, roleDefinitionId: 'o' });

describe('azure-authorization-subscription-owners-two-to-three', () => {
  it('passes two owners, fails one and four, counting principals once', () => {
    const status = (owners: ReturnType<typeof owner>[]) =>
      runCheck(check, [list('azure.subscription', [subscription({ ownerAssignments: seen(owners) })])])[0];
    expect(status([owner('a'), owner('b')])?.status).toBe('PASS');
    expect(status([owner('a'), owner('a')])?.status).toBe('FAIL');
    const many = status([owner('a'), owner('b'), owner('c'), owner('d')]);
    expect(many?.status).toBe('FAIL');
    expect(many?.evidence).toMatchObject({ owners: 4, max: 3 });
  });
  it('is ERROR when role assignments could not be read', () => {
    const r = runCheck(check, [list('azure.subscription', [subscription({ ownerAssignments: deniedFact('Microsoft.Authorization/roleAssignments/read') })])]);
    expect(r.map((x) => [x.status, x.error?.operation])).toEqual([['ERROR', 'Microsoft.Authorization/roleAssignments/read']]);
  });
  it('is NOT_APPLICABLE without a subscription', () => {
    expect(runCheck(check, [list('azure.subscription', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
