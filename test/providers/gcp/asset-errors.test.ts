import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { gcpChecks } from '../../../checks/gcp/index.js';
import { runCheck } from '../../support/checks.js';
import { installOrg } from '../../fakes/gcp/org.js';
import { GcpFake } from '../../fakes/gcp/server.js';
import { fixtureOrg, NOW, PROD } from './fixture-org.js';
import { collect, fakeConfig } from './support.js';

let fake: GcpFake;
beforeEach(async () => {
  fake = await new GcpFake().start();
});
afterEach(async () => {
  expect(fake.unrouted).toEqual([]);
  await fake.close();
});

const labelsCheck = gcpChecks.find((c) => c.id === 'gcp-asset-required-labels-present')!;
const ownerEverywhere = { requiredTags: [{ key: 'owner' }] };

describe('GCP labels view: an ERROR no broader than its cause', () => {
  test('KMS denied in one project: ERROR for its crypto keys only, every other type and the project itself judged', async () => {
    installOrg(fake, fixtureOrg({ projects: [{ ...PROD, deniedApis: ['kms'], labels: { owner: 'platform' } }] }));
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }), { types: ['gcp.asset'] });
    const results = runCheck(labelsCheck, listings, { now: NOW, policy: ownerEverywhere }).filter((r) => r.resource.account === 'acme-prod');
    const errors = results.filter((r) => r.status === 'ERROR');
    expect(errors.map((r) => r.resource.id)).toEqual(['gcp:acme-prod/assetTypes/cloudkms.googleapis.com/CryptoKey']);
    expect(errors[0]?.message).toMatch(/cloudkms\..*PERMISSION|ACCESS_DENIED/);
    const judged = results.filter((r) => r.status === 'PASS' || r.status === 'FAIL');
    // The instances, disks, buckets and the project itself are still judged.
    expect(judged.map((r) => r.resource.name)).toEqual(expect.arrayContaining(['acme-prod', 'web-1', 'api-1', 'acme-prod-records']));
    expect(results.find((r) => r.resource.name === 'acme-prod')?.status).toBe('PASS');
    expect(results.find((r) => r.resource.name === 'web-1')?.status).toBe('PASS');
  });

  test('a project without the required label FAILs as a resource of type gcp.project', async () => {
    installOrg(fake, fixtureOrg({ projects: [PROD] }));
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }), { types: ['gcp.asset'] });
    const results = runCheck(labelsCheck, listings, { now: NOW, policy: { requiredTags: [{ key: 'owner', resourceTypes: ['gcp.project'] }] } });
    const project = results.filter((r) => r.status !== 'NOT_APPLICABLE');
    expect(project.map((r) => [r.resource.name, r.status])).toEqual([['acme-prod', 'FAIL']]);
  });
});
