import * as accessanalyzer from '@aws-sdk/client-accessanalyzer';
import * as account from '@aws-sdk/client-account';
import * as backup from '@aws-sdk/client-backup';
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as config from '@aws-sdk/client-config-service';
import * as ec2 from '@aws-sdk/client-ec2';
import * as efs from '@aws-sdk/client-efs';
import * as guardduty from '@aws-sdk/client-guardduty';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as organizations from '@aws-sdk/client-organizations';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import * as sts from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HANDLERS, FakeAwsError, pageLimits, type HandlerContext } from './handlers.js';
import { escapeXml, jsonBody, restXmlBody, xmlMembers } from './serialize.js';
import type { FakeAccount, FakeState } from './state.js';

/**
 * A wire-level fake of the AWS APIs dutyscan reads, for the real SDK clients: Query/XML (IAM,
 * STS, RDS, EC2), REST-XML (S3, S3 Control), JSON 1.1 (Organizations, KMS, CloudTrail) and
 * REST-JSON (Backup, Account). The account is read from the SigV4 access key, the region and
 * service from the credential scope, so one fake serves an organisation of accounts in many
 * regions. Any request without a route is recorded and fails the test at `close()`.
 */

type Protocol = 'query' | 'ec2' | 'rest-xml' | 'json' | 'rest-json';

