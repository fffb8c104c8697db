import { GcpFake, rateLimited } from './server.js';
import { GcpClients } from '../../../providers/gcp/collect/clients.js';
import { gcpConfigSchema } from '../../../providers/gcp/config.js';
const fake = await new GcpFake().start();
fake.route('GET', '/compute/v1/projects/p1/aggregated/instances', (r) => r.query.get('pageToken') ? { body: { items: { 'zones/europe-west1-c': { instances: [{ name: 'vm2', status: 'RUNNING' }] } } } } : { body: { items: { 'zones/europe-west1-b': { instances: [{ name: 'vm1', status: 'RUNNING', shieldedInstanceConfig: { enableVtpm: true } }] }, 'zones/us-east1-b': { warning: { code: 'NO_RESULTS_ON_PAGE' } } }, nextPageToken: 't2' } });
fake.route('GET', '/v1/projects/p1/locations/europe-west1/keyRings/r/cryptoKeys', { body: { cryptoKeys: [{ name: 'k', purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s', nextRotationTime: '2026-01-01T00:00:00Z', primary: { state: 'ENABLED' } }] } });
fake.route('GET', '/v1/projects/p1/locations', { body: { locations: [{ locationId: 'europe-west1', name: 'projects/p1/locations/europe-west1' }] } });
fake.route('POST', '/v3/projects/p1:getIamPolicy', { body: { version: 3, bindings: [{ role: 'roles/owner', members: ['user:a@b.com'] }], auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:x'] }] }] } });
fake.route('GET', '/v1/organizations/1:searchAllResources', rateLimited('cloudasset.googleapis.com'));
fake.route('GET', '/v1/organizations/1:searchAllIamPolicies', rateLimited('cloudasset.googleapis.com'));
fake.route('GET', '/v2/projects/p1/sinks', rateLimited('logging.googleapis.com'));
fake.route('GET', '/storage/v1/b', rateLimited('storage.googleapis.com'));
const u = fake.url;
const cfg = gcpConfigSchema.parse({ endpoints: { resourcemanager: u, asset: u, compute: u, kms: u, storage: u, sqladmin: u, iam: u, logging: u, admin: u } });
const c = await GcpClients.create(cfg, { accessToken: 'tok' }, 5000);
await c.instances.initialize();
const inner = (c.instances as any).innerApiCalls.aggregatedList;
const r1 = await inner({ project: 'p1', maxResults: 500 }, { autoPaginate: false });
console.log(JSON.stringify(r1).slice(0, 600));
const keys = await c.kms.listCryptoKeys({ parent: 'projects/p1/locations/europe-west1/keyRings/r' }, { autoPaginate: false });
console.log(JSON.stringify(keys[0]), keys[1]);
const locs: unknown[] = []; for await (const l of c.kms.listLocationsAsync({ name: 'projects/p1' })) locs.push(l); console.log(JSON.stringify(locs));
const pol = await c.projects.getIamPolicy({ resource: 'projects/p1', options: { requestedPolicyVersion: 3 } });
console.log(JSON.stringify(pol[0]));
for (const [n, f] of [['sar', () => c.asset.searchAllResources({ scope: 'organizations/1' }, { autoPaginate: false })], ['saip', () => c.asset.searchAllIamPolicies({ scope: 'organizations/1' }, { autoPaginate: false })], ['sinks', () => c.logging.projects.sinks.list({ parent: 'projects/p1' })], ['buckets', () => c.storage.getBuckets({ project: 'p1', autoPaginate: false } as never)]] as const) {
  try { await f(); } catch (e) { const x = e as any; console.log('ERR', n, x.constructor?.name, 'code=', x.code, 'status=', x.status, 'reason=', x.reason, 'sd=', JSON.stringify(x.statusDetails)?.slice(0,200), 'msg=', String(x.message).slice(0, 200), Object.keys(x), 'resp.data=', JSON.stringify(x.response?.data)?.slice(0,100), 'errors=', JSON.stringify(x.errors)?.slice(0,200)); }
}
for (const r of fake.requests) console.log(r.method, r.path, r.query);
console.log('unrouted', fake.unrouted);
await c.close(); await fake.close();
