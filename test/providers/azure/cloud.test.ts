import { describe, expect, it } from 'vitest';
import { azureConfigSchema } from '../../../providers/azure/config.js';
import { resolveCloud } from '../../../providers/azure/collect/cloud.js';
import { classifyAzureError, parseQuotaReset, retryAfterMs, AzureHttpError } from '../../../providers/azure/collect/errors.js';

describe('Azure clouds and endpoints', () => {
  it('knows the sovereign clouds and derives both token scopes from the hosts', () => {
    const china = resolveCloud(azureConfigSchema.parse({ cloud: 'china' }));
    expect(china).toMatchObject({
      resourceManager: 'https://management.chinacloudapi.cn',
      resourceGraph: 'https://management.chinacloudapi.cn',
      graph: 'https://microsoftgraph.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      armScope: 'https://management.chinacloudapi.cn/.default',
      graphScope: 'https://microsoftgraph.chinacloudapi.cn/.default',
      disableInstanceDiscovery: false,
    });
    expect(resolveCloud(azureConfigSchema.parse({ cloud: 'usgov' })).graph).toBe('https://graph.microsoft.us');
  });
  it('requires every host for a custom cloud and turns instance discovery off for it', () => {
    expect(azureConfigSchema.safeParse({ cloud: 'custom', endpoints: { resourceManager: 'https://arm.example' } }).success).toBe(false);
    const custom = resolveCloud(azureConfigSchema.parse({
      cloud: 'custom',
      endpoints: { resourceManager: 'https://arm.example/', graph: 'https://graph.example', authorityHost: 'https://login.example', resourceGraph: 'https://arg.example' },
    }));
    expect(custom).toMatchObject({ resourceManager: 'https://arm.example', resourceGraph: 'https://arg.example', armScope: 'https://arm.example/.default', disableInstanceDiscovery: true });
    expect(azureConfigSchema.safeParse({ endpoints: { graph: 'http://plain.example' } }).success).toBe(false);
  });
});

describe('Azure error classification', () => {
  const http = (status: number, code?: string, headers: Record<string, string> = {}) => new AzureHttpError('x', status, code, headers);
  it.each([
    [403, 'AuthorizationFailed', 'ACCESS_DENIED'],
    [401, 'InvalidAuthenticationToken', 'AUTH_FAILED'],
    [404, 'SubscriptionNotFound', 'NOT_FOUND'],
    [409, 'MissingSubscriptionRegistration', 'NOT_ENABLED'],
    [429, 'RateLimiting', 'THROTTLED'],
    [503, 'ServiceUnavailable', 'UNAVAILABLE'],
    [400, 'BadRequest', 'UNEXPECTED'],
  ] as const)('HTTP %i %s is %s', (status, code, expected) => {
    expect(classifyAzureError(http(status, code), 'Microsoft.Storage/storageAccounts/read')).toMatchObject({ code: expected, operation: 'Microsoft.Storage/storageAccounts/read', provider: 'azure' });
  });
  it('reads Retry-After in seconds or as a date, and the Resource Graph quota reset', () => {
    expect(retryAfterMs(http(429, undefined, { 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(http(429, undefined, { 'retry-after': new Date(10_000).toUTCString() }), 4000)).toBe(6000);
    expect(retryAfterMs(http(429, undefined, { 'x-ms-user-quota-resets-after': '00:00:03' }))).toBe(3000);
    expect(parseQuotaReset('01:02:03')).toBe(3_723_000);
    expect(retryAfterMs(http(429))).toBeUndefined();
  });
});

describe('ARM read budget', () => {
  it('pauses a subscription whose remaining reads run low', async () => {
    const { ArmBudget } = await import('../../../providers/azure/collect/calls.js');
    const pino = (await import('pino')).default;
    const budget = new ArmBudget(pino({ level: 'silent' }));
    expect(budget.delayFor('s1')).toBe(0);
    budget.observe('s1', (h) => (h === 'x-ms-ratelimit-remaining-subscription-reads' ? '250' : undefined));
    expect(budget.delayFor('s1')).toBe(0);
    budget.observe('s1', (h) => (h === 'x-ms-ratelimit-remaining-subscription-global-reads' ? '4' : h === 'x-ms-ratelimit-remaining-subscription-reads' ? '200' : undefined));
    expect(budget.delayFor('s1')).toBe(1000);
    expect(budget.delayFor('s2')).toBe(0);
  });
});

describe('Azure normalisers', () => {
  it('read a Resource Graph protected item by dataSourceInfo when sourceResourceId is absent', async () => {
    const { protectedItem } = await import('../../../providers/azure/collect/normalise.js');
    const item = protectedItem({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv/backupFabrics/Azure/protectionContainers/c/protectedItems/i',
      properties: { dataSourceInfo: { resourceID: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1' }, protectionState: 'Protected', policyName: 'daily' },
    });
    expect(item).toMatchObject({ vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv', sourceResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1', policyName: 'daily' });
  });
});
