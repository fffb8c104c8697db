import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/authorization/azure-authorization-custom-role-no-wildcard-actions.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { customRole, failed, list } from '../fixtures.js';

describe('azure-authorization-custom-role-no-wildcard-actions', () => {
  it('fails `*` and passes scoped wildcards', () => {
    const results = runCheck(check, [
      list('azure.authorization.custom-role', [customRole('reader-plus', ['Microsoft.Storage/*/read']), customRole('god', ['*']), customRole('writer', ['*/write'])]),
    ]);
    expect(statuses(results)).toEqual([['reader-plus', 'PASS'], ['god', 'FAIL'], ['writer', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ wildcardActions: ['*'] });
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without custom roles', () => {
    expect(runCheck(check, [failed('azure.authorization.custom-role', 'Microsoft.Authorization/roleDefinitions/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.authorization.custom-role', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
