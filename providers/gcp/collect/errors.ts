import { collectionError, type CollectionError, type ErrorCode } from '../../../src/core/observed.js';
import { each, errorCodeFrom, type ErrorTable } from '../../../src/net/classify.js';

/** What a Google API error says, whichever client threw it. */
export interface GcpErrorInfo {
  /** HTTP status, when the error came from an HTTP answer. */
  readonly status: number | undefined;
  /** `SERVICE_DISABLED`, `IAM_PERMISSION_DENIED`, `RATE_LIMIT_EXCEEDED`, `forbidden`, ... */
  readonly reason: string | undefined;
  /** `PERMISSION_DENIED`, `RESOURCE_EXHAUSTED`, ... (google.rpc.Code name). */
  readonly rpcStatus: string | undefined;
  /** For SERVICE_DISABLED: the API, e.g. `compute.googleapis.com`. */
  readonly service: string | undefined;
  readonly message: string;
  /** A network-level error code (`ECONNREFUSED`, `ETIMEDOUT`). */
  readonly networkCode: string | undefined;
}

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { '@type'?: string; reason?: string; metadata?: Record<string, string> }[];
    errors?: { reason?: string; message?: string }[];
  };
}

const GRPC_CODE_NAMES: Record<number, string> = {
  1: 'CANCELLED', 2: 'UNKNOWN', 3: 'INVALID_ARGUMENT', 4: 'DEADLINE_EXCEEDED', 5: 'NOT_FOUND', 7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED', 13: 'INTERNAL', 14: 'UNAVAILABLE', 16: 'UNAUTHENTICATED',
};

function bodyOf(e: Record<string, unknown>): GoogleErrorBody | undefined {
  const response = e['response'] as { data?: unknown; body?: unknown } | undefined;
  for (const candidate of [response?.data, response?.body, e['message']]) {
    if (candidate && typeof candidate === 'object' && 'error' in candidate) return candidate as GoogleErrorBody;
    // gax in REST mode puts the raw JSON error body in the message.
    if (typeof candidate === 'string' && candidate.trimStart().startsWith('{')) {
      try {
        const parsed = JSON.parse(candidate) as unknown;
        if (parsed && typeof parsed === 'object' && 'error' in parsed) return parsed as GoogleErrorBody;
      } catch {
        /* not JSON after all */
      }
    }
  }
  return undefined;
}

/** Read status, reason and API out of a google-gax, googleapis (gaxios) or storage error. */
export function parseGcpError(thrown: unknown): GcpErrorInfo {
  if (!(thrown instanceof Error) && (typeof thrown !== 'object' || thrown === null)) {
    return { status: undefined, reason: undefined, rpcStatus: undefined, service: undefined, message: String(thrown), networkCode: undefined };
  }
  const e = thrown as unknown as Record<string, unknown>;
  const body = bodyOf(e)?.error;
  const response = e['response'] as { status?: unknown } | undefined;
  const numeric = [response?.status, e['status'], body?.code, e['code']].find((v): v is number => typeof v === 'number' && v >= 100 && v < 600);
  const grpc = typeof e['code'] === 'number' && e['code'] > 0 && e['code'] < 17 ? GRPC_CODE_NAMES[e['code']] : undefined;
  const info = body?.details?.find((d) => d['@type']?.endsWith('google.rpc.ErrorInfo'));
  const legacyReasons = body?.errors ?? (Array.isArray(e['errors']) ? (e['errors'] as { reason?: string }[]) : []);
  const networkCode = typeof e['code'] === 'string' ? e['code'] : undefined;
  return {
    status: numeric,
    reason: info?.reason ?? (typeof e['reason'] === 'string' ? e['reason'] : undefined) ?? legacyReasons[0]?.reason,
    rpcStatus: body?.status ?? grpc,
    service: info?.metadata?.['service'],
    message: body?.message ?? (thrown instanceof Error ? thrown.message : String(thrown)),
    networkCode,
  };
}

