import type { ProviderAdapter } from '../../src/core/provider.js';
import { defineProvider } from '../../src/core/descriptor.js';
import { gcpConfigSchema } from './config.js';
import { gcpDemo, gcpDemoPolicy } from './demo.js';

export const gcp = defineProvider({
  id: 'gcp',
  title: 'GCP',
  configSchema: gcpConfigSchema,
  ocsf: { provider: 'GCP', accountTypeId: 11, accountType: 'GCP Project' },
  // A project's regions are all read by the same calls: only projects narrow it.
  narrow: (config, scope) => (scope.accounts ? { ...config, projects: [...scope.accounts] } : config),
  flags: [],
  applyFlags: () => undefined,
  permissions: 'deploy/gcp/dutyscan-reader-role.yaml',
  serviceDocs: {
    iam: 'https://cloud.google.com/iam/docs',
    workspace: 'https://support.google.com/a/answer/175197',
    compute: 'https://cloud.google.com/compute/docs',
    storage: 'https://cloud.google.com/storage/docs',
    sql: 'https://cloud.google.com/sql/docs',
    kms: 'https://cloud.google.com/kms/docs',
    logging: 'https://cloud.google.com/logging/docs',
    asset: 'https://cloud.google.com/asset-inventory/docs',
    gke: 'https://cloud.google.com/kubernetes-engine/docs',
    bigquery: 'https://cloud.google.com/bigquery/docs',
    pubsub: 'https://cloud.google.com/pubsub/docs',
    run: 'https://cloud.google.com/run/docs',
    functions: 'https://cloud.google.com/functions/docs',
    apikeys: 'https://cloud.google.com/docs/authentication/api-keys',
    essentialcontacts: 'https://cloud.google.com/resource-manager/docs/managing-notification-contacts',
  },
  demo: { listings: gcpDemo, policy: gcpDemoPolicy },
  createAdapter: async (config, options): Promise<ProviderAdapter> => (await import('./adapter.js')).createAdapter(config, options),
});