const PROTOCOLS: Record<string, { protocol: Protocol; module: Record<string, unknown>; xmlns?: string }> = {
  iam: { protocol: 'query', module: iam, xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/' },
  sts: { protocol: 'query', module: sts, xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  rds: { protocol: 'query', module: rds, xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/' },
  ec2: { protocol: 'ec2', module: ec2, xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/' },
  s3: { protocol: 'rest-xml', module: s3, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
  s3control: { protocol: 'rest-xml', module: s3control, xmlns: 'http://awss3control.amazonaws.com/doc/2018-08-20/' },
  organizations: { protocol: 'json', module: organizations },
  kms: { protocol: 'json', module: kms },
  cloudtrail: { protocol: 'json', module: cloudtrail },
  backup: { protocol: 'rest-json', module: backup },
  account: { protocol: 'rest-json', module: account },
  config: { protocol: 'json', module: config },
  logs: { protocol: 'json', module: logs },
  guardduty: { protocol: 'rest-json', module: guardduty },
  'access-analyzer': { protocol: 'rest-json', module: accessanalyzer },
  elasticfilesystem: { protocol: 'rest-json', module: efs },
};

/** REST routes: method, path pattern, and for S3 the sub-resource query key that names the operation. */
const REST_ROUTES: { service: string; method: string; path: RegExp; subresource?: string; operation: string }[] = [
  { service: 's3control', method: 'GET', path: /^\/v20180820\/configuration\/publicAccessBlock$/, operation: 'GetPublicAccessBlock' },
  { service: 's3', method: 'GET', path: /^\/$/, operation: 'ListBuckets' },
  ...[
    ['encryption', 'GetBucketEncryption'],
    ['publicAccessBlock', 'GetPublicAccessBlock'],
    ['policyStatus', 'GetBucketPolicyStatus'],
    ['policy', 'GetBucketPolicy'],
    ['acl', 'GetBucketAcl'],
    ['ownershipControls', 'GetBucketOwnershipControls'],
    ['versioning', 'GetBucketVersioning'],
    ['logging', 'GetBucketLogging'],
    ['tagging', 'GetBucketTagging'],
    ['object-lock', 'GetObjectLockConfiguration'],
  ].map(([subresource, operation]) => ({
    service: 's3', method: 'GET', path: /^\/(?<bucket>[^/]+)\/?$/, subresource: subresource!, operation: operation!,
  })),
  { service: 'backup', method: 'GET', path: /^\/backup\/plans\/?$/, operation: 'ListBackupPlans' },
  { service: 'backup', method: 'GET', path: /^\/backup\/plans\/(?<plan>[^/]+)\/?$/, operation: 'GetBackupPlan' },
  { service: 'backup', method: 'GET', path: /^\/backup\/plans\/(?<plan>[^/]+)\/selections\/?$/, operation: 'ListBackupSelections' },
  { service: 'backup', method: 'GET', path: /^\/backup\/plans\/(?<plan>[^/]+)\/selections\/(?<selection>[^/]+)\/?$/, operation: 'GetBackupSelection' },
  { service: 'backup', method: 'GET', path: /^\/resources\/?$/, operation: 'ListProtectedResources' },
  { service: 'account', method: 'POST', path: /^\/getAlternateContact$/, operation: 'GetAlternateContact' },
  { service: 'guardduty', method: 'GET', path: /^\/detector\/?$/, operation: 'ListDetectors' },
  { service: 'guardduty', method: 'GET', path: /^\/detector\/(?<detector>[^/]+)\/?$/, operation: 'GetDetector' },
  { service: 'access-analyzer', method: 'GET', path: /^\/analyzer\/?$/, operation: 'ListAnalyzers' },
  { service: 'elasticfilesystem', method: 'GET', path: /^\/2015-02-01\/file-systems\/?$/, operation: 'DescribeFileSystems' },
];

export interface Fault {
  /** Any service when absent. */
  readonly service?: string;
  /** Services the fault leaves alone (with `service` absent: every other service). */
  readonly exceptServices?: readonly string[];
  readonly operation?: string;
  readonly region?: string;
  readonly account?: string;
  /**
   * What the fake does instead of answering: `error` (default) answers `code`/`status` in the
   * protocol's error shape; `throttle` answers the protocol's own throttling error (Query
   * `Throttling` 400, EC2 `RequestLimitExceeded` 503, S3 `SlowDown` 503, JSON
   * `ThrottlingException` 400, REST-JSON `TooManyRequestsException` 429); `reset` sends the
   * headers and half the body, then destroys the socket; `drop` destroys the socket before
   * answering anything (the client sees "socket hang up", ECONNRESET); `delay` answers after `delayMs`;
   * `malformed` answers 200 with the body cut in half.
   */
  readonly kind?: 'error' | 'throttle' | 'reset' | 'drop' | 'delay' | 'malformed';
  /** Error code as AWS sends it (`Throttling`, `AccessDenied`, `InternalError`, ...), for `error`. */
  readonly code?: string;
  readonly status?: number;
  /** Sent as `Retry-After` (seconds) with the error. */
  readonly retryAfterSeconds?: number;
  /** For `delay`: how long the answer takes (on top of `latencyMs`). */
  readonly delayMs?: number;
  /**
   * The share of matching requests that fail, decided by a hash of (seed, the request and its
   * attempt number), so a run is reproducible whatever order concurrent requests arrive in.
   */
  readonly probability?: number;
  readonly seed?: number;
  /** How many matching requests fail; unlimited when absent. */
  times?: number;
}

export interface RecordedRequest {
  readonly service: string;
  readonly operation: string;
  readonly account: string;
  readonly region: string;
  /** Arrival time (performance.now() of the fake's process), for measuring retry gaps. */
  readonly at: number;
  /** The SDK's `amz-sdk-invocation-id`: the same for every attempt of one call. */
  readonly invocationId: string;
  /** The attempt number from `amz-sdk-request` (1 for the first). */
  readonly attempt: number;
  /** The fault injected into this request, if any. */
  fault?: NonNullable<Fault['kind']>;
}

/** Each protocol's own throttling answer: [HTTP status, error code]. */
const THROTTLING: Record<Protocol, [number, string]> = {
  query: [400, 'Throttling'],
  ec2: [503, 'RequestLimitExceeded'],
  'rest-xml': [503, 'SlowDown'],
  json: [400, 'ThrottlingException'],
  'rest-json': [429, 'TooManyRequestsException'],
};

/** A uniform number in [0, 1) from a string (FNV-1a, then an avalanche step). */
function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

export const BASE_ACCESS_KEY = 'AKIAFAKEDUTYSCAN0001';
export const BASE_CREDENTIALS = { accessKeyId: BASE_ACCESS_KEY, secretAccessKey: 'fake-secret-key' } as const;

export class FakeAws {
  latencyMs = 0;
  /** At most this many items per page, whatever the client asked for (exercises pagination cheaply). */
  pageCap = Number.POSITIVE_INFINITY;
  readonly faults: Fault[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly unrouted: string[] = [];
  private readonly truncated = new WeakSet<ServerResponse>();
  private readonly resets = new WeakSet<ServerResponse>();
  /** Access keys handed out by AssumeRole: key -> account. */
  private readonly sessions = new Map<string, { account: string; expires: Date }>();
  private constructor(
    readonly state: FakeState,
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(state: FakeState): Promise<FakeAws> {
    let fake: FakeAws | undefined;
    const server = createServer((req, res) => {
      void fake!.handle(req, res).catch((e: unknown) => {
        fake!.unrouted.push(`fake crashed on ${req.method} ${req.url}: ${String(e)}`);
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('fake error');
      });
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeAws(state, server, `http://127.0.0.1:${port}`);
    return fake;
  }

  fault(fault: Fault): this {
    this.faults.push(fault);
    return this;
  }

  /** Requests that reached a handler (faults included), optionally for one operation. */
  count(service: string, operation?: string, filter: Partial<RecordedRequest> = {}): number {
    return this.requests.filter(
      (r) => r.service === service && (operation === undefined || r.operation === operation) &&
        Object.entries(filter).every(([k, v]) => r[k as keyof RecordedRequest] === v),
    ).length;
  }

  /** Fails (throws) when any request had no route, after stopping the server. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.unrouted.length > 0) throw new Error(`the AWS fake had no route for:\n  ${this.unrouted.join('\n  ')}`);
  }

  issueSession(accountId: string, durationSeconds: number): { key: string; expires: Date } {
    const key = `ASIA${accountId}${randomUUID().slice(0, 8).toUpperCase()}`;
    const expires = new Date(Date.now() + durationSeconds * 1000);
    this.sessions.set(key, { account: accountId, expires });
    return { key, expires };
  }

  private accountFor(accessKey: string): FakeAccount | undefined {
    if (accessKey === BASE_ACCESS_KEY) return this.state.accounts.get(this.state.callerAccount);
    const session = this.sessions.get(accessKey);
    if (!session || session.expires.getTime() < Date.now()) return undefined;
    return this.state.accounts.get(session.account);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
    if (!scope) {
      this.unrouted.push(`unsigned request ${req.method} ${req.url}`);
      return this.send(res, 400, 'text/plain', 'unsigned');
    }
    const [, accessKey, region, signingName] = scope as unknown as [string, string, string, string];
    const service = signingName === 's3' && url.pathname.startsWith('/v20180820/') ? 's3control' : signingName;
    const wire = PROTOCOLS[service];
    if (!wire) {
      this.unrouted.push(`unknown service ${service}: ${req.method} ${req.url}`);
      return this.send(res, 400, 'text/plain', 'unknown service');
    }

    let operation: string | undefined;
    let params: Record<string, string> = {};
    let json: Record<string, unknown> = {};
    let pathParams: Record<string, string> = {};
    if (wire.protocol === 'query' || wire.protocol === 'ec2') {
      params = Object.fromEntries(new URLSearchParams(body));
      operation = params.Action;
    } else if (wire.protocol === 'json') {
      operation = String(req.headers['x-amz-target'] ?? '').split('.').pop();
      json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } else {
      json = body && wire.protocol === 'rest-json' ? (JSON.parse(body) as Record<string, unknown>) : {};
      params = Object.fromEntries(url.searchParams);
      const route = REST_ROUTES.find(
        (r) => r.service === service && r.method === req.method && r.path.test(url.pathname) &&
          (r.subresource ? url.searchParams.has(r.subresource) : !url.search.match(/[?&](encryption|publicAccessBlock|policyStatus|policy|acl|ownershipControls|versioning|logging|tagging)(=|&|$)/)),
      );
      if (route) {
        operation = route.operation;
        pathParams = Object.fromEntries(
          Object.entries(route.path.exec(url.pathname)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
        );
      }
    }
    const handler = operation ? HANDLERS[service]?.[operation] : undefined;
    if (!operation || !handler) {
      this.unrouted.push(`${service} ${operation ?? '?'}: ${req.method} ${req.url} ${body.slice(0, 200)}`);
      return this.error(res, wire.protocol, 400, 'FakeNoRoute', `no route for ${service} ${operation ?? req.url}`);
    }

    const who = this.accountFor(accessKey);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (!who) return this.error(res, wire.protocol, 403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    const recorded: RecordedRequest = {
      service, operation, account: who.id, region, at: arrived, attempt,
      invocationId: String(req.headers['amz-sdk-invocation-id'] ?? randomUUID()),
    };
    this.requests.push(recorded);

    const draw = (seed: number) => hashUnit(`${seed}|${service}|${operation}|${who.id}|${region}|${req.method} ${req.url}|${body}|${attempt}`);
    const fault = this.faults.find(
      (f) => (f.service === undefined || f.service === service) && !f.exceptServices?.includes(service) && (f.operation === undefined || f.operation === operation) &&
        (f.region === undefined || f.region === region) && (f.account === undefined || f.account === who.id) &&
        (f.times === undefined || f.times > 0) && (f.probability === undefined || draw(f.seed ?? 0) < f.probability),
    );
    let truncate = false;
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      const kind = fault.kind ?? 'error';
      recorded.fault = kind;
      const retryAfter: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      if (kind === 'error') {
        return this.error(res, wire.protocol, fault.status ?? 400, fault.code ?? 'InjectedFault', `injected ${fault.code ?? 'fault'}`, retryAfter);
      }
      if (kind === 'throttle') {
        const [status, code] = THROTTLING[wire.protocol];
        return this.error(res, wire.protocol, status, code, 'Rate exceeded', retryAfter);
      }
      if (kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (kind === 'reset') this.resets.add(res);
      if (kind === 'malformed') truncate = true;
      if (kind === 'delay') {
        const closed = new Promise<void>((resolve) => res.once('close', resolve));
        await Promise.race([new Promise((r) => setTimeout(r, fault.delayMs ?? 0)), closed]);
        if (res.destroyed || res.writableEnded) return;
      }
    }
    if (truncate) this.truncated.add(res);

    const ctx: HandlerContext = { fake: this, account: who, region, params, json, path: pathParams, headers: req.headers };
    let output: Record<string, unknown>;
    try {
      pageLimits.cap = this.pageCap;
      output = handler(ctx);
    } catch (e) {
      if (e instanceof FakeAwsError) return this.error(res, wire.protocol, e.status, e.code, e.message);
      throw e;
    }
    this.respond(res, service, wire, operation, output);
  }

  private respond(res: ServerResponse, service: string, wire: (typeof PROTOCOLS)[string], operation: string, output: Record<string, unknown>): void {
    const requestId = randomUUID();
    const opSchema = wire.module[`${operation}$`] as unknown[] | undefined;
    if (!opSchema) throw new Error(`no SDK schema for ${service} ${operation}`);
    const outputSchema = opSchema[5] as Parameters<typeof xmlMembers>[0];
    switch (wire.protocol) {
      case 'query':
        return this.send(res, 200, 'text/xml',
          `<${operation}Response xmlns="${wire.xmlns}"><${operation}Result>${xmlMembers(outputSchema, output)}</${operation}Result>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`);
      case 'ec2':
        return this.send(res, 200, 'text/xml',
          `<${operation}Response xmlns="${wire.xmlns}"><requestId>${requestId}</requestId>${xmlMembers(outputSchema, output)}</${operation}Response>`);
      case 'rest-xml': {
        // S3 names every request in a header, success or not.
        if (typeof output.Policy === 'string') return this.send(res, 200, 'application/json', output.Policy, { 'x-amz-request-id': requestId });
        return this.send(res, 200, 'application/xml', restXmlBody(outputSchema, output, wire.xmlns!) ?? '', { 'x-amz-request-id': requestId });
      }
      case 'json':
        return this.send(res, 200, 'application/x-amz-json-1.1', jsonBody(output), { 'x-amzn-requestid': requestId });
      case 'rest-json':
        return this.send(res, 200, 'application/json', jsonBody(output), { 'x-amzn-requestid': requestId });
    }
  }

  private error(res: ServerResponse, protocol: Protocol, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
    const requestId = randomUUID();
    const msg = escapeXml(message);
    switch (protocol) {
      case 'query':
        return this.send(res, status, 'text/xml',
          `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, extra);
      case 'ec2':
        return this.send(res, status, 'text/xml',
          `<Response><Errors><Error><Code>${code}</Code><Message>${msg}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, extra);
      case 'rest-xml':
        return this.send(res, status, 'application/xml',
          `<Error><Code>${code}</Code><Message>${msg}</Message><RequestId>${requestId}</RequestId></Error>`, { 'x-amz-request-id': requestId, ...extra });
      case 'json':
        return this.send(res, status, 'application/x-amz-json-1.1', JSON.stringify({ __type: code, message }), { 'x-amzn-requestid': requestId, ...extra });
      case 'rest-json':
        return this.send(res, status, 'application/json', JSON.stringify({ message }), { 'x-amzn-errortype': code, 'x-amzn-requestid': requestId, ...extra });
    }
  }

  private send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
    if (this.truncated.has(res)) body = body.slice(0, Math.floor(body.length / 2));
    if (this.resets.has(res)) {
      // Promise the whole body, send half, then drop the connection: a reset mid-response.
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
      res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  }
}
