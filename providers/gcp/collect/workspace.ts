import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { GcpWorkspaceUser } from '../model/types.js';
import { observe, where, type GcpContext } from './context.js';
import { jsonObject } from './errors.js';

/** The `workspace` task of the organisation target: the directory's users, when a Workspace admin is configured. */
export async function directory(ctx: GcpContext): Promise<Listing> {
  const { scope, config } = ctx;
  const workspace = config.workspace;
  const here = where(ctx, GLOBAL_REGION);
  const customer = workspace?.customer ?? 'my_customer';
  const id = `//admin.googleapis.com/customers/${customer}`;
  const client = ctx.clients.directory();
  if (!workspace || !client) {
    return listing(scope, 'gcp.workspace.directory', [resource('gcp.workspace.directory', here, { id, name: customer, data: { customer, adminSubject: null, users: null } })]);
  }
  const users = await observe(
    client.then((admin) =>
      ctx.caller.pages({ service: 'admin', operation: 'admin.directory.users.list', account: scope.account }, async (token, signal) => {
        const res = await admin.users.list({ customer, maxResults: 500, projection: 'basic', ...(token ? { pageToken: token } : {}) }, { signal });
        jsonObject(res.data, 'admin.directory.users.list');
        return { items: res.data.users ?? [], next: res.data.nextPageToken };
      }),
    ),
    'admin.directory.users.list',
    scope.account,
  );
  if (!users.ok) return failedListing(scope, 'gcp.workspace.directory', users.error);
  const list: GcpWorkspaceUser[] = users.value.map((u) => ({
    primaryEmail: String(u.primaryEmail ?? ''),
    isAdmin: u.isAdmin === true,
    suspended: u.suspended === true,
    archived: u.archived === true,
    isEnrolledIn2Sv: u.isEnrolledIn2Sv === true,
    isEnforcedIn2Sv: u.isEnforcedIn2Sv === true,
  }));
  return listing(scope, 'gcp.workspace.directory', [
    resource('gcp.workspace.directory', here, { id, name: customer, data: { customer, adminSubject: workspace.adminSubject, users: list } }),
  ]);
}
