import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-serial-port-disabled.js';

const T = 'gcp.compute.instance';
const M = 'gcp.compute.project-metadata';
const projectMetadata = (items: Record<string, string>) => list(M, [gcp(M, 'acme-test', { items }, { region: 'global' })]);

describe('gcp-compute-instance-serial-port-disabled', () => {
  test('PASS when unset everywhere or false on the VM, FAIL when enabled on the VM', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'unset'), gcp(T, 'off', { metadata: { 'serial-port-enable': 'false' } }), gcp(T, 'on', { metadata: { 'serial-port-enable': 'TRUE' } })]), projectMetadata({})]);
    expect(statuses(r)).toEqual([['unset', 'PASS'], ['off', 'PASS'], ['on', 'FAIL']]);
    expect(r[2]?.evidence).toEqual({ 'serial-port-enable': 'TRUE', setOn: 'instance' });
  });
  test('the project value applies to VMs that do not set their own', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'inherits'), gcp(T, 'overrides', { metadata: { 'serial-port-enable': 'false' } })]), projectMetadata({ 'serial-port-enable': 'true' })]);
    expect(statuses(r)).toEqual([['inherits', 'FAIL'], ['overrides', 'PASS']]);
    expect(r[0]?.evidence).toEqual({ 'serial-port-enable': 'true', setOn: 'project' });
  });
  test('ERROR only for VMs that depend on unreadable project metadata', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'inherits'), gcp(T, 'own', { metadata: { 'serial-port-enable': 'false' } })]), failed(M, 'compute.projects.get')]);
    expect(statuses(r)).toEqual([['inherits', 'ERROR'], ['own', 'PASS']]);
  });
  test('NOT_APPLICABLE without VMs; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});
