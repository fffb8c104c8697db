import type { Observed } from '../../../src/core/observed.js';

/** The site configuration (`<site>/config/web`): Resource Graph and the site listing leave these null. */
export interface AzureWebAppConfig {
  /** `1.0`, `1.1`, `1.2`, `1.3`. */
  readonly minTlsVersion: string | null;
  /** `AllAllowed`, `FtpsOnly`, `Disabled`. */
  readonly ftpsState: string | null;
  readonly remoteDebuggingEnabled: boolean;
}

/** `azure.appservice.web-app`: an App Service site (web, API or function app). */
export interface AzureWebApp {
  readonly resourceGroup: string;
  /** `app`, `app,linux`, `functionapp`, ... */
  readonly kind: string | null;
  readonly httpsOnly: boolean;
  /** `SystemAssigned`, `UserAssigned`, both, or null. */
  readonly identityType: string | null;
  readonly config: Observed<AzureWebAppConfig>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.appservice.web-app': AzureWebApp;
  }
}
