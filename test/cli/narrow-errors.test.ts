/**
 * "Errors no broader than their cause", as a user runs it: the built CLI scans a wire fake in which
 * exactly one listing is refused in one scope. The ERROR covers that (type x scope) and names check,
 * scope, operation and permission; everything that was read is still judged (PASS/FAIL), in that
 * scope and in the others; the exit code says the scan is incomplete.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { BASE_CREDENTIALS } from '../fakes/aws/server.js';
import { ec2Region } from '../fakes/aws/state.js';
import { AzureFake, READER, type FakeSubscription } from '../fakes/azure/server.js';
import * as w from '../fakes/azure/tenant.js';
import type { FakeAsset } from '../fakes/gcp/listed-assets.js';
import { installOrg } from '../fakes/gcp/org.js';
import { GcpFake } from '../fakes/gcp/server.js';
import { FakeAws, richAccount, singleAccountState } from '../providers/aws/support.js';
import { fixtureOrg, PROD, QUIET } from '../providers/gcp/fixture-org.js';
import { dutyscan } from '../support/cli.js';

type Doc = { scan: ScanSummary; findings: Finding[] };

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-narrow-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit codes with the scan incomplete (4: nothing failing, 5: failing too). */
const INCOMPLETE = [4, 5];

async function scan(name: string, config: unknown, args: readonly string[], env: Record<string, string>): Promise<{ code: number; doc: Doc }> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  const run = await dutyscan(['scan', '--config', file, '--format', 'json', '--no-progress', ...args], { env, timeoutMs: 120_000 });
  if (run.stdout === '') throw new Error(`dutyscan exited ${run.code} without a report: ${run.stderr}`);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
}

const verdicts = (findings: readonly Finding[]) => findings.filter((f) => f.status === 'PASS' || f.status === 'FAIL');

describe('GCP: the KMS listing denied in one project (per-service APIs)', () => {
  let fake: GcpFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  /**
   * Application Default Credentials as on a Compute Engine VM: the metadata server (the fake,
   * through GCE_METADATA_HOST) hands out the token. HOME is empty, so no gcloud credentials of the
   * machine are found first.
   */
  async function gcpScan() {
    fake = await new GcpFake().start();
    // Two services read from Cloud Asset Inventory's ListAssets: their labels are judged too.
    const assets: FakeAsset[] = [
      { assetType: 'bigquery.googleapis.com/Dataset', path: 'projects/acme-prod/datasets/sales', location: 'EU', data: { datasetReference: { datasetId: 'sales', projectId: 'acme-prod' }, location: 'EU', labels: { owner: 'data' } } },
      { assetType: 'pubsub.googleapis.com/Topic', path: 'projects/acme-prod/topics/events', location: 'global', data: { name: 'projects/acme-prod/topics/events' } },
    ];
    installOrg(fake, fixtureOrg({ projects: [{ ...PROD, deniedApis: ['kms'], labels: { owner: 'platform' }, assets }, { ...QUIET, disabled: [], labels: {} }] }));
    const metadata = { 'Metadata-Flavor': 'Google' };
    fake.route('GET', '/computeMetadata/v1/instance/service-accounts/default/token', { headers: metadata, body: { access_token: 'metadata-token', expires_in: 3600, token_type: 'Bearer' } });
    fake.route('GET', '/computeMetadata/v1/project/project-id', { headers: metadata, body: 'acme-scanner' });
    const u = fake.url;
    const config = {
      providers: { gcp: { organization: '123', maxRetries: 0, endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u } } },
      policy: { requiredTags: [{ key: 'owner' }] },
    };
    const home = mkdtempSync(join(dir, 'home-'));
    const { GOOGLE_APPLICATION_CREDENTIALS: _adc, ...inherited } = process.env;
    const env = { ...inherited, HOME: home, CLOUDSDK_CONFIG: home, GCE_METADATA_HOST: new URL(u).host, METADATA_SERVER_DETECTION: 'assume-present', NODE_NO_WARNINGS: '1' } as Record<string, string>;
    return scan('gcp', config, ['-p', 'gcp'], env);
  }

  it('errs for the project\'s crypto keys alone; every other type of it, and the other project, is judged', async () => {
    const { code, doc } = await gcpScan();
    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    // Every ERROR of the scan is the one refused listing: KMS in acme-prod, naming the permission it needs.
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.resource.account, f.check.id).toBe('acme-prod');
      expect(f.error, f.check.id).toMatchObject({ code: 'ACCESS_DENIED', operation: 'cloudkms.keyRings.list', origin: 'collection' });
    }
    const labels = doc.findings.filter((f) => f.check.id === 'gcp-asset-required-labels-present');
    expect(labels.filter((f) => f.status === 'ERROR').map((f) => f.resource.id)).toEqual(['gcp:acme-prod/assetTypes/cloudkms.googleapis.com/CryptoKey']);
    // The instances, disks, buckets, service accounts and the project itself are judged.
    const prod = verdicts(labels.filter((f) => f.resource.account === 'acme-prod'));
    expect(prod.map((f) => f.resource.name)).toEqual(expect.arrayContaining(['acme-prod', 'web-1', 'api-1', 'batch-1', 'acme-prod-records', 'acme-prod-public']));
    expect(prod.find((f) => f.resource.name === 'acme-prod')?.status).toBe('PASS');
    expect(prod.find((f) => f.resource.name === 'acme-prod-public')?.status).toBe('FAIL');
    expect(prod.filter((f) => ['sales', 'events'].includes(f.resource.name)).map((f) => [f.resource.name, f.status]).sort()).toEqual([['events', 'FAIL'], ['sales', 'PASS']]);
    expect(verdicts(labels.filter((f) => f.resource.account === 'acme-quiet')).map((f) => [f.resource.name, f.status])).toEqual([['acme-quiet', 'FAIL']]);
    expect(doc.scan.complete).toBe(false);
    expect(INCOMPLETE).toContain(code);
  }, 180_000);
});

