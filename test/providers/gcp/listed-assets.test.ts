import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Listing } from '../../../src/core/inventory.js';
import type { Resource, ResourceType } from '../../../src/core/resource.js';
import { installOrg, type FakeProject } from '../../fakes/gcp/org.js';
import { GcpFake } from '../../fakes/gcp/server.js';
import type { FakeAsset } from '../../fakes/gcp/listed-assets.js';
import { fixtureOrg, PROD } from './fixture-org.js';
import { collect, fakeConfig, listingOf } from './support.js';

let fake: GcpFake;
beforeEach(async () => {
  fake = await new GcpFake().start();
});
afterEach(async () => {
  expect(fake.unrouted).toEqual([]);
  await fake.close();
});

const P = PROD.id;
const publicInvoker = (role: string) => ({ bindings: [{ role, members: ['allUsers'] }] });
export const LISTED: readonly FakeAsset[] = [
  {
    assetType: 'container.googleapis.com/Cluster', path: `projects/${P}/locations/europe-west1/clusters/gke-prod`, location: 'europe-west1',
    data: {
      name: 'gke-prod', location: 'europe-west1', resourceLabels: { owner: 'platform' },
      privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false },
      masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '10.0.0.0/8' }] },
      legacyAbac: { enabled: false }, workloadIdentityConfig: { workloadPool: `${P}.svc.id.goog` },
      databaseEncryption: { state: 'ENCRYPTED', keyName: 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/gke' },
      loggingService: 'logging.googleapis.com/kubernetes', monitoringService: 'none', shieldedNodes: { enabled: true },
      releaseChannel: { channel: 'REGULAR' }, networkPolicy: { enabled: true },
      nodePools: [
        { name: 'pool-a', management: { autoUpgrade: true, autoRepair: true }, config: { serviceAccount: `nodes@${P}.iam.gserviceaccount.com`, shieldedInstanceConfig: { enableSecureBoot: true } } },
        { name: 'pool-b', management: { autoUpgrade: false, autoRepair: true }, config: { serviceAccount: 'default' } },
      ],
    },
  },
  {
    assetType: 'bigquery.googleapis.com/Dataset', path: `projects/${P}/datasets/sales`, location: 'EU',
    data: { datasetReference: { datasetId: 'sales', projectId: P }, location: 'EU', defaultEncryptionConfiguration: { kmsKeyName: 'projects/k/locations/eu/keyRings/r/cryptoKeys/bq' }, access: [{ role: 'READER', specialGroup: 'allAuthenticatedUsers' }, { role: 'OWNER', userByEmail: 'boss@acme.example' }], labels: { owner: 'data' } },
    policy: { bindings: [{ role: 'roles/bigquery.dataViewer', members: ['allAuthenticatedUsers'] }] },
  },
  { assetType: 'pubsub.googleapis.com/Topic', path: `projects/${P}/topics/orders`, location: 'global', data: { name: `projects/${P}/topics/orders`, kmsKeyName: 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/ps' }, policy: { bindings: [] } },
  { assetType: 'run.googleapis.com/Service', path: `projects/${P}/locations/europe-west1/services/web`, location: 'europe-west1', data: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'web', annotations: { 'run.googleapis.com/ingress': 'internal' } } }, policy: publicInvoker('roles/run.invoker') },
  { assetType: 'cloudfunctions.googleapis.com/CloudFunction', path: `projects/${P}/locations/europe-west1/functions/hook`, location: 'europe-west1', data: { name: 'hook', httpsTrigger: { url: 'https://x', securityLevel: 'SECURE_OPTIONAL' }, ingressSettings: 'ALLOW_ALL' }, policy: publicInvoker('roles/cloudfunctions.invoker') },
  { assetType: 'cloudfunctions.googleapis.com/Function', path: `projects/${P}/locations/europe-west1/functions/etl`, location: 'europe-west1', data: { name: 'etl', environment: 'GEN_2', serviceConfig: { ingressSettings: 'ALLOW_INTERNAL_ONLY' }, eventTrigger: { eventType: 'google.cloud.pubsub.topic.v1.messagePublished' } } },
  { assetType: 'apikeys.googleapis.com/Key', path: `projects/1001/locations/global/keys/k1`, location: 'global', data: { displayName: 'maps', createTime: '2026-01-01T00:00:00Z', restrictions: { browserKeyRestrictions: { allowedReferrers: ['*.acme.example'] }, apiTargets: [{ service: 'maps.googleapis.com' }] } } },
  { assetType: 'apikeys.googleapis.com/Key', path: `projects/1001/locations/global/keys/k2`, location: 'global', data: { displayName: 'anything', createTime: '2025-01-01T00:00:00Z' } },
  { assetType: 'essentialcontacts.googleapis.com/Contact', path: `projects/${P}/contacts/1`, location: 'global', data: { email: 'ops@acme.example', notificationCategorySubscriptions: ['TECHNICAL'] } },
];
const ORG_CONTACT: FakeAsset = { assetType: 'essentialcontacts.googleapis.com/Contact', path: 'organizations/123/contacts/9', location: 'global', data: { email: 'soc@acme.example', notificationCategorySubscriptions: ['SECURITY'] } };

const items = <T extends ResourceType>(listings: readonly Listing[], type: T): Resource<T>[] => {
  const l = listingOf(listings, P, type);
  if (!l.items.ok) throw new Error(`${type}: ${l.items.error.message}`);
  return l.items.value as Resource<T>[];
};

