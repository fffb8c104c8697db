import { collectionError, type CollectionError, type ErrorCode } from '../../../src/core/observed.js';
import { parseRetryAfter } from '../../../src/net/backoff.js';
import { each, errorCodeFrom, isTransient, type ErrorTable } from '../../../src/net/classify.js';

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

const TABLE: ErrorTable = {
  byNetwork: each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR'], 'UNAVAILABLE'),
  byName: {
    ...each(['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError'], 'AUTH_FAILED'),
    ...each(['MissingSubscriptionRegistration', 'SubscriptionNotRegistered', 'FeatureNotSupported'], 'NOT_ENABLED'),
    ...each(['SubscriptionNotFound', 'InvalidSubscriptionId'], 'NOT_FOUND'),
  },
  byStatus: { 401: 'AUTH_FAILED', 403: 'ACCESS_DENIED', 404: 'NOT_FOUND', 429: 'THROTTLED' },
};

/** By the error's class name (identity errors), then its ARM code, then its status. */
export function errorCode(error: unknown): ErrorCode {
  const { statusCode, code } = httpFailure(error);
  const name = (error as { name?: unknown })?.name;
  return errorCodeFrom({
    timedOut: name === 'AbortError' || code === 'REQUEST_ABORTED_ERROR',
    network: code,
    names: [typeof name === 'string' ? name : undefined, code],
    status: statusCode,
    // core-client wraps a body it cannot parse in a RestError with code PARSE_ERROR (and the 200 status).
    unreadable: error instanceof SyntaxError || code === 'PARSE_ERROR',
  }, TABLE);
}

export function classifyAzureError(error: unknown, operation: string, where: { account?: string; region?: string } = {}): CollectionError {
  const { statusCode, code } = httpFailure(error);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
  const detail = [statusCode ? `HTTP ${statusCode}` : null, code ?? null].filter(Boolean).join(' ');
  return collectionError(errorCode(error), operation, detail ? `${detail}: ${message}` : message, { provider: 'azure', ...where });
}

/** Whether another attempt may succeed: throttling, 5xx, dropped connections. */
export function isRetryable(error: unknown): boolean {
  return isTransient(errorCode(error));
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
