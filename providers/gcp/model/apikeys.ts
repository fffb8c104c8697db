/** `gcp.apikeys.key`: an API key's metadata (never the key string). */
export interface GcpApiKey {
  readonly displayName: string;
  readonly createTime: string | null;
  /** `browser`, `server`, `android`, `ios`, or null when any caller may use it. */
  readonly applicationRestriction: 'browser' | 'server' | 'android' | 'ios' | null;
  /** The APIs it may call; empty means every enabled API. */
  readonly apiTargets: readonly string[];
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.apikeys.key': GcpApiKey;
  }
}
