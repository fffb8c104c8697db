import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-os-login-enabled.js';

const T = 'gcp.compute.instance';
const M = 'gcp.compute.project-metadata';
const projectMetadata = (items: Record<string, string>) => list(M, [gcp(M, 'acme-test', { items }, { region: 'global' })]);

describe('gcp-compute-instance-os-login-enabled', () => {
  test('PASS through the project metadata or the VM own value', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'inherits'), gcp(T, 'own', { metadata: { 'enable-oslogin': 'TRUE' } })]), projectMetadata({ 'enable-oslogin': 'TRUE' })]);
    expect(statuses(r)).toEqual([['inherits', 'PASS'], ['own', 'PASS']]);
    expect(r[0]?.evidence).toEqual({ 'enable-oslogin': 'TRUE', setOn: 'project' });
  });
  test('FAIL when unset everywhere, or when the VM switches it off', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'unset'), gcp(T, 'off', { metadata: { 'enable-oslogin': 'false' } })]), projectMetadata({})]);
    expect(statuses(r)).toEqual([['unset', 'FAIL'], ['off', 'FAIL']]);
    expect(r[1]?.evidence).toEqual({ 'enable-oslogin': 'false', setOn: 'instance' });
  });
  test('ERROR when the VM inherits from unreadable project metadata', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'inherits')]), failed(M, 'compute.projects.get')]);
    expect(statuses(r)).toEqual([['inherits', 'ERROR']]);
  });
  test('NOT_APPLICABLE without VMs; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