describe.each(['auto', 'arm'] as const)('Azure: one resource type, or one subscription, refused (collection: %s)', (collection) => {
  const STORAGE = 'Microsoft.Storage/storageAccounts';
  const [SUB1, SUB2, SUB3] = [w.subId(1), w.subId(2), w.subId(3)];
  let fake: AzureFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  /** Three subscriptions of the generated tenant, `change` applied to them; a service principal from the environment signs in at the fake. */
  async function azureScan(change: (s: FakeSubscription) => FakeSubscription) {
    const tenant = w.generatedTenant(3, 90);
    fake = await new AzureFake({ ...tenant, subscriptions: tenant.subscriptions.map(change) }).start();
    const ca = join(dir, 'azure-ca.pem');
    writeFileSync(ca, fake.ca);
    const config = {
      providers: { azure: { cloud: 'custom', tenantId: tenant.tenantId, entra: false, collection, endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url } } },
      policy: { requiredTags: [{ key: 'owner' }] },
    };
    const env = { AZURE_TENANT_ID: tenant.tenantId, AZURE_CLIENT_ID: 'dutyscan-test', AZURE_CLIENT_SECRET: 'not-a-secret', NODE_EXTRA_CA_CERTS: ca };
    const run = await scan(`azure-${collection}`, config, ['-p', 'azure', '--checks', 'azure-resources-resource-required-tags', 'azure-storage-account-min-tls-1-2'], env);
    return { ...run, tenant };
  }

  const tagged = (doc: Doc, sub: string) => verdicts(doc.findings.filter((f) => f.check.id === 'azure-resources-resource-required-tags' && f.resource.account === sub));

  it('storage accounts denied in one subscription: the tags check errs for that type there alone', async () => {
    const { code, doc, tenant } = await azureScan((s) => (s.id === SUB2
      ? { ...s, access: { subscription: [READER], denyAssignments: [{ name: 'no-storage', scope: `/subscriptions/${SUB2}`, actions: [`${STORAGE}/read`] }] } }
      : s));
    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    expect(errors.map((f) => [f.check.id, f.resource.id]).sort()).toEqual([
      ['azure-resources-resource-required-tags', `azure:${SUB2}/resourceTypes/${STORAGE}`],
      ['azure-storage-account-min-tls-1-2', `azure:${SUB2}`],
    ]);
    for (const f of errors) {
      expect(f.error).toMatchObject({ code: 'ACCESS_DENIED', operation: `${STORAGE}/read`, origin: 'collection' });
      expect(f.error?.message).toMatch(/deny assignment 'no-storage'/);
    }
    // Every resource of the subscription but its storage accounts is judged, and every resource elsewhere.
    const resources = (sub: string) => tenant.subscriptions.find((s) => s.id === sub)!.resources;
    expect(tagged(doc, SUB2).map((f) => f.resource.name).sort()).toEqual(resources(SUB2).filter((r) => r.type !== STORAGE).map((r) => r.name).sort());
    for (const sub of [SUB1, SUB3]) expect(tagged(doc, sub).map((f) => f.resource.name).sort()).toEqual(resources(sub).map((r) => r.name).sort());
    expect(doc.scan.complete).toBe(false);
    expect(INCOMPLETE).toContain(code);
  }, 180_000);

  it('one subscription refused: ERROR for it alone, the others judged', async () => {
    const { code, doc, tenant } = await azureScan((s) => (s.id === SUB3 ? { ...s, denied: true } : s));
    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) expect(f.resource.id, f.check.id).toBe(`azure:${SUB3}`);
    expect(errors[0]?.error?.code).toBe('ACCESS_DENIED');
    for (const sub of [SUB1, SUB2]) expect(tagged(doc, sub).length).toBe(tenant.subscriptions.find((s) => s.id === sub)!.resources.length);
    expect(INCOMPLETE).toContain(code);
  }, 180_000);
});

