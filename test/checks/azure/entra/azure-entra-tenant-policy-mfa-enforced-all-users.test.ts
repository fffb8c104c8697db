import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/entra/azure-entra-tenant-policy-mfa-enforced-all-users.js';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import { deniedFact, list, tenantScope } from '../fixtures.js';
import { caPolicy, expectErrorAndNotApplicable, tenantPolicy } from '../lib/services.js';

const run = (over: Parameters<typeof tenantPolicy>[0]) => runCheck(check, [list('azure.entra.tenant-policy', [tenantPolicy(over)], tenantScope)])[0];

describe('azure-entra-tenant-policy-mfa-enforced-all-users', () => {
  it('PASS with security defaults, or an enforced all-users all-apps policy requiring MFA (or an authentication strength)', () => {
    expect(run({ securityDefaults: seen(true), conditionalAccess: seen([]) })?.status).toBe('PASS');
    expect(run({})?.status).toBe('PASS');
    expect(run({ conditionalAccess: seen([caPolicy('strength', { builtInControls: [], authenticationStrength: '00000000-0000-0000-0000-000000000002' })]) })?.status).toBe('PASS');
    const excluded = run({ conditionalAccess: seen([caPolicy('mfa', { excludeUsers: ['break-glass'] })]) });
    expect(excluded?.status).toBe('PASS');
    expect(excluded?.evidence).toMatchObject({ enforcing: [{ policy: 'mfa', excludeUsers: ['break-glass'] }] });
  });
  it('FAIL for report-only, partial, optional or app-limited policies', () => {
    expect(run({ conditionalAccess: seen([]) })?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([caPolicy('report', { state: 'enabledForReportingButNotEnforced' })]) })?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([caPolicy('some', { includeUsers: ['u1'] })]) })?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([caPolicy('either', { builtInControls: ['mfa', 'compliantDevice'], operator: 'OR' })]) })?.status).toBe('FAIL');
    expect(run({ conditionalAccess: seen([caPolicy('one-app', { includeApplications: ['app-1'] })]) })?.status).toBe('FAIL');
  });
  it('is ERROR naming Policy.Read.All when Graph refused the policies, never a pass', () => {
    const result = run({ securityDefaults: deniedFact('graph:Policy.Read.All') });
    expect(result?.status).toBe('ERROR');
    expect(result?.error?.operation).toBe('graph:Policy.Read.All');
    expect(run({ conditionalAccess: deniedFact('graph:Policy.Read.All') })?.status).toBe('ERROR');
  });
  it('is ERROR when the tenant could not be read, NOT_APPLICABLE without one', () => {
    expectErrorAndNotApplicable(check, 'graph:Policy.Read.All');
  });
});
