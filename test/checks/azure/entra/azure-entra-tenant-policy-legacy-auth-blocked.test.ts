import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/entra/azure-entra-tenant-policy-legacy-auth-blocked.js';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import { deniedFact, list, tenantScope } from '../fixtures.js';
import { caPolicy, expectErrorAndNotApplicable, tenantPolicy } from '../lib/services.js';

const run = (over: Parameters<typeof tenantPolicy>[0]) => runCheck(check, [list('azure.entra.tenant-policy', [tenantPolicy(over)], tenantScope)])[0];
const block = caPolicy('block legacy', { clientAppTypes: ['exchangeActiveSync', 'other'], builtInControls: ['block'] });

describe('azure-entra-tenant-policy-legacy-auth-blocked', () => {
  it('PASS with security defaults or an enforced blocking policy', () => {
    expect(run({ securityDefaults: seen(true), conditionalAccess: seen([]) })?.status).toBe('PASS');
    expect(run({ conditionalAccess: seen([block]) })?.status).toBe('PASS');
  });
  it('FAIL when the blocking policy is report-only, misses a protocol, or there is none', () => {
    expect(run({})?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([{ ...block, state: 'enabledForReportingButNotEnforced' }]) })?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([{ ...block, clientAppTypes: ['other'] }]) })?.status).toBe('FAIL');
  });
  it('is ERROR when Graph refused the security defaults', () => {
    expect(run({ securityDefaults: deniedFact('graph:Policy.Read.All') })?.status).toBe('ERROR');
  });
  it('is ERROR when the tenant could not be read, NOT_APPLICABLE without one', () => {
    expectErrorAndNotApplicable(check, 'graph:Policy.Read.All');
  });
});
