import { seen } from '../../../src/core/observed.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { observe, present, where, type ProjectContext, type TypeCollectors } from './context.js';
import { jsonObject } from './errors.js';
import { isoTime } from './normalise.js';

/** Service accounts with their user-managed keys (one call per account). */
async function serviceAccounts(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  const { caller, clients } = ctx;
  if (!present(ctx, 'iam.googleapis.com/ServiceAccount')) return seen([]);
  const accounts = await observe(
    caller.pages({ service: 'iam', operation: 'iam.serviceAccounts.list', account: id }, async (token, signal) => {
      const res = await clients.iam.projects.serviceAccounts.list({ name: `projects/${id}`, pageSize: 100, ...(token ? { pageToken: token } : {}) }, { signal });
      jsonObject(res.data, 'iam.serviceAccounts.list');
      return { items: res.data.accounts ?? [], next: res.data.nextPageToken };
    }),
    'iam.serviceAccounts.list',
    id,
  );
  if (!accounts.ok) return accounts;
  return seen(await Promise.all(accounts.value.map(async (a) => {
    const email = String(a.email);
    const keys = await observe(
      caller.call({ service: 'iam', operation: 'iam.serviceAccountKeys.list', account: id }, async (signal) => {
        const res = await clients.iam.projects.serviceAccounts.keys.list({ name: `projects/${id}/serviceAccounts/${email}`, keyTypes: ['USER_MANAGED'] }, { signal });
        jsonObject(res.data, 'iam.serviceAccountKeys.list');
        return (res.data.keys ?? []).map((k) => ({
          name: String(k.name),
          keyType: String(k.keyType ?? 'USER_MANAGED'),
          validAfterTime: k.validAfterTime ? isoTime(k.validAfterTime) : null,
          validBeforeTime: k.validBeforeTime ? isoTime(k.validBeforeTime) : null,
          disabled: k.disabled === true,
        })).filter((k) => k.keyType === 'USER_MANAGED');
      }),
      'iam.serviceAccountKeys.list',
      id,
    );
    return resource('gcp.iam.service-account', where(ctx, GLOBAL_REGION), {
      id: `//iam.googleapis.com/projects/${id}/serviceAccounts/${String(a.uniqueId ?? email)}`,
      name: email,
      data: { email, uniqueId: String(a.uniqueId ?? ''), disabled: a.disabled === true, userManagedKeys: keys },
    });
  })));
}

export const iam: TypeCollectors = { 'gcp.iam.service-account': serviceAccounts };
