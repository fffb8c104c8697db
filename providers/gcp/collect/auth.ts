import { createRequire } from 'node:module';

/**
 * Credentials for every Google client library. The libraries bundle different majors of
 * google-auth-library (storage 7 uses v9, google-gax 5 and googleapis-common 8 use v10), and an auth
 * client from one major does not work in another (v10 adds `fetch` and returns `Headers`), so each
 * library gets a client built from its own copy.
 */
export type AuthFlavour = 'gax' | 'googleapis' | 'storage';

export interface CredentialSource {
  /** A ready access token (tests, CI with a short-lived token): no refresh, no metadata server. */
  readonly accessToken?: string;
  /** Impersonate this service account, from the Application Default Credentials (or `accessToken`). */
  readonly impersonate?: string;
  /** IAM Credentials API base URL for impersonation (private endpoints, tests). */
  readonly iamCredentialsEndpoint?: string;
  /** Workspace domain-wide delegation: the admin the scanner acts as, and the key file holding the delegation. */
  readonly subject?: string;
  readonly keyFile?: string;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** The google-auth-library module the given library loads itself. */
function authLibraryOf(flavour: AuthFlavour): Record<string, unknown> {
  const anchor = { gax: 'google-gax', googleapis: 'googleapis-common', storage: '@google-cloud/storage' }[flavour];
  const require = createRequire(import.meta.url);
  const fromLibrary = createRequire(require.resolve(anchor));
  return fromLibrary('google-auth-library') as Record<string, unknown>;
}

type Ctor = new (options?: unknown) => Record<string, unknown> & {
  setCredentials?(credentials: unknown): void;
  getClient?(): Promise<unknown>;
};

/**
 * An auth client for `flavour`: the injected token, impersonation of a service account from ADC, or
 * ADC itself (a GoogleAuth, which the libraries resolve lazily on the first call).
 */
export async function authClientFor(flavour: AuthFlavour, source: CredentialSource, scopes: readonly string[] = [CLOUD_PLATFORM]): Promise<unknown> {
  const lib = authLibraryOf(flavour);
  const OAuth2Client = lib['OAuth2Client'] as Ctor;
  const GoogleAuth = lib['GoogleAuth'] as Ctor;
  const Impersonated = lib['Impersonated'] as Ctor;
  const JWT = lib['JWT'] as Ctor;
  const tokenClient = (token: string) => {
    const client = new OAuth2Client();
    client.setCredentials?.({ access_token: token, expiry_date: Date.now() + 10 * 365 * 86_400_000 });
    return client;
  };
  if (source.impersonate !== undefined && source.subject === undefined) {
    // Short-lived tokens of the scanner account, minted through IAM Credentials and refreshed before expiry.
    const sourceClient = source.accessToken !== undefined ? tokenClient(source.accessToken) : await new GoogleAuth({ scopes: [CLOUD_PLATFORM] }).getClient?.();
    const impersonated = new Impersonated({
      sourceClient,
      targetPrincipal: source.impersonate,
      targetScopes: [...scopes],
      delegates: [],
      lifetime: 3600,
      ...(source.iamCredentialsEndpoint ? { endpoint: source.iamCredentialsEndpoint } : {}),
    }) as Record<string, unknown> & { getAccessToken(): Promise<unknown> };
    // Mint the first token now: concurrent first calls would otherwise each mint their own. A
    // failure here is not fatal; every call then reports it (AUTH_FAILED / ACCESS_DENIED).
    await impersonated.getAccessToken().catch(() => undefined);
    return impersonated;
  }
  if (source.accessToken !== undefined) return tokenClient(source.accessToken);
  if (source.subject !== undefined) {
    // Domain-wide delegation needs a JWT signed for the admin subject.
    if (source.keyFile !== undefined) return new JWT({ keyFile: source.keyFile, scopes: [...scopes], subject: source.subject });
    return new GoogleAuth({ scopes: [...scopes], clientOptions: { subject: source.subject } });
  }
  return new GoogleAuth({ scopes: [...scopes] });
}
