import { collectionError, type CollectionError, type ErrorCode } from '../../../src/core/observed.js';
import { errorCodeFrom, type ErrorTable } from '../../../src/net/classify.js';
import { iamActionFor } from '../permissions.js';

/**
 * AWS error shapes differ by protocol (Query XML, REST-XML, JSON, REST-JSON), but SDK v3 turns
 * every one into an exception whose `name` is the error code and whose `$metadata` carries the
 * HTTP status. We classify on those two only, never on message text.
 */
const BY_NAME: Readonly<Record<string, ErrorCode>> = {
  AccessDenied: 'ACCESS_DENIED',
  AccessDeniedException: 'ACCESS_DENIED',
  UnauthorizedOperation: 'ACCESS_DENIED',
  UnauthorizedException: 'ACCESS_DENIED',
  AuthorizationError: 'ACCESS_DENIED',
  AllAccessDisabled: 'ACCESS_DENIED',

  InvalidResponse: 'INVALID_RESPONSE',

  InvalidClientTokenId: 'AUTH_FAILED',
  UnrecognizedClientException: 'AUTH_FAILED',
  SignatureDoesNotMatch: 'AUTH_FAILED',
  IncompleteSignature: 'AUTH_FAILED',
  InvalidAccessKeyId: 'AUTH_FAILED',
  AuthFailure: 'AUTH_FAILED',
  ExpiredToken: 'AUTH_FAILED',
  ExpiredTokenException: 'AUTH_FAILED',
  RequestExpired: 'AUTH_FAILED',
  CredentialsProviderError: 'AUTH_FAILED',
  TokenProviderError: 'AUTH_FAILED',

  Throttling: 'THROTTLED',
  ThrottlingException: 'THROTTLED',
  ThrottledException: 'THROTTLED',
  RequestLimitExceeded: 'THROTTLED',
  RequestThrottled: 'THROTTLED',
  RequestThrottledException: 'THROTTLED',
  TooManyRequestsException: 'THROTTLED',
  SlowDown: 'THROTTLED',
  ProvisionedThroughputExceededException: 'THROTTLED',
  BandwidthLimitExceeded: 'THROTTLED',

  TimeoutError: 'TIMEOUT',
  RequestTimeout: 'TIMEOUT',
  RequestTimeoutException: 'TIMEOUT',
  AbortError: 'TIMEOUT',

  OptInRequired: 'NOT_ENABLED',
  SubscriptionRequiredException: 'NOT_ENABLED',
  AWSOrganizationsNotInUseException: 'NOT_ENABLED',
  InvalidEndpointException: 'NOT_ENABLED',

  NoSuchBucket: 'NOT_FOUND',
  AccountNotFoundException: 'NOT_FOUND',

  InternalError: 'UNAVAILABLE',
  InternalFailure: 'UNAVAILABLE',
  InternalServerError: 'UNAVAILABLE',
  ServiceUnavailable: 'UNAVAILABLE',
  ServiceUnavailableException: 'UNAVAILABLE',
  ServiceFailureException: 'UNAVAILABLE',
  Unavailable: 'UNAVAILABLE',
};

/** Node socket errors carry a `code`, not an AWS error name. */
const BY_SOCKET_CODE: Readonly<Record<string, ErrorCode>> = {
  ECONNREFUSED: 'UNAVAILABLE',
  ECONNRESET: 'UNAVAILABLE',
  ENOTFOUND: 'UNAVAILABLE',
  EAI_AGAIN: 'UNAVAILABLE',
  EPIPE: 'UNAVAILABLE',
  EHOSTUNREACH: 'UNAVAILABLE',
  ETIMEDOUT: 'TIMEOUT',
  ECONNABORTED: 'TIMEOUT',
};

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name } = error as ErrorLike;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'Error';
}

export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as ErrorLike).$metadata?.httpStatusCode;
}

/** The Node socket error code (ECONNRESET, ...) an error carries, if any. */
export function socketCodeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as ErrorLike).code : undefined;
  return typeof code === 'string' && Object.hasOwn(BY_SOCKET_CODE, code) ? code : undefined;
}

