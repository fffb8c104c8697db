import { defineCheck, type ResourceCheck } from '../../../src/core/check.js';
import type { AzureBlobServiceSettings } from '../../../providers/azure/model/types.js';
import '../../../providers/azure/model/types.js';

/** Blob and container soft delete: the same rule over two settings of the blob service. */
export function softDeleteCheck(spec: {
  readonly id: string;
  readonly what: 'blobs' | 'containers';
  readonly days: (s: AzureBlobServiceSettings) => number | null;
  readonly cli: string;
  readonly references?: readonly string[];
}): ResourceCheck<'azure.storage.account', { minRetentionDays: number }> {
  return defineCheck<'azure.storage.account', { minRetentionDays: number }>({
    id: spec.id,
    title: `Storage accounts keep deleted ${spec.what} recoverable for the required days`,
    provider: 'azure',
    service: 'storage',
    resourceType: 'azure.storage.account',
    duty: 'backups',
    severity: 'medium',
    rationale: `Without soft delete, ${spec.what} deleted by mistake, by a faulty job or by an attacker are gone at once; soft delete keeps them restorable for the retention period.`,
    remediation: { text: `Enable soft delete for ${spec.what} with at least the required retention.`, cli: spec.cli },
    ...(spec.references ? { references: spec.references } : {}),
    defaults: { minRetentionDays: 7 },
    assess(account, ctx) {
      const service = ctx.known(account.data.blobService);
      if (service === null) return ctx.notApplicable('The account has no blob service', { kind: account.data.kind });
      const days = spec.days(service);
      const evidence = { retentionDays: days, minRetentionDays: ctx.params.minRetentionDays };
      if (days === null) return ctx.fail(`Soft delete for ${spec.what} is off`, evidence);
      return days >= ctx.params.minRetentionDays
        ? ctx.pass(`Deleted ${spec.what} are kept ${days} days`, evidence)
        : ctx.fail(`Deleted ${spec.what} are kept ${days} days, fewer than ${ctx.params.minRetentionDays}`, evidence);
    },
  });
}
