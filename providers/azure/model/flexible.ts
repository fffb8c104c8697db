import type { Observed } from '../../../src/core/observed.js';

/** One server-level firewall rule of a SQL server or a flexible server: an IPv4 range. */
export interface AzureFirewallRule {
  readonly name: string;
  readonly startIpAddress: string;
  readonly endIpAddress: string;
}

/**
 * `azure.postgresql.flexible-server` and `azure.mysql.flexible-server`: the two engines share the
 * shape; their TLS settings are server parameters, each read on its own.
 */
export interface AzureFlexibleServer {
  readonly resourceGroup: string;
  readonly version: string | null;
  /** `Enabled` or `Disabled` (private access through a delegated subnet). */
  readonly publicNetworkAccess: string | null;
  /** `Enabled` or `Disabled`. */
  readonly geoRedundantBackup: string | null;
  readonly backupRetentionDays: number | null;
  /** The server parameter `require_secure_transport` (`ON`/`OFF`). */
  readonly requireSecureTransport: Observed<string | null>;
  /** PostgreSQL `ssl_min_protocol_version` (`TLSv1.2`), MySQL `tls_version` (`TLSv1.2,TLSv1.3`). */
  readonly tlsVersion: Observed<string | null>;
  readonly firewallRules: Observed<readonly AzureFirewallRule[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.postgresql.flexible-server': AzureFlexibleServer;
    'azure.mysql.flexible-server': AzureFlexibleServer;
  }
}
