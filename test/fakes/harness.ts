import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The server every wire fake (AWS, Azure, Google Cloud) runs on: the HTTP(S) lifecycle, a route
 * table, the request log, injected faults and the loud failure on a request nothing answers. A
 * provider's fake supplies its routes and its wire format (how its errors and throttling read);
 * everything that goes wrong on the wire is written here once, for all three.
 */

/** A request as it arrived, before a provider reads its protocol out of it. */
export interface WireRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** performance.now() on arrival, before any emulated latency. */
  readonly arrived: number;
}

/**
 * How an answer goes wrong on the wire: `drop` destroys the socket before answering anything (the
 * client sees ECONNRESET, "socket hang up"); `reset` promises the whole body, sends half, then
 * destroys the socket; `malformed` sends half the body as if it were all of it.
 */
export type WireBreak = 'drop' | 'reset' | 'malformed';

/** What the fake sends back. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Hold the reply this long (a slow or hanging endpoint); given up when the client goes away. */
  readonly delayMs?: number;
  readonly breaks?: WireBreak;
}

/**
 * The faults a test can inject into any fake, by name: `error` answers `status`/`code` in the
 * provider's error document; `throttle` answers the provider's own throttling error; `delay`
 * answers `delayMs` late (a hang, past the client's timeout); `drop`, `reset` and `malformed`
 * break the real answer on the wire (see `WireBreak`).
 */
export type FaultKind = 'error' | 'throttle' | 'delay' | WireBreak;

export interface Fault<Req> {
  /** Every request when absent. */
  readonly match?: (req: Req) => boolean;
  /** What the fake does instead of answering; `error` when absent. */
  readonly kind?: FaultKind;
  /** Instead of `kind`: this answer (the provider's own document, read when the fault strikes). */
  readonly answer?: (req: Req) => Reply;
  /** For `error`: the HTTP status and the provider's error code. */
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
  /** Sent as `Retry-After` (seconds) with an `error` or a `throttle`. */
  readonly retryAfterSeconds?: number;
  /** For `delay`: how long the answer takes (on top of the fake's latency). */
  readonly delayMs?: number;
  /**
   * The share of matching requests that fail, decided by a hash of (seed, the request's key), so a
   * run is reproducible whatever order concurrent requests arrive in.
   */
  readonly probability?: number;
  readonly seed?: number;
  /** How many matching requests fail; unlimited when absent. */
  times?: number;
}

/** How a provider writes what the harness injects: its error document and its throttling answer. */
export interface WireFormat<Req> {
  error(req: Req, status: number, code: string, message: string, headers: Record<string, string>): Reply;
  throttle(req: Req, headers: Record<string, string>): Reply;
}

/** A route table: the first route whose method and path pattern match, with the pattern's named groups. */
export class Routes<Target> {
  private readonly table: { method: string; pattern: RegExp; target: Target }[] = [];

  /** A string pattern matches the whole path literally. */
  add(method: string, pattern: string | RegExp, target: Target): this {
    const regex = typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pattern;
    this.table.push({ method, pattern: regex, target });
    return this;
  }

  find(method: string, path: string, accept: (target: Target) => boolean = () => true): { target: Target; params: Record<string, string> } | undefined {
    for (const { method: m, pattern, target } of this.table) {
      const match = m === method ? pattern.exec(path) : null;
      if (match && accept(target)) return { target, params: { ...match.groups } };
    }
    return undefined;
  }
}

/** A uniform number in [0, 1) from a string (FNV-1a, then an avalanche step). */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** A JSON answer as Azure and Google Cloud fakes and their tests write it. */
export interface JsonAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Sent as-is instead of `body` (a truncated or malformed document). */
  readonly raw?: string;
  /** Hold the answer this long (an endpoint slower than the client's timeout). */
  readonly delayMs?: number;
  readonly breaks?: WireBreak;
}

export function jsonReply(answer: JsonAnswer, contentType: string, empty: string): Reply {
  return {
    status: answer.status ?? 200,
    headers: { 'content-type': contentType, ...answer.headers },
    body: answer.raw ?? (answer.body === undefined ? empty : JSON.stringify(answer.body)),
    ...(answer.delayMs ? { delayMs: answer.delayMs } : {}),
    ...(answer.breaks ? { breaks: answer.breaks } : {}),
  };
}

let cachedCert: { key: string; cert: string } | undefined;