const TABLE: ErrorTable = {
  byNetwork: { ETIMEDOUT: 'TIMEOUT', ...each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET'], 'UNAVAILABLE') },
  // Reasons first, then the RPC status: Google answers a rate limit with 403 rateLimitExceeded and a disabled API with 403 PERMISSION_DENIED.
  byName: {
    ...each(['SERVICE_DISABLED', 'accessNotConfigured', 'API_DISABLED'], 'NOT_ENABLED'),
    ...each(['RATE_LIMIT_EXCEEDED', 'rateLimitExceeded', 'userRateLimitExceeded', 'RESOURCE_EXHAUSTED', 'resource_exhausted'], 'THROTTLED'),
    UNAUTHENTICATED: 'AUTH_FAILED',
    PERMISSION_DENIED: 'ACCESS_DENIED',
    NOT_FOUND: 'NOT_FOUND',
    UNAVAILABLE: 'UNAVAILABLE',
  },
  byStatus: { 401: 'AUTH_FAILED', 403: 'ACCESS_DENIED', 404: 'NOT_FOUND', 429: 'THROTTLED' },
};

const errorName = (value: unknown): string =>
  value instanceof Error || (typeof DOMException !== 'undefined' && value instanceof DOMException) ? (value as Error).name : '';

/**
 * A timeout wears many names: gaxios (googleapis) wraps an aborted call in a GaxiosError named
 * 'Error' around the AbortError; node-fetch (under @google-cloud/storage) reports its timeout as a
 * FetchError of type 'request-timeout'; gax as DEADLINE_EXCEEDED or in its message.
 */
function timedOut(info: GcpErrorInfo, thrown: unknown): boolean {
  if ((thrown as { type?: unknown } | null)?.type === 'request-timeout') return true;
  const wrapped = (thrown as { error?: unknown; cause?: unknown } | null)?.error ?? (thrown as { cause?: unknown } | null)?.cause;
  return [errorName(thrown), errorName(wrapped)].some((name) => name === 'AbortError' || name === 'TimeoutError') ||
    info.rpcStatus === 'DEADLINE_EXCEEDED' || /timeout of \d+ms exceeded/i.test(info.message);
}

export function errorCodeOf(info: GcpErrorInfo, thrown: unknown): ErrorCode {
  return errorCodeFrom({
    timedOut: timedOut(info, thrown),
    network: info.networkCode,
    names: [info.reason, info.rpcStatus],
    status: info.status,
    unreadable: thrown instanceof SyntaxError,
  }, TABLE);
}

/** Whether another attempt may succeed: throttling and transient unavailability. */
export function isRetryable(info: GcpErrorInfo): boolean {
  return info.status === 429 || info.status === 503 || info.rpcStatus === 'RESOURCE_EXHAUSTED' || info.rpcStatus === 'UNAVAILABLE' ||
    (info.networkCode !== undefined && ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(info.networkCode));
}

/**
 * The coded error for anything a Google call threw. A disabled API is reported under the API's
 * name (`compute.googleapis.com`), so the operator knows which API the project lacks.
 */
export function classifyGcpError(thrown: unknown, operation: string, where: { account?: string; region?: string } = {}): CollectionError {
  const info = parseGcpError(thrown);
  const code = errorCodeOf(info, thrown);
  const place = { provider: 'gcp' as const, ...where };
  if (code === 'NOT_ENABLED') {
    const api = info.service ?? operation;
    return collectionError(code, api, `${api} is not enabled${where.account ? ` in project ${where.account}` : ''} (needed for ${operation}): ${info.message}`, place);
  }
  const status = info.status !== undefined ? `HTTP ${info.status}${info.reason ? ` ${info.reason}` : ''}: ` : '';
  return collectionError(code, operation, `${status}${info.message}`, place);
}

/**
 * The body of a Google answer, refused when it is not a JSON object: gaxios (googleapis) and
 * @google-cloud/storage hand back the raw text of a body they could not parse instead of throwing,
 * so a truncated listing would read as an empty one. A SyntaxError classifies as INVALID_RESPONSE.
 */
export function jsonObject<T>(body: T, operation: string): T {
  if (body === null || typeof body !== 'object') throw new SyntaxError(`${operation}: the answer is not a JSON object: ${String(body).slice(0, 80)}`);
  return body;
}
