import { describe, expect, test } from 'vitest';
import { gcpChecks } from '../../../checks/gcp/index.js';
import { gcpDemo, gcpDemoPolicy } from '../../../providers/gcp/demo.js';
import { runCheck } from '../../support/checks.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('GCP demo inventory', () => {
  const listings = gcpDemo(NOW);
  const results = gcpChecks.flatMap((check) => runCheck(check, listings, { now: NOW, policy: gcpDemoPolicy }));

  test('one listing per type and scope, in the demo project and the organisation', () => {
    const keys = listings.map((l) => `${l.scope.account}/${l.type}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(listings.map((l) => l.scope.account))).toEqual(new Set(['acme-analytics-prod', 'organizations/4242']));
  });

  test('every duty the GCP checks cover shows both a PASS and a FAIL', () => {
    const duties = new Set(gcpChecks.map((c) => c.duty));
    for (const duty of duties) {
      const statuses = new Set(results.filter((r) => r.check.duty === duty).map((r) => r.status));
      expect([duty, statuses.has('PASS'), statuses.has('FAIL')]).toEqual([duty, true, true]);
    }
  });

  test('every check yields a verdict, and the one refused fact is an ERROR', () => {
    for (const check of gcpChecks) expect(results.some((r) => r.check.id === check.id), check.id).toBe(true);
    expect(results.filter((r) => r.status === 'ERROR').map((r) => [r.check.id, r.resource.name]).sort()).toEqual([
      ['gcp-iam-service-account-keys-rotated', 'etl-loader@acme-analytics-prod.iam.gserviceaccount.com'],
      ['gcp-iam-service-account-no-user-managed-keys', 'etl-loader@acme-analytics-prod.iam.gserviceaccount.com'],
    ]);
  });

  test('resources sit in europe-west1 and one other location', () => {
    const regions = new Set(listings.flatMap((l) => (l.items.ok ? l.items.value.map((r) => r.region) : [])));
    expect(regions).toContain('europe-west1');
    expect(regions).toContain('us-central1');
  });
});
