import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocsfJsonFormatter, ocsfJsonlFormatter, toOcsf } from '../../src/output/ocsf.js';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/core/finding.js';
import { expectValidOcsf as expectValid, validateOcsf as validate } from '../support/documents.js';
import { finding, manyFindings, render, summaryOf } from '../support/findings.js';
import { tempDir } from '../sinks/support.js';


// The checked-in schema is derived from the OCSF definition files; that it has not drifted from
// them is a provenance check (scripts/provenance/ocsf-schema.test.ts), as the definitions are not
// part of the repository.
describe('OCSF 1.8.0 Compliance Finding', () => {
  it('the schema rejects what the definitions forbid (so validation can fail)', () => {
    const event = toOcsf(finding());
    expect(validate({ ...event, class_uid: 2004 })).toBe(false);
    expect(validate({ ...event, compliance: { ...(event['compliance'] as object), status_id: 4 } })).toBe(false);
    expect(validate({ ...event, resource: { uid: 'x' } })).toBe(false); // deprecated since 1.3.0
    expect(validate({ ...event, invented: true })).toBe(false);
    const { cloud: _cloud, ...noCloud } = event;
    expect(validate(noCloud)).toBe(false); // the cloud profile makes `cloud` required
    expect(validate({ ...event, metadata: { ...(event['metadata'] as object), profiles: [] } })).toBe(false);
  });

  it('every emitted event validates: all statuses, severities, providers, muted, hostile text', () => {
    const findings = manyFindings(400);
    findings.push(finding({ firstSeen: '2026-10-01T00:00:00.000Z', lastSeen: '2026-11-22T10:00:00.000Z' }));
    const lines = render(ocsfJsonlFormatter({ contract: { id: 'iaas-customer-duties', title: 'x' }, scanId: 's1' }), findings)
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) expectValid(JSON.parse(line));
    const array = JSON.parse(render(ocsfJsonFormatter(), findings, summaryOf(findings))) as unknown[];
    expect(array).toHaveLength(findings.length);
    array.forEach(expectValid);
    expect(JSON.parse(render(ocsfJsonFormatter(), []))).toEqual([]);
  });

  it('maps verdict, triage, lifecycle and contract references', () => {
    const contract = { id: 'iaas-customer-duties', title: 'Generic' };
    const fail = toOcsf(finding({ status: 'FAIL', severity: 'critical' }), { contract });
    expect(fail).toMatchObject({
      class_uid: 2003, category_uid: 2, type_uid: 200301, activity_id: 1, severity_id: 5, status_id: 1,
      metadata: { version: '1.8.0', event_code: 'aws-s3-bucket-default-encryption-enabled', profiles: ['cloud'] },
      finding_info: { analytic: { uid: 'aws-s3-bucket-default-encryption-enabled', type_id: 1 } },
      compliance: {
        status_id: 3, status_code: 'FAIL',
        standards: ['iaas-customer-duties', 'cis-aws-3.0'],
        requirements: ['iaas-customer-duties 2.2.3', 'cis-aws-3.0 2.1.1'],
        control: 'data.encryption-at-rest',
      },
      cloud: { provider: 'AWS', account: { uid: '111122223333', type_id: 10, name: 'production' }, region: 'eu-west-1' },
      resources: [{ uid: 'arn:aws:s3:::example-bucket', cloud_partition: 'aws', labels: ['owner:team-a'] }],
    });
    const statusOf = (f: ReturnType<typeof finding>) => (toOcsf(f)['compliance'] as { status_id: number }).status_id;
    expect(statusOf(finding({ status: 'PASS' }))).toBe(1);
    expect(statusOf(finding({ status: 'ERROR' }))).toBe(2);
    expect(statusOf(finding({ status: 'NOT_APPLICABLE' }))).toBe(99);
    // Not assessed: Warning ("did not yield a result due to missing information"), saying which.
    const unjudged = toOcsf(finding({ status: 'NOT_ASSESSED' }));
    expectValid(unjudged);
    expect(unjudged).toMatchObject({
      compliance: { status_id: 2, status: 'Warning', status_code: 'NOT_ASSESSED', status_details: ['Not assessed: set policy.criticalResources', 'not assessed: set policy.criticalResources'] },
      unmapped: { not_assessed: { setting: 'policy.criticalResources' } },
    });
    const error = toOcsf(finding({ status: 'ERROR' }));
    expect((error['compliance'] as { status_details: string[] }).status_details[1]).toContain('ACCESS_DENIED s3:GetBucketEncryption');
    expect(toOcsf(finding({ muted: true, mute: { reason: 'r', rule: 0 } }))).toMatchObject({ status_id: 3, status: 'Suppressed' });
    const update = toOcsf(finding({ firstSeen: '2026-01-01T00:00:00Z', lastSeen: '2026-11-22T10:00:00.000Z' }));
    expect(update).toMatchObject({ activity_id: 2, type_uid: 200302, finding_info: { first_seen_time: Date.parse('2026-01-01T00:00:00Z') } });
    expect(toOcsf(finding({ resource: { provider: 'gcp', account: 'proj-1' } }))).toMatchObject({ cloud: { provider: 'GCP', account: { uid: 'proj-1', type_id: 11 } } });
  });

  it('a drift change decides the activity: Create for new and regressed, Update for mutes, Close (Resolved) for resolved', () => {
    const base = finding({ status: 'FAIL', firstSeen: '2026-01-01T00:00:00.000Z' });
    const expected = { new: [1, 'Create'], regressed: [1, 'Create'], muted: [2, 'Update'], 'mute-expired': [2, 'Update'], resolved: [3, 'Close'] } as const;
    for (const [change, [id, name]] of Object.entries(expected)) {
      const event = toOcsf({ ...base, change: change as keyof typeof expected });
      expectValid(event);
      expect(event).toMatchObject({ activity_id: id, activity_name: name, type_uid: 200300 + id, unmapped: { change } });
    }
    expect(toOcsf({ ...base, change: 'resolved' })).toMatchObject({ status_id: 4, status: 'Resolved' });
    expect(toOcsf(base)).toMatchObject({ activity_id: 2, status_id: 1 }); // seen before, no drift: an update
  });

  it('every finding of the demo scan (real checks, real mappings) becomes a valid event', async () => {
    const dir = tempDir('ocsf-demo');
    const err = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      await main(['node', 'dutyscan', 'scan', '--demo', '--format', 'json', '--output-dir', dir, '--no-progress']);
    } finally {
      process.stderr.write = err;
    }
    const file = readdirSync(dir).find((n) => n.endsWith('.json'))!;
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { scan: { contract: { id: string; title: string }; id: string }; findings: Finding[] };
    expect(doc.findings.length).toBeGreaterThan(50);
    for (const f of doc.findings) expectValid(toOcsf(f, { contract: doc.scan.contract, scanId: doc.scan.id }));
  }, 60_000);
});
