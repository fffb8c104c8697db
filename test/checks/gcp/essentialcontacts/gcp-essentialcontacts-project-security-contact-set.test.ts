import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import check from '../../../../checks/gcp/essentialcontacts/gcp-essentialcontacts-project-security-contact-set.js';

const T = 'gcp.essentialcontacts.project';

describe('gcp-essentialcontacts-project-security-contact-set', () => {
  test('PASS with an inherited or ALL contact, FAIL without a SECURITY contact, ERROR when an ancestor is unreadable', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'inherited'), gcp(T, 'own-all', { own: [{ email: 'it@acme.example', categories: ['ALL'], source: 'projects/acme-test' }], inherited: seen([]) }), gcp(T, 'other', { own: [{ email: 'billing@acme.example', categories: ['BILLING'], source: 'projects/acme-test' }], inherited: seen([]) }), gcp(T, 'unknown', { inherited: unknown('cloudasset.assets.listResource') })])]);
    expect(statuses(r)).toEqual([['inherited', 'PASS'], ['own-all', 'PASS'], ['other', 'FAIL'], ['unknown', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
