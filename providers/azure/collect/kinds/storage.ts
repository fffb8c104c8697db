import type { Observed } from '../../../../src/core/observed.js';
import { seen } from '../../../../src/core/observed.js';
import type { AzureBlobServiceSettings } from '../../model/types.js';
import type { KindContext } from '../kinds.js';
import * as n from '../normalise.js';
import { armGet, observe } from './support.js';

const BLOB_SERVICE_READ = 'Microsoft.Storage/storageAccounts/blobServices/read';

/** Days kept when a soft-delete policy is on, null when it is off. */
const retention = (policy: unknown): number | null => (n.bool(n.obj(policy)['enabled']) ? n.num(n.obj(policy)['days']) ?? 7 : null);

export function blobServiceSettings(raw: unknown): AzureBlobServiceSettings {
  const r = n.flat(raw);
  return {
    blobSoftDeleteDays: retention(r['deleteRetentionPolicy']),
    containerSoftDeleteDays: retention(r['containerDeleteRetentionPolicy']),
    versioning: n.bool(r['isVersioningEnabled']) ?? false,
  };
}

/**
 * The account's blob service settings: neither Resource Graph nor the account listing carries
 * them, so one ARM read per account. A FileStorage account has no blob service to read.
 */
export function blobService(ctx: KindContext, account: n.Raw): Promise<Observed<AzureBlobServiceSettings | null>> {
  if (n.str(account['kind'])?.toLowerCase() === 'filestorage') return Promise.resolve(seen(null));
  return observe(ctx, BLOB_SERVICE_READ, async () => blobServiceSettings(await armGet(ctx, BLOB_SERVICE_READ, `${n.located(account).id}/blobServices/default`, '2023-05-01')));
}