/** A self-signed certificate for 127.0.0.1, made once per worker with the openssl CLI. */
export function selfSignedCertificate(): { key: string; cert: string } {
  if (cachedCert) return cachedCert;
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-fake-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    cachedCert = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return cachedCert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WireOptions {
  /** The fake's name in the unrouted-request failure. */
  readonly name: string;
  /** Serve HTTPS with this key pair (clients that refuse plain HTTP). */
  readonly tls?: { key: string; cert: string };
  readonly keepAliveMs?: number;
}

/**
 * The base of every wire fake, `Req` being the provider's reading of a request and `Rec` an entry
 * of its request log. A subclass answers in `answer()`, logs with `record()`, reports what it has
 * no route for with `noRoute()`, and applies the injected faults with `injected()`.
 */
export abstract class WireFake<Req, Rec> {
  /** Added before every answer, to emulate the network (benchmarks, timeouts). */
  latencyMs = 0;
  /** Faults consulted in order; the first that takes a request decides its answer. */
  readonly faults: Fault<Req>[] = [];
  readonly requests: Rec[] = [];
  /** Keep the request log (off in benchmarks of thousands of calls, where nobody reads it). */
  recordRequests = true;
  /** Response body bytes sent: what a scanner downloads (benchmarks). */
  bytesSent = 0;
  /** Requests no route answered (and handler crashes): `close()` fails when there are any. */
  readonly unrouted: string[] = [];
  private server: Server | undefined;
  private base = '';

  protected constructor(private readonly wire: WireOptions) {}

  protected abstract answer(req: WireRequest): Promise<Reply> | Reply;
  protected abstract readonly format: WireFormat<Req>;

  get url(): string {
    if (!this.server) throw new Error(`the ${this.wire.name} fake is not started`);
    return this.base;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  fault(fault: Fault<Req>): this {
    this.faults.push(fault);
    return this;
  }

  async start(): Promise<this> {
    const listener = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    const server = this.wire.tls ? createHttpsServer(this.wire.tls, listener) : createHttpServer(listener);
    server.keepAliveTimeout = this.wire.keepAliveMs ?? 5000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `${this.wire.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops the server; throws when a request had no route (the code under test called something unexpected). */
  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (this.unrouted.length > 0) throw new Error(`the ${this.wire.name} fake had no route for:\n  ${this.unrouted.join('\n  ')}`);
  }

  protected record(entry: Rec): Rec {
    if (this.recordRequests) this.requests.push(entry);
    return entry;
  }

  /** Notes a request nothing answers (failing `close()`), and answers it with `reply`. */
  protected noRoute(what: string, reply: Reply): Reply {
    this.unrouted.push(what);
    return reply;
  }

  /**
   * The first fault that takes `req` and what the fake sends under it, or undefined to answer for
   * real; `key` names the request and its attempt for a fault's seeded `probability`.
   */
  protected async injected(req: Req, key: string, real: () => Reply | Promise<Reply>): Promise<{ kind: FaultKind | 'answer'; reply: Reply } | undefined> {
    const fault = this.faults.find(
      (f) => (f.times === undefined || f.times > 0) && (f.match?.(req) ?? true) &&
        (f.probability === undefined || hashUnit(`${f.seed ?? 0}|${key}`) < f.probability),
    );
    if (!fault) return undefined;
    if (fault.times !== undefined) fault.times--;
    if (fault.answer) return { kind: 'answer', reply: fault.answer(req) };
    const kind = fault.kind ?? 'error';
    const retryAfter: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    switch (kind) {
      case 'error':
        return { kind, reply: this.format.error(req, fault.status ?? 400, fault.code ?? 'InjectedFault', fault.message ?? `injected ${fault.code ?? 'fault'}`, retryAfter) };
      case 'throttle':
        return { kind, reply: this.format.throttle(req, retryAfter) };
      case 'drop':
        return { kind, reply: { status: 0, breaks: 'drop' } };
      case 'delay':
        return { kind, reply: { ...(await real()), delayMs: fault.delayMs ?? 0 } };
      case 'reset':
      case 'malformed':
        return { kind, reply: { ...(await real()), breaks: kind } };
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request: WireRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', this.base), headers: req.headers, text: Buffer.concat(chunks).toString('utf8'), arrived };
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      await this.send(req, res, await this.answer(request));
    } catch (e) {
      this.unrouted.push(`the ${this.wire.name} fake crashed on ${req.method} ${req.url}: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('fake crashed');
    }
  }

  private async send(req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
    if (reply.delayMs) {
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      await sleep(reply.delayMs, undefined, { signal: gone.signal }).catch(() => undefined);
    }
    if (res.destroyed || res.writableEnded) return;
    if (reply.breaks === 'drop') {
      req.socket.destroy();
      return;
    }
    const body = reply.body ?? '';
    const half = body.slice(0, Math.floor(body.length / 2));
    const sent = reply.breaks === 'malformed' ? half : body;
    const length = Buffer.byteLength(sent);
    this.bytesSent += length;
    res.writeHead(reply.status, { 'content-length': String(length), ...reply.headers });
    // A reset promises the whole body, sends half, then drops the connection.
    if (reply.breaks === 'reset') res.write(half, () => res.socket?.destroy());
    else res.end(sent);
  }
}
