import type { Kind } from '../kinds.js';
import { aksClusters } from './aks.js';
import { webApps } from './appservice.js';
import { cosmosAccounts } from './cosmosdb.js';
import { mysqlServers, postgresqlServers } from './flexible.js';
import { recoveryVaults } from './recoveryservices.js';

/** The kinds read from the shared `services` Resource Graph query (one file per service). */
export const SERVICE_KINDS: readonly Kind[] = [cosmosAccounts, postgresqlServers, mysqlServers, webApps, aksClusters, recoveryVaults] as readonly Kind[];
