import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: IncomingMessage['headers'];
  /** Named groups of the route's pattern. */
  readonly params: Readonly<Record<string, string>>;
}

export interface FakeResponse {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent as-is instead of `body` (a truncated or malformed document). */
  readonly raw?: string;
  /** Tear the connection down instead of answering (ECONNRESET on the client). */
  readonly reset?: boolean;
  /** Hold the answer this long (an endpoint slower than the client's timeout). */
  readonly delayMs?: number;
}

/** Runs before the routes; an answer replaces the route's (fault injection), undefined lets the request through. */
export type Interceptor = (req: FakeRequest) => FakeResponse | undefined;

type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

/**
 * A Google Cloud REST (HTTP/1.1 JSON) fake on 127.0.0.1. Routes match method and path; a request
 * without a route is answered 501 and recorded in `unrouted`, which tests assert to be empty, so a
 * collector that calls an API the test did not expect fails the test.
 */
export class GcpFake {
  private readonly routes: Route[] = [];
  private server: Server | undefined;
  readonly unrouted: string[] = [];
  /** Fault injection: consulted in order before routing (see `Interceptor`). */
  readonly interceptors: Interceptor[] = [];
  readonly requests: { method: string; path: string; query: string; authorization: string | undefined }[] = [];
  /** Added before every answer, to emulate the network (benchmarks). */
  latencyMs = 0;

  route(method: string, pattern: string | RegExp, handler: Handler | FakeResponse): this {
    const regex = typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pattern;
    this.routes.push({ method, pattern: regex, handler: typeof handler === 'function' ? handler : () => handler });
    return this;
  }

  get port(): number {
    if (!this.server) throw new Error('the fake is not started');
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** How many requests matched `method` and a path pattern. */
  count(method: string, pattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, query: url.search, authorization: req.headers.authorization });
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* keep the raw text */
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    for (const intercept of this.interceptors) {
      const answer = intercept({ method, path, query: url.searchParams, body, headers: req.headers, params: {} });
      if (!answer) continue;
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (res.destroyed) return;
      if (answer.reset) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
      res.end(answer.raw ?? (answer.body === undefined ? '{}' : JSON.stringify(answer.body)));
      return;
    }
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      try {
        const answer = await route.handler({ method, path, query: url.searchParams, body, headers: req.headers, params: { ...match.groups } });
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
        res.end(answer.body === undefined ? '{}' : JSON.stringify(answer.body));
      } catch (e) {
        this.unrouted.push(`${method} ${path}: handler threw ${(e as Error).message}`);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 500, message: 'fake handler failed', status: 'INTERNAL' } }));
      }
      return;
    }
    this.unrouted.push(`${method} ${path}${url.search}`);
    res.writeHead(501, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 501, message: `no route for ${method} ${path}`, status: 'UNIMPLEMENTED' } }));
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