describe('AWS: one region\'s listing, or one resource\'s tags, refused', () => {
  let fake: FakeAws | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const TAG_CHECKS = ['aws-tagging-resource-required-tags', 'aws-ec2-instance-required-tags', 'aws-s3-bucket-required-tags'];

  it.each([
    { service: 'tagging', operation: 'GetResources', grant: 'tag:GetResources', check: 'aws-tagging-resource-required-tags', at: (account: string) => `aws:${account}/eu-west-1` },
    { service: 'ec2', operation: 'DescribeInstances', grant: 'ec2:DescribeInstances', check: 'aws-ec2-instance-required-tags', at: (account: string) => `aws:${account}/eu-west-1` },
    // A per-resource read: the ERROR is that bucket's alone.
    { service: 's3', operation: 'GetBucketTagging', grant: 's3:GetBucketTagging', check: 'aws-s3-bucket-required-tags', at: () => 'arn:aws:s3:::eu-bucket' },
  ])('$grant refused in eu-west-1: $check errs there alone, every other region and type is judged', async ({ service, operation, grant, check, at }) => {
    const a = richAccount();
    ec2Region(a, 'eu-west-1').instances.push({ InstanceId: 'i-eu', InstanceType: 't3.micro', State: { Name: 'running', Code: 16 }, ImageId: 'ami-1', LaunchTime: new Date('2026-01-01T00:00:00Z'), SecurityGroups: [], BlockDeviceMappings: [], Tags: [{ Key: 'owner', Value: 'eu' }] });
    a.tagged = {
      'us-east-1': [{ ResourceARN: `arn:aws:lambda:us-east-1:${a.id}:function:orders`, Tags: [{ Key: 'owner', Value: 'orders' }] }, { ResourceARN: `arn:aws:sqs:us-east-1:${a.id}:jobs`, Tags: [] }],
      'eu-west-1': [{ ResourceARN: `arn:aws:lambda:eu-west-1:${a.id}:function:eu-orders`, Tags: [{ Key: 'owner', Value: 'orders' }] }],
    };
    fake = await FakeAws.start(singleAccountState(a));
    fake.fault({ service, operation, region: 'eu-west-1', status: 400, code: 'AccessDeniedException', message: `User is not authorized to perform: ${grant}` });
    const config = { providers: { aws: { endpoint: fake.url, s3ForcePathStyle: true, regions: ['us-east-1', 'eu-west-1'], maxAttempts: 1 } }, policy: { requiredTags: [{ key: 'owner' }] } };
    const { AWS_SESSION_TOKEN: _token, AWS_PROFILE: _profile, ...inherited } = process.env;
    const env = { ...inherited, AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true', NODE_NO_WARNINGS: '1' } as Record<string, string>;
    const { code, doc } = await scan('aws', config, ['-p', 'aws', '--checks', ...TAG_CHECKS], env);

    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    expect(errors.map((f) => [f.check.id, f.resource.id])).toEqual([[check, at(a.id)]]);
    expect(errors[0]?.error).toMatchObject({ code: 'ACCESS_DENIED', operation: `${service}:${operation}`, origin: 'collection' });
    expect(errors[0]?.error?.message).toContain(`grant ${grant}`);
    const judged = verdicts(doc.findings).map((f) => `${f.check.id} ${f.resource.region} ${f.resource.name} ${f.status}`);
    const expected = [
      'aws-tagging-resource-required-tags us-east-1 orders PASS', 'aws-tagging-resource-required-tags us-east-1 jobs FAIL', 'aws-tagging-resource-required-tags eu-west-1 eu-orders PASS',
      'aws-ec2-instance-required-tags us-east-1 web FAIL', 'aws-ec2-instance-required-tags eu-west-1 i-eu PASS',
      'aws-s3-bucket-required-tags us-east-1 logs-bucket PASS', 'aws-s3-bucket-required-tags us-east-1 bare-bucket FAIL', 'aws-s3-bucket-required-tags eu-west-1 eu-bucket FAIL',
    ];
    expect(judged.sort()).toEqual(expected.filter((v) => !v.startsWith(`${check} eu-west-1`)).sort());
    expect(doc.scan.complete).toBe(false);
    expect(INCOMPLETE).toContain(code);
  }, 180_000);
});
