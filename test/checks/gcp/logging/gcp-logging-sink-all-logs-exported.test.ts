import { describe, expect, test } from 'vitest';
import { runCheck } from '../../../support/checks.js';
import { failed, gcp, list, unknown, ORG_SCOPE } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/logging/gcp-logging-sink-all-logs-exported.js';

const T = 'gcp.logging.sink';
const orgSink = { name: 'organizations/123/sinks/all', destination: 'storage.googleapis.com/org-logs', filter: '', exclusions: [], disabled: false, includeChildren: true };

describe('gcp-logging-sink-all-logs-exported', () => {
  test('PASS with an unfiltered project sink', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'all')])]);
    expect(r.map((x) => x.status)).toEqual(['PASS']);
    expect(r[0]?.evidence['sink']).toMatchObject({ name: 'projects/acme-test/sinks/all', filter: '' });
  });
  test('PASS through an aggregated organisation sink', () => {
    const r = runCheck(check, [list(T, []), list('gcp.project', [gcp('gcp.project', 'acme-test', { inheritedSinks: seen([orgSink]) })])]);
    expect(r.map((x) => x.status)).toEqual(['PASS']);
    expect(r[0]?.evidence['sink']).toMatchObject({ name: 'organizations/123/sinks/all' });
  });
  test('FAIL with only filtered or disabled sinks, and with no sink at all', () => {
    const r = runCheck(check, [
      list(T, [gcp(T, 'errors', { filter: 'severity>=ERROR' }), gcp(T, 'off', { disabled: true })]),
      list('gcp.project', [gcp('gcp.project', 'acme-test', { inheritedSinks: seen([{ ...orgSink, includeChildren: false }]) })]),
    ]);
    expect(r.map((x) => x.status)).toEqual(['FAIL']);
    expect(runCheck(check, [list(T, [])]).map((x) => x.status)).toEqual(['FAIL']);
  });
  test('ERROR when the inherited sinks are unknown and no project sink suffices', () => {
    const r = runCheck(check, [list(T, []), list('gcp.project', [gcp('gcp.project', 'acme-test', { inheritedSinks: unknown('logging.sinks.list') })])]);
    expect(r.map((x) => x.status)).toEqual(['ERROR']);
    expect(runCheck(check, [failed(T, 'logging.sinks.list')]).map((x) => x.status)).toEqual(['ERROR']);
  });
  test('the scope check has no NOT_APPLICABLE: a project without sinks fails', () => {
    expect(runCheck(check, [list(T, [], ORG_SCOPE)]).map((x) => x.status)).not.toContain('NOT_APPLICABLE');
  });
});
