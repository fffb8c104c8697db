import type { Observed } from '../../../../src/core/observed.js';
import type { AzureFlexibleServer } from '../../model/types.js';
import type { KindContext } from '../kinds.js';
import * as n from '../normalise.js';
import { firewallRules } from './firewall.js';
import { serviceKind } from './service.js';
import { armGet, observe } from './support.js';

/** What differs between the two engines: names of the same things. */
interface Engine {
  readonly armType: string;
  readonly apiVersion: string;
  readonly configurationsRead: string;
  readonly firewallRead: string;
  /** The server parameter holding the minimum TLS version. */
  readonly tlsParameter: string;
}

const POSTGRESQL: Engine = {
  armType: 'Microsoft.DBforPostgreSQL/flexibleServers',
  apiVersion: '2022-12-01',
  configurationsRead: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations/read',
  firewallRead: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/read',
  tlsParameter: 'ssl_min_protocol_version',
};

const MYSQL: Engine = {
  armType: 'Microsoft.DBforMySQL/flexibleServers',
  apiVersion: '2023-12-30',
  configurationsRead: 'Microsoft.DBforMySQL/flexibleServers/configurations/read',
  firewallRead: 'Microsoft.DBforMySQL/flexibleServers/firewallRules/read',
  tlsParameter: 'tls_version',
};

/** One server parameter's value: the TLS settings are parameters, which no listing carries (one read each). */
function parameter(ctx: KindContext, engine: Engine, serverId: string, name: string): Promise<Observed<string | null>> {
  return observe(ctx, engine.configurationsRead, async () => n.str(n.flat(await armGet(ctx, engine.configurationsRead, `${serverId}/configurations/${name}`, engine.apiVersion))['value']));
}

async function server(engine: Engine, row: n.Raw, ctx: KindContext): Promise<AzureFlexibleServer> {
  const r = n.flat(row);
  const { id, resourceGroup } = n.located(r);
  const backup = n.obj(r['backup']);
  const [requireSecureTransport, tlsVersion, rules] = await Promise.all([
    parameter(ctx, engine, id, 'require_secure_transport'),
    parameter(ctx, engine, id, engine.tlsParameter),
    firewallRules(ctx, id, engine.firewallRead, engine.apiVersion),
  ]);
  return {
    resourceGroup,
    version: n.str(r['version']),
    publicNetworkAccess: n.str(n.obj(r['network'])['publicNetworkAccess']),
    geoRedundantBackup: n.str(backup['geoRedundantBackup']),
    backupRetentionDays: n.num(backup['backupRetentionDays']),
    requireSecureTransport,
    tlsVersion,
    firewallRules: rules,
  };
}

export const postgresqlServers = serviceKind({ type: 'azure.postgresql.flexible-server', armType: POSTGRESQL.armType, apiVersion: POSTGRESQL.apiVersion, data: (row, ctx) => server(POSTGRESQL, row, ctx) });
export const mysqlServers = serviceKind({ type: 'azure.mysql.flexible-server', armType: MYSQL.armType, apiVersion: MYSQL.apiVersion, data: (row, ctx) => server(MYSQL, row, ctx) });
