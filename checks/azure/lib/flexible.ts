import { defineCheck, type ResourceCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { firewallRangeCheck } from './firewall.js';
import { publicAccessDisabled } from './network.js';
import type { OpenRange } from './network.js';

/**
 * The checks PostgreSQL and MySQL flexible servers share: one rule each, written once, and a file
 * per (engine, rule) under checks/azure/<engine>/ that names it.
 */
export type Engine = 'postgresql' | 'mysql';
type ServerType = 'azure.postgresql.flexible-server' | 'azure.mysql.flexible-server';

const NAME: Record<Engine, string> = { postgresql: 'PostgreSQL flexible server', mysql: 'MySQL flexible server' };
const CLI: Record<Engine, string> = { postgresql: 'az postgres flexible-server', mysql: 'az mysql flexible-server' };
const typeOf = (engine: Engine): ServerType => `azure.${engine}.flexible-server`;
const base = (engine: Engine, rule: string) => ({ id: `azure-${engine}-flexible-server-${rule}`, provider: 'azure' as const, service: engine, resourceType: typeOf(engine) });

export function secureTransport(engine: Engine): ResourceCheck<ServerType> {
  return defineCheck<ServerType>({
    ...base(engine, 'secure-transport-required'),
    title: `${NAME[engine]}s refuse connections without TLS`,
    duty: 'encryption-in-transit',
    severity: 'high',
    rationale: 'With require_secure_transport OFF the server accepts unencrypted connections: passwords and data then cross the network in clear text.',
    remediation: { text: 'Set the server parameter require_secure_transport to ON.', cli: `${CLI[engine]} parameter set --resource-group <rg> --server-name <server> --name require_secure_transport --value ON` },
    ...(engine === 'postgresql' ? { references: ['CIS Microsoft Azure Foundations 3.0.0 5.2.1'] } : { references: ['CIS Microsoft Azure Foundations 3.0.0 5.3.1'] }),
    assess(server, ctx) {
      const value = ctx.known(server.data.requireSecureTransport);
      const evidence = { require_secure_transport: value };
      // The default is ON: only an explicit OFF turns it off.
      return value === null || value.toUpperCase() === 'ON'
        ? ctx.pass('require_secure_transport is ON', evidence)
        : ctx.fail(`require_secure_transport is ${value}`, evidence);
    },
  });
}

const TLS_PARAMETER: Record<Engine, string> = { postgresql: 'ssl_min_protocol_version', mysql: 'tls_version' };
const OLD_TLS = /tlsv1(\.[01])?(,|$)/i;

export function minTls(engine: Engine): ResourceCheck<ServerType> {
  return defineCheck<ServerType>({
    ...base(engine, 'min-tls-1-2'),
    title: `${NAME[engine]}s refuse TLS versions below 1.2`,
    duty: 'encryption-in-transit',
    severity: 'medium',
    rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated; a server that still offers them lets a client (or an attacker in the middle) downgrade to them.',
    remediation: {
      text: `Set the server parameter ${TLS_PARAMETER[engine]} to TLS 1.2 or later only.`,
      cli: `${CLI[engine]} parameter set --resource-group <rg> --server-name <server> --name ${TLS_PARAMETER[engine]} --value ${engine === 'postgresql' ? 'TLSv1.2' : 'TLSv1.2,TLSv1.3'}`,
    },
    ...(engine === 'mysql' ? { references: ['CIS Microsoft Azure Foundations 3.0.0 5.3.2'] } : {}),
    assess(server, ctx) {
      const value = ctx.known(server.data.tlsVersion);
      const evidence = { [TLS_PARAMETER[engine]]: value };
      // PostgreSQL: the lowest version allowed; MySQL: the list of versions allowed. Unset: the service default (1.2).
      const weak = value !== null && (engine === 'postgresql' ? /^tlsv1(\.[01])?$/i.test(value.trim()) : value.split(',').some((v) => OLD_TLS.test(v.trim())));
      return weak ? ctx.fail(`${TLS_PARAMETER[engine]} allows ${value}`, evidence) : ctx.pass(`${TLS_PARAMETER[engine]} is ${value ?? 'the default (TLSv1.2)'}`, evidence);
    },
  });
}

export function publicNetworkAccess(engine: Engine): ResourceCheck<ServerType> {
  return defineCheck<ServerType>({
    ...base(engine, 'public-network-access-disabled'),
    title: `${NAME[engine]}s are reachable through private access only`,
    duty: 'network-exposure',
    severity: 'medium',
    rationale: 'A server with public access answers on a public address, where its firewall rules are all that separate it from the Internet; private access keeps it in a virtual network.',
    remediation: { text: 'Disable public network access and reach the server through a private endpoint or VNet integration.', cli: `${CLI[engine]} update --resource-group <rg> --name <server> --public-access Disabled` },
    assess(server, ctx) {
      const value = server.data.publicNetworkAccess;
      const evidence = { publicNetworkAccess: value };
      return publicAccessDisabled(value) ? ctx.pass('Public network access is disabled', evidence) : ctx.fail(`Public network access is ${value ?? 'not set (enabled)'}`, evidence);
    },
  });
}

export function geoBackup(engine: Engine): ResourceCheck<ServerType> {
  return defineCheck<ServerType>({
    ...base(engine, 'geo-redundant-backup-enabled'),
    title: `${NAME[engine]}s keep geo-redundant backups`,
    duty: 'backups',
    severity: 'medium',
    rationale: 'Locally redundant backups are lost with the region; geo-redundant backups can be restored in the paired region. It can only be chosen when the server is created.',
    remediation: { text: 'Restore the server into a new server with geo-redundant backup enabled, then move clients to it.', cli: `${CLI[engine]} create --resource-group <rg> --name <server> --geo-redundant-backup Enabled ...` },
    assess(server, ctx) {
      const value = server.data.geoRedundantBackup;
      const evidence = { geoRedundantBackup: value };
      return value?.toLowerCase() === 'enabled' ? ctx.pass('Backups are geo-redundant', evidence) : ctx.fail(`Geo-redundant backup is ${value ?? 'not set (disabled)'}`, evidence);
    },
  });
}

export function backupRetention(engine: Engine): ResourceCheck<ServerType, { minRetentionDays: number }> {
  return defineCheck<ServerType, { minRetentionDays: number }>({
    ...base(engine, 'backup-retention'),
    title: `${NAME[engine]}s keep backups for the required number of days`,
    duty: 'backups',
    severity: 'medium',
    rationale: 'Point-in-time restore reaches back only as far as the backup retention; a short period may be less than the contract promises to restore.',
    remediation: { text: 'Raise the backup retention to at least the required days (up to 35).', cli: `${CLI[engine]} update --resource-group <rg> --name <server> --backup-retention 14` },
    defaults: { minRetentionDays: 7 },
    assess(server, ctx) {
      const days = server.data.backupRetentionDays;
      const evidence = { backupRetentionDays: days, minRetentionDays: ctx.params.minRetentionDays };
      return days !== null && days >= ctx.params.minRetentionDays
        ? ctx.pass(`Backups are kept ${days} days`, evidence)
        : ctx.fail(`Backups are kept ${days ?? 'an unreported number of'} days, fewer than ${ctx.params.minRetentionDays}`, evidence);
    },
  });
}

export function firewallOpen(engine: Engine, range: OpenRange): ResourceCheck<ServerType> {
  return firewallRangeCheck({
    id: `azure-${engine}-flexible-server-firewall-no-${range === 'internet' ? 'internet-range' : 'all-azure-services'}`,
    service: engine,
    resourceType: typeOf(engine),
    what: NAME[engine],
    range,
    cli: `${CLI[engine]} firewall-rule delete --resource-group <rg> --name <server> --rule-name <rule>`,
    // CIS names the "any Azure service" rule for PostgreSQL only; it has no firewall recommendation for MySQL.
    ...(engine === 'postgresql' && range === 'all-azure' ? { references: ['CIS Microsoft Azure Foundations 3.0.0 5.2.5'] } : {}),
  });
}
