import type { AzureConfig } from '../config.js';

/** The hosts and token scopes of the cloud being scanned; every client is built from these. */
export interface AzureCloud {
  readonly name: AzureConfig['cloud'];
  readonly resourceManager: string;
  readonly resourceGraph: string;
  readonly graph: string;
  readonly authorityHost: string;
  readonly armScope: string;
  readonly graphScope: string;
  readonly disableInstanceDiscovery: boolean;
}

const BUILT_IN = {
  public: { resourceManager: 'https://management.azure.com', graph: 'https://graph.microsoft.com', authorityHost: 'https://login.microsoftonline.com' },
  china: { resourceManager: 'https://management.chinacloudapi.cn', graph: 'https://microsoftgraph.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn' },
  usgov: { resourceManager: 'https://management.usgovcloudapi.net', graph: 'https://graph.microsoft.us', authorityHost: 'https://login.microsoftonline.us' },
} as const;

const trim = (url: string): string => url.replace(/\/+$/, '');

/** The `.default` scope of an audience (a host, an App ID URI, or already a scope). */
const scopeOf = (audience: string): string => (audience.endsWith('/.default') ? audience : `${trim(audience)}/.default`);

export function resolveCloud(config: AzureConfig): AzureCloud {
  const base = config.cloud === 'custom' ? undefined : BUILT_IN[config.cloud];
  const e = config.endpoints;
  const pick = (key: 'resourceManager' | 'graph' | 'authorityHost'): string => {
    const value = e[key] ?? base?.[key];
    if (!value) throw new Error(`providers.azure.endpoints.${key} is required for cloud "${config.cloud}"`);
    return trim(value);
  };
  const resourceManager = pick('resourceManager');
  const graph = pick('graph');
  return {
    name: config.cloud,
    resourceManager,
    resourceGraph: trim(e.resourceGraph ?? resourceManager),
    graph,
    authorityHost: pick('authorityHost'),
    // Resource Graph and ARM share the ARM audience, whatever host serves them; the audience is the
    // host's unless configured (a private endpoint answers under another name than its audience).
    armScope: scopeOf(config.audiences.resourceManager ?? resourceManager),
    graphScope: scopeOf(config.audiences.graph ?? graph),
    disableInstanceDiscovery: e.disableInstanceDiscovery ?? config.cloud === 'custom',
  };
}
