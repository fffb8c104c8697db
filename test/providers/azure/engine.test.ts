import { afterEach, describe, expect, it } from 'vitest';
import { azureChecks } from '../../../checks/azure/index.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Finding } from '../../../src/core/finding.js';
import { runScan } from '../../../src/engine/scan.js';
import { loadCatalog, resolveContract } from '../../../src/mapping/catalog.js';
import { createAdapter } from '../../../providers/azure/adapter.js';
import { AzureFake, StubCredential } from '../../fakes/azure/server.js';
import * as w from '../../fakes/azure/tenant.js';
import { silentLog } from './support.js';

const OPEN = w.subId(1);
const LOCKED = w.subId(2);
const TENANT = '11111111-1111-1111-1111-111111111111';

let fake: AzureFake | undefined;
afterEach(async () => { await fake?.close(); fake = undefined; });

describe('Azure through the engine', () => {
  it('a subscription answering 403 yields ERROR findings for that subscription only; the rest is evaluated', async () => {
    fake = await new AzureFake({
      tenantId: TENANT,
      users: [{ userPrincipalName: 'admin@c.example', isAdmin: true, isMfaRegistered: true }],
      subscriptions: [
        {
          id: OPEN, name: 'open', resourceGroups: [{ name: 'rg', location: 'westeurope' }],
          resources: [w.storage(OPEN, 'rg', 'st1', { minimumTlsVersion: 'TLS1_0' })],
          children: [w.roleAssignment(OPEN, 1, 'a'), w.roleAssignment(OPEN, 2, 'b'), w.pricing(OPEN, 'VirtualMachines', 'Standard')],
        },
        { id: LOCKED, name: 'locked', denied: true, resourceGroups: [], resources: [], children: [] },
      ],
    }).start();
    const config = configSchema.parse({
      providers: { azure: { cloud: 'custom', tenantId: TENANT, endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url } } },
    });
    const adapter = await createAdapter(config.providers.azure!, { log: silentLog, callTimeoutMs: 10_000 }, { credential: new StubCredential(), ca: fake.ca });
    const catalog = loadCatalog();
    const findings: Finding[] = [];
    const summary = await runScan(
      { config, providers: ['azure'], checks: azureChecks, catalog, contract: resolveContract(catalog, config.contract), log: silentLog, adapters: { azure: adapter } },
      (f) => { findings.push(f); },
    );
    const errors = findings.filter((f) => f.status === 'ERROR');
    expect(new Set(errors.map((f) => f.resource.account))).toEqual(new Set([LOCKED]));
    expect(errors.every((f) => f.error?.code === 'ACCESS_DENIED')).toBe(true);
    expect(findings.find((f) => f.check.id === 'azure-storage-account-min-tls-1-2' && f.resource.name === 'st1')?.status).toBe('FAIL');
    expect(findings.find((f) => f.check.id === 'azure-entra-admin-mfa-registered' && f.resource.account === TENANT)?.status).toBe('PASS');
    // The tenant is evaluated only by the checks on users and on its MFA policies, the subscriptions never by them.
    expect(new Set(findings.filter((f) => f.resource.account === TENANT).map((f) => f.check.id))).toEqual(new Set([
      'azure-entra-admin-mfa-registered', 'azure-entra-user-mfa-registered',
      'azure-entra-tenant-policy-mfa-enforced-all-users', 'azure-entra-tenant-policy-mfa-enforced-admins', 'azure-entra-tenant-policy-legacy-auth-blocked',
    ]));
    // Neither security defaults nor a Conditional Access policy: MFA is registered but not enforced.
    expect(findings.find((f) => f.check.id === 'azure-entra-tenant-policy-mfa-enforced-all-users')?.status).toBe('FAIL');
    expect(summary.collectionMode.azure).toBe('resource-graph (1 subscriptions in 1 batch; 1 unreadable)');
    expect(summary.complete).toBe(false);
  });
});