describe('GCP services read from Cloud Asset Inventory ListAssets', () => {
  const org = (project: Partial<FakeProject> = {}) => fixtureOrg({ projects: [{ ...PROD, assets: LISTED, ...project }], containerAssets: { 'organizations/123': [ORG_CONTACT] } });

  test('one paged resource listing and one policy listing per project carry every service, through the real SDK', async () => {
    installOrg(fake, org());
    const { listings } = await collect(fakeConfig(fake, { projects: [P] }), { types: ['gcp.container.cluster', 'gcp.bigquery.dataset', 'gcp.pubsub.topic', 'gcp.run.service', 'gcp.functions.function', 'gcp.apikeys.key', 'gcp.essentialcontacts.project'] });
    const [cluster] = items(listings, 'gcp.container.cluster');
    expect(cluster?.name).toBe('gke-prod');
    expect(cluster?.tags).toEqual({ owner: 'platform' });
    expect(cluster?.data).toMatchObject({
      privateEndpoint: false, privateNodes: true, authorizedNetworks: ['10.0.0.0/8'], legacyAbac: false, workloadPool: `${P}.svc.id.goog`,
      secretsKmsKey: 'projects/k/locations/europe-west1/keyRings/r/cryptoKeys/gke', monitoringService: 'none', shieldedNodes: true, releaseChannel: 'REGULAR',
      nodePools: [{ name: 'pool-a', autoUpgrade: true, autoRepair: true, secureBoot: true }, { name: 'pool-b', autoUpgrade: false, secureBoot: false, serviceAccount: 'default' }],
    });
    const [dataset] = items(listings, 'gcp.bigquery.dataset');
    expect(dataset?.data).toMatchObject({ location: 'EU', defaultKmsKeyName: 'projects/k/locations/eu/keyRings/r/cryptoKeys/bq', access: [{ role: 'READER', member: 'allAuthenticatedUsers' }, { role: 'OWNER', member: 'user:boss@acme.example' }] });
    expect(dataset?.data.iamBindings).toMatchObject({ ok: true, value: [{ role: 'roles/bigquery.dataViewer', members: ['allAuthenticatedUsers'] }] });
    expect(items(listings, 'gcp.pubsub.topic')[0]?.data.kmsKeyName).toContain('cryptoKeys/ps');
    expect(items(listings, 'gcp.run.service')[0]?.data).toMatchObject({ ingress: 'internal', iamBindings: { ok: true, value: [{ role: 'roles/run.invoker', members: ['allUsers'] }] } });
    expect(items(listings, 'gcp.functions.function').map((f) => [f.name, f.data.generation, f.data.httpTrigger, f.data.httpsSecurityLevel, f.data.ingressSettings])).toEqual([
      ['hook', 1, true, 'SECURE_OPTIONAL', 'ALLOW_ALL'], ['etl', 2, false, null, 'ALLOW_INTERNAL_ONLY'],
    ]);
    expect(items(listings, 'gcp.apikeys.key').map((k) => [k.name, k.data.applicationRestriction, k.data.apiTargets])).toEqual([['maps', 'browser', ['maps.googleapis.com']], ['anything', null, []]]);
    const [contacts] = items(listings, 'gcp.essentialcontacts.project');
    expect(contacts?.data.own).toEqual([{ email: 'ops@acme.example', categories: ['TECHNICAL'], source: `projects/${P}` }]);
    expect(contacts?.data.inherited).toMatchObject({ ok: true, value: [{ email: 'soc@acme.example', categories: ['SECURITY'], source: 'organizations/123' }] });
    // One resource listing and one policy listing for the project, however many services read them.
    const firstPages = fake.requests.filter((r) => r.path === `/v1/projects/${P}/assets` && !new URLSearchParams(r.query).has('pageToken'));
    expect(firstPages.map((r) => new URLSearchParams(r.query).get('contentType')).sort()).toEqual(['1', '2']);
  });

  test('a refused listing is an ERROR naming the permission for every type it carries, never an empty answer', async () => {
    installOrg(fake, org({ denied: true }));
    const { listings } = await collect(fakeConfig(fake, { projects: [P] }), { types: ['gcp.container.cluster', 'gcp.apikeys.key'] });
    for (const type of ['gcp.container.cluster', 'gcp.apikeys.key'] as const) {
      const l = listingOf(listings, P, type);
      expect(l.items.ok ? 'ok' : [l.items.error.code, l.items.error.operation]).toEqual(['ACCESS_DENIED', 'cloudasset.assets.listResource']);
    }
  });

  test('a disabled Cloud Asset API is NOT_ENABLED naming the API, never "no clusters"', async () => {
    installOrg(fake, org({ disabled: ['cloudasset'] }));
    const { listings } = await collect(fakeConfig(fake, { projects: [P] }), { types: ['gcp.container.cluster'] });
    const l = listingOf(listings, P, 'gcp.container.cluster');
    expect(l.items.ok ? 'ok' : [l.items.error.code, l.items.error.operation]).toEqual(['NOT_ENABLED', 'cloudasset.googleapis.com']);
  });

  test('in CAI mode the policies come from the organisation-wide search: no per-project policy listing', async () => {
    installOrg(fake, { ...org(), cai: 'enabled' });
    const { listings } = await collect(fakeConfig(fake, { organization: '123' }), { types: ['gcp.run.service'] });
    expect(items(listings, 'gcp.run.service')[0]?.data.iamBindings).toMatchObject({ ok: true, value: [{ role: 'roles/run.invoker', members: ['allUsers'] }] });
    expect(new Set(fake.requests.filter((r) => r.path === `/v1/projects/${P}/assets`).map((r) => new URLSearchParams(r.query).get('contentType')))).toEqual(new Set(['1']));
  });
});
