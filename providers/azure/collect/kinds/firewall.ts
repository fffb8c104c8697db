import type { Observed } from '../../../../src/core/observed.js';
import type { AzureFirewallRule } from '../../model/types.js';
import type { KindContext } from '../kinds.js';
import * as n from '../normalise.js';
import { armList, observe } from './support.js';

/**
 * A server's firewall rules (SQL servers, PostgreSQL and MySQL flexible servers): a child listing
 * neither Resource Graph nor the server listing carries, so one ARM listing per server.
 */
export function firewallRules(ctx: KindContext, serverId: string, operation: string, apiVersion: string): Promise<Observed<readonly AzureFirewallRule[]>> {
  return observe(ctx, operation, async () => (await armList(ctx, operation, `${serverId}/firewallRules`, apiVersion)).map(n.firewallRule));
}