/**
 * Why one attempt failed, for the retry counts: the socket code when there is one, since the
 * SDK's HTTP handler renames ECONNRESET, EPIPE and ECONNREFUSED to `TimeoutError` and a reset
 * mid-response arrives as a plain `Error`.
 */
export function attemptFailure(error: unknown): string {
  return socketCodeOf(error) ?? errorName(error);
}

const TABLE: ErrorTable = {
  byNetwork: BY_SOCKET_CODE,
  byName: BY_NAME,
  byStatus: { 401: 'AUTH_FAILED', 403: 'ACCESS_DENIED', 429: 'THROTTLED' },
};

/**
 * The SDK names its own timeouts (`TimeoutError`, `AbortError`), so they are in the table; the
 * socket code outranks that name, a dropped connection being UNAVAILABLE even when the handler
 * calls it TimeoutError. The deserialisers throw plain errors (SyntaxError and friends) on bodies
 * they cannot parse, and a success status with an error is an answer we could not read.
 */
export function awsErrorCode(error: unknown): ErrorCode {
  const name = errorName(error);
  const status = httpStatusOf(error);
  return errorCodeFrom({
    timedOut: false,
    network: socketCodeOf(error),
    names: [name],
    status,
    unreadable: name === 'SyntaxError' || (status !== undefined && status < 300),
  }, TABLE);
}

/** `service` is the SDK client id we call (`s3`, `s3control`, `ec2`, ...), `operation` the API name. */
export function classifyAwsError(
  error: unknown,
  service: string,
  operation: string,
  where: { account?: string; region?: string } = {},
): CollectionError {
  const code = awsErrorCode(error);
  const name = errorName(error);
  const status = httpStatusOf(error);
  const raw = typeof error === 'object' && error !== null ? (error as ErrorLike).message : undefined;
  const detail = typeof raw === 'string' && raw !== '' ? raw : 'no message';
  const action = iamActionFor(service, operation);
  const hint = code === 'ACCESS_DENIED' && action ? ` (grant ${action})` : '';
  const message = `${name}${status ? ` (HTTP ${status})` : ''}: ${detail}${hint}`;
  return collectionError(code, `${service}:${operation}`, message, {
    provider: 'aws',
    ...(where.account !== undefined ? { account: where.account } : {}),
    ...(where.region !== undefined ? { region: where.region } : {}),
  });
}

/** The error names that mean "this is not configured": an answer, per operation, never a failure. */
export const NOT_CONFIGURED: Readonly<Record<string, readonly string[]>> = {
  'iam:GetAccountPasswordPolicy': ['NoSuchEntity', 'NoSuchEntityException'],
  's3:GetBucketEncryption': ['ServerSideEncryptionConfigurationNotFoundError'],
  's3:GetPublicAccessBlock': ['NoSuchPublicAccessBlockConfiguration'],
  's3:GetBucketPolicyStatus': ['NoSuchBucketPolicy'],
  's3:GetBucketPolicy': ['NoSuchBucketPolicy'],
  's3:GetBucketTagging': ['NoSuchTagSet', 'NoSuchTagSetError'],
  's3:GetBucketOwnershipControls': ['OwnershipControlsNotFoundError'],
  's3:GetObjectLockConfiguration': ['ObjectLockConfigurationNotFoundError'],
  's3control:GetPublicAccessBlock': ['NoSuchPublicAccessBlockConfiguration'],
  'account:GetAlternateContact': ['ResourceNotFoundException'],
  // aws-edge (issue 13): "no resource policy"
  'ecr:GetRepositoryPolicy': ['RepositoryPolicyNotFoundException'],
  'lambda:GetPolicy': ['ResourceNotFoundException'],
  'backup:GetBackupVaultAccessPolicy': ['ResourceNotFoundException'],
};

export function isNotConfigured(error: unknown, service: string, operation: string): boolean {
  return NOT_CONFIGURED[`${service}:${operation}`]?.includes(errorName(error)) ?? false;
}
