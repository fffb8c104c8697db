import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import check from '../../../../checks/gcp/iam/gcp-iam-project-no-basic-roles-for-service-accounts.js';

const T = 'gcp.project.iam-policy';

describe('gcp-iam-project-no-basic-roles-for-service-accounts', () => {
  test('PASS for service agents and narrow roles, FAIL for a customer service account with a basic role (own or inherited), ERROR when an ancestor is unreadable', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'agents', { bindings: [{ role: 'roles/editor', members: ['serviceAccount:111@cloudservices.gserviceaccount.com', 'serviceAccount:service-111@gcp-sa-pubsub.iam.gserviceaccount.com', 'serviceAccount:service-111@container-engine-robot.iam.gserviceaccount.com', 'user:boss@acme.example'], condition: null, source: 'projects/acme-test' }, { role: 'roles/viewer', members: ['serviceAccount:app@acme-test.iam.gserviceaccount.com'], condition: null, source: 'projects/acme-test' }] }), gcp(T, 'default-sa', { bindings: [{ role: 'roles/editor', members: ['serviceAccount:111-compute@developer.gserviceaccount.com'], condition: null, source: 'projects/acme-test' }] }), gcp(T, 'inherited', { inheritedBindings: seen([{ role: 'roles/owner', members: ['serviceAccount:terraform@admin-proj.iam.gserviceaccount.com'], condition: null, source: 'organizations/123' }]) }), gcp(T, 'unknown', { inheritedBindings: unknown('resourcemanager.folders.getIamPolicy') })])]);
    expect(statuses(r)).toEqual([['agents', 'PASS'], ['default-sa', 'FAIL'], ['inherited', 'FAIL'], ['unknown', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'resourcemanager.projects.getIamPolicy')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
