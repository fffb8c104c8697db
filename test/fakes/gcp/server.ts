import type { IncomingHttpHeaders } from 'node:http';
import { jsonReply, Routes, WireFake, type JsonAnswer, type Reply, type WireFormat, type WireRequest } from '../harness.js';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** Named groups of the route's pattern. */
  readonly params: Readonly<Record<string, string>>;
}

/** An answer in Google's JSON (status 200 when absent); `breaks` breaks it on the wire. */
export type FakeResponse = JsonAnswer;

/** Runs before the routes; an answer replaces the route's (fault injection), undefined lets the request through. */
export type Interceptor = (req: FakeRequest) => FakeResponse | undefined;

type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly authorization: string | undefined;
}

const json = (answer: FakeResponse): Reply => jsonReply(answer, 'application/json; charset=UTF-8', '{}');

/**
 * A Google Cloud REST (HTTP/1.1 JSON) fake on 127.0.0.1. Routes match method and path; a request
 * without a route is answered 501 and recorded in `unrouted`, which fails `close()`, so a
 * collector that calls an API the test did not expect fails the test.
 */
export class GcpFake extends WireFake<FakeRequest, RecordedRequest> {
  private readonly routes = new Routes<Handler>();
  /** Fault injection by answer: consulted in order before routing (see `Interceptor`), after the `faults`. */
  readonly interceptors: Interceptor[] = [];
  protected readonly format: WireFormat<FakeRequest> = {
    error: (_req, status, code, message, headers) => json({ ...gcpError(status, code, message), headers }),
    throttle: (_req, headers) => json({ ...rateLimited('googleapis.com'), headers }),
  };

  constructor() {
    super({ name: 'Google Cloud', keepAliveMs: 1000 });
  }

  route(method: string, pattern: string | RegExp, handler: Handler | FakeResponse): this {
    this.routes.add(method, pattern, typeof handler === 'function' ? handler : () => handler);
    return this;
  }

  /** How many requests matched `method` and a path pattern. */
  count(method: string, pattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }

  protected async answer(wire: WireRequest): Promise<Reply> {
    const { method, url } = wire;
    const path = decodeURIComponent(url.pathname);
    this.record({ method, path, query: url.search, authorization: wire.headers.authorization });
    let body: unknown = wire.text;
    try {
      body = wire.text ? JSON.parse(wire.text) : undefined;
    } catch {
      /* keep the raw text */
    }
    const req: FakeRequest = { method, path, query: url.searchParams, body, headers: wire.headers, params: {} };
    const real = async (): Promise<Reply> => {
      for (const intercept of this.interceptors) {
        const answer = intercept(req);
        if (answer) return json(answer);
      }
      const route = this.routes.find(method, path);
      if (route) return json(await route.target({ ...req, params: route.params }));
      return this.noRoute(`${method} ${path}${url.search}`, json(gcpError(501, 'UNIMPLEMENTED', `no route for ${method} ${path}`)));
    };
    const injected = await this.injected(req, `${method} ${path}${url.search} ${wire.text}`, real);
    return injected?.reply ?? real();
  }
}

/** A Google API error body as the REST surface sends it (google.rpc.Status with ErrorInfo details). */
export function gcpError(
  code: number,
  status: string,
  message: string,
  info?: { reason: string; domain?: string; metadata?: Record<string, string> },
): FakeResponse {
  const details = info
    ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: info.reason, domain: info.domain ?? 'googleapis.com', metadata: info.metadata ?? {} }]
    : [];
  return { status: code, body: { error: { code, message, status, details, errors: [{ message, domain: 'global', reason: status === 'PERMISSION_DENIED' ? 'forbidden' : status.toLowerCase() }] } } };
}

export const serviceDisabled = (service: string, project: string): FakeResponse =>
  gcpError(403, 'PERMISSION_DENIED', `${service} API has not been used in project ${project} before or it is disabled.`, {
    reason: 'SERVICE_DISABLED',
    metadata: { service, consumer: `projects/${project}` },
  });

export const permissionDenied = (permission: string, resource: string): FakeResponse =>
  gcpError(403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`, {
    reason: 'IAM_PERMISSION_DENIED',
    domain: 'iam.googleapis.com',
    metadata: { permission, resource },
  });

export const rateLimited = (service: string): FakeResponse =>
  gcpError(429, 'RESOURCE_EXHAUSTED', `Quota exceeded for quota metric 'Read requests' of service '${service}'.`, {
    reason: 'RATE_LIMIT_EXCEEDED',
    metadata: { service },
  });

/** Serve `items` in pages of `pageSize`, with `nextPageToken` as the offset. */
export function paged<T>(req: FakeRequest, key: string, items: readonly T[], pageSize: number): FakeResponse {
  const start = Number(req.query.get('pageToken') ?? '0');
  const page = items.slice(start, start + pageSize);
  const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
  return { body: { [key]: page, ...(next ? { nextPageToken: next } : {}) } };
}
