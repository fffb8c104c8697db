import type { AzureWebAppConfig } from '../../model/types.js';
import * as n from '../normalise.js';
import { serviceKind } from './service.js';
import { armGet, observe } from './support.js';

const API_VERSION = '2023-12-01';
const CONFIG_READ = 'Microsoft.Web/sites/config/read';

export function webAppConfig(raw: unknown): AzureWebAppConfig {
  const r = n.flat(raw);
  return { minTlsVersion: n.str(r['minTlsVersion']), ftpsState: n.str(r['ftpsState']), remoteDebuggingEnabled: n.bool(r['remoteDebuggingEnabled']) ?? false };
}

/**
 * App Service sites. `httpsOnly` and the identity come with the row; the TLS, FTPS and remote
 * debugging settings do not: Resource Graph's and the listing's `siteConfig` leave them null, so
 * each site's `config/web` is read on its own.
 */
export const webApps = serviceKind({
  type: 'azure.appservice.web-app',
  armType: 'Microsoft.Web/sites',
  apiVersion: API_VERSION,
  data: async (row, ctx) => {
    const r = n.flat(row);
    const { id, resourceGroup } = n.located(r);
    return {
      resourceGroup,
      kind: n.str(r['kind']),
      httpsOnly: n.bool(r['httpsOnly']) ?? false,
      identityType: n.str(n.obj(r['identity'])['type']),
      config: await observe(ctx, CONFIG_READ, async () => webAppConfig(await armGet(ctx, CONFIG_READ, `${id}/config/web`, API_VERSION))),
    };
  },
});
