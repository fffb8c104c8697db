import { collectionError, type CollectionError, type ErrorCode } from '../../../src/core/observed.js';
import { parseRetryAfter } from '../../../src/net/backoff.js';

/**
 * Azure errors come from three stacks (core-rest-pipeline, the older ms-rest-js under Resource
 * Graph, and our own Graph calls); all carry an HTTP status and usually an ARM error code. Classify
 * by those, never by message text.
 */
export interface HttpFailure {
  readonly statusCode?: number;
  readonly code?: string;
  readonly headers: (name: string) => string | undefined;
}

export class AzureHttpError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string | undefined,
    readonly responseHeaders: Record<string, string>,
  ) {
    super(message);
    this.name = 'AzureHttpError';
  }
}

export function httpFailure(error: unknown): HttpFailure {
  const e = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    response?: { headers?: { get?: (n: string) => string | undefined | null } | Record<string, string> };
    responseHeaders?: Record<string, string>;
  };
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const raw = e.response?.headers;
  const headers = (name: string): string | undefined => {
    if (e.responseHeaders) return e.responseHeaders[name.toLowerCase()];
    if (!raw) return undefined;
    if (typeof (raw as { get?: unknown }).get === 'function') return (raw as { get: (n: string) => string | undefined | null }).get(name) ?? undefined;
    return (raw as Record<string, string>)[name.toLowerCase()];
  };
  return { ...(statusCode !== undefined ? { statusCode } : {}), ...(code !== undefined ? { code } : {}), headers };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function errorCode(error: unknown): ErrorCode {
  const { statusCode, code } = httpFailure(error);
  const name = (error as { name?: unknown })?.name;
  if (name === 'AbortError' || code === 'REQUEST_ABORTED_ERROR') return 'TIMEOUT';
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError') return 'AUTH_FAILED';
  if (code === 'MissingSubscriptionRegistration' || code === 'SubscriptionNotRegistered' || code === 'FeatureNotSupported') return 'NOT_ENABLED';
  if (code === 'SubscriptionNotFound' || code === 'InvalidSubscriptionId') return 'NOT_FOUND';
  switch (statusCode) {
    case 401: return 'AUTH_FAILED';
    case 403: return 'ACCESS_DENIED';
    case 404: return 'NOT_FOUND';
    case 429: return 'THROTTLED';
    default:
  }
  if (statusCode !== undefined && statusCode >= 500) return 'UNAVAILABLE';
  if (code && NETWORK_CODES.has(code)) return 'UNAVAILABLE';
  // core-client wraps a body it cannot parse in a RestError with code PARSE_ERROR (and the 200 status).
  if (error instanceof SyntaxError || code === 'PARSE_ERROR') return 'INVALID_RESPONSE';
  return 'UNEXPECTED';
}

export function classifyAzureError(error: unknown, operation: string, where: { account?: string; region?: string } = {}): CollectionError {
  const { statusCode, code } = httpFailure(error);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
  const detail = [statusCode ? `HTTP ${statusCode}` : null, code ?? null].filter(Boolean).join(' ');
  return collectionError(errorCode(error), operation, detail ? `${detail}: ${message}` : message, { provider: 'azure', ...where });
}

/** Whether another attempt may succeed: throttling, 5xx, dropped connections. */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'THROTTLED' || code === 'UNAVAILABLE';
}

/** `Retry-After` (seconds or HTTP date) or Resource Graph's `x-ms-user-quota-resets-after` (hh:mm:ss), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const { headers } = httpFailure(error);
  return parseRetryAfter(headers('retry-after'), now) ?? parseQuotaReset(headers('x-ms-user-quota-resets-after'));
}

export function parseQuotaReset(value: string | undefined): number | undefined {
  const m = value ? /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim()) : null;
  if (!m) return undefined;
  return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000;
}
