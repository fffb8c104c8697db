import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/logging/gcp-logging-project-data-access-audit-enabled.js';

const T = 'gcp.project.iam-policy';
const all = (source: string, exempted: string[] = []) => ({
  service: 'allServices',
  source,
  auditLogConfigs: ['ADMIN_READ', 'DATA_READ', 'DATA_WRITE'].map((logType) => ({ logType, exemptedMembers: logType === 'DATA_READ' ? exempted : [] })),
});

describe('gcp-logging-project-data-access-audit-enabled', () => {
  test('PASS with an allServices config inherited from the organisation', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'p', { auditConfigs: seen([all('organizations/123')]) })])]);
    expect(statuses(r)).toEqual([['p', 'PASS']]);
    expect(r[0]?.evidence).toMatchObject({ sources: ['organizations/123'], missingLogTypes: [] });
  });
  test('FAIL without a config, with a service-only config, or with an exempted member', () => {
    const r = runCheck(check, [
      list(T, [
        gcp(T, 'none'),
        gcp(T, 'storage-only', { auditConfigs: seen([{ ...all('projects/p'), service: 'storage.googleapis.com' }]) }),
        gcp(T, 'exempt', { auditConfigs: seen([all('projects/p', ['user:ops@x.com'])]) }),
      ]),
    ]);
    expect(statuses(r)).toEqual([['none', 'FAIL'], ['storage-only', 'FAIL'], ['exempt', 'FAIL']]);
    expect(r[0]?.evidence['missingLogTypes']).toEqual(['ADMIN_READ', 'DATA_READ', 'DATA_WRITE']);
    expect(r[2]?.evidence['exemptedMembers']).toEqual([{ logType: 'DATA_READ', member: 'user:ops@x.com', source: 'projects/p' }]);
  });
  test('ERROR when audit configs are unknown', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'p', { auditConfigs: unknown('resourcemanager.organizations.getIamPolicy') })])]))).toEqual([['p', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'resourcemanager.projects.getIamPolicy')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
