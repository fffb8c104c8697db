import type { ProviderAdapter } from '../../src/core/provider.js';
import { defineProvider } from '../../src/core/descriptor.js';
import { azureConfigSchema } from './config.js';
import { azureDemo, azureDemoPolicy } from './demo.js';

export const azure = defineProvider({
  id: 'azure',
  title: 'Azure',
  configSchema: azureConfigSchema,
  ocsf: { provider: 'Azure', accountTypeId: 13, accountType: 'Azure Subscription' },
  // Every region of a subscription comes in one Resource Graph query: only subscriptions narrow it.
  narrow: (config, scope) => (scope.accounts ? { ...config, subscriptions: [...scope.accounts] } : config),
  flags: [],
  applyFlags: () => undefined,
  permissions: 'deploy/azure/dutyscan-reader.role.json',
  serviceDocs: {
    entra: 'https://learn.microsoft.com/entra/identity/',
    authorization: 'https://learn.microsoft.com/azure/role-based-access-control/',
    keyvault: 'https://learn.microsoft.com/azure/key-vault/',
    storage: 'https://learn.microsoft.com/azure/storage/',
    compute: 'https://learn.microsoft.com/azure/virtual-machines/',
    sql: 'https://learn.microsoft.com/azure/azure-sql/',
    network: 'https://learn.microsoft.com/azure/virtual-network/',
    monitor: 'https://learn.microsoft.com/azure/azure-monitor/',
    security: 'https://learn.microsoft.com/azure/defender-for-cloud/',
    resources: 'https://learn.microsoft.com/azure/azure-resource-manager/',
    cosmosdb: 'https://learn.microsoft.com/azure/cosmos-db/',
    postgresql: 'https://learn.microsoft.com/azure/postgresql/flexible-server/',
    mysql: 'https://learn.microsoft.com/azure/mysql/flexible-server/',
    appservice: 'https://learn.microsoft.com/azure/app-service/',
    aks: 'https://learn.microsoft.com/azure/aks/',
    recoveryservices: 'https://learn.microsoft.com/azure/backup/',
  },
  demo: { listings: azureDemo, policy: azureDemoPolicy },
  createAdapter: async (config, options): Promise<ProviderAdapter> => (await import('./adapter.js')).createAdapter(config, options),
});
