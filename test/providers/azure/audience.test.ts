import { afterEach, describe, expect, it } from 'vitest';
import { azureConfigSchema } from '../../../providers/azure/config.js';
import { resolveCloud } from '../../../providers/azure/collect/cloud.js';
import { AzureFake } from '../../fakes/azure/server.js';
import * as w from '../../fakes/azure/tenant.js';
import { itemsOf, scan } from './support.js';

const SUB = '00000000-0000-0000-0000-0000000000a1';
const TENANT = '11111111-1111-1111-1111-111111111111';

let fake: AzureFake | undefined;
afterEach(async () => {
  expect(fake?.unrouted ?? []).toEqual([]);
  await fake?.close();
  fake = undefined;
});

describe('Azure token audiences', () => {
  it('default to the endpoint hosts, as before', () => {
    const cloud = resolveCloud(azureConfigSchema.parse({ cloud: 'custom', endpoints: { resourceManager: 'https://10.0.0.4/', graph: 'https://10.0.0.5', authorityHost: 'https://login.example' } }));
    expect([cloud.armScope, cloud.graphScope]).toEqual(['https://10.0.0.4/.default', 'https://10.0.0.5/.default']);
  });

  it('are settings: an App ID URI or a full scope, for a private endpoint whose host is not its audience', () => {
    const cloud = resolveCloud(azureConfigSchema.parse({
      endpoints: { resourceManager: 'https://arm.private.example' },
      audiences: { resourceManager: 'https://management.azure.com/', graph: 'https://graph.microsoft.com/.default' },
    }));
    expect(cloud.resourceManager).toBe('https://arm.private.example');
    expect([cloud.armScope, cloud.graphScope]).toEqual(['https://management.azure.com/.default', 'https://graph.microsoft.com/.default']);
    expect(azureConfigSchema.safeParse({ audiences: { keyVault: 'https://vault.azure.net' } }).success).toBe(false);
  });

  it('a scan against an endpoint at 127.0.0.1 asks for tokens of the configured public audiences only', async () => {
    fake = await new AzureFake({
      tenantId: TENANT,
      users: [{ userPrincipalName: 'admin@contoso.com', isAdmin: true, isMfaRegistered: true }],
      subscriptions: [{ id: SUB, name: 'contoso-prod', resourceGroups: [{ name: 'rg-app', location: 'westeurope' }], resources: [w.storage(SUB, 'rg-app', 'stgood')], children: [] }],
    }).start();
    expect(new URL(fake.url).hostname).toBe('127.0.0.1');
    const { listings, credential } = await scan(fake, { tenantId: TENANT, audiences: { resourceManager: 'https://management.azure.com', graph: 'https://graph.microsoft.com' } });
    expect(itemsOf(listings, 'azure.storage.account', SUB).map((a) => a.name)).toEqual(['stgood']);
    expect(itemsOf(listings, 'azure.entra.user').length).toBe(1);
    expect([...new Set(credential.scopes)].sort()).toEqual(['https://graph.microsoft.com/.default', 'https://management.azure.com/.default']);
  });
});
