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
import * as tagging from '@aws-sdk/client-resource-groups-tagging-api';
import { randomUUID } from 'node:crypto';
import { Routes, WireFake, type Fault as HarnessFault, type FaultKind, type Reply, type WireFormat, type WireRequest } from '../harness.js';
import { BASE_ACCESS_KEY, BASE_CREDENTIALS } from './credentials.js';
import { HANDLERS, FakeAwsError, pageLimits } from './handlers.js';
import { escapeXml, jsonBody, restXmlBody, xmlMembers } from './serialize.js';
import type { FakeAccount, FakeState } from './state.js';
import { DATA_PROTOCOLS, DATA_REST_ROUTES } from './services/data.js';
import { EDGE_EXTRA_HANDLERS, EDGE_HANDLERS, EDGE_PROTOCOLS, EDGE_REST_ROUTES } from './services/edge.js';

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
  ...DATA_PROTOCOLS,
  ...EDGE_PROTOCOLS,

  tagging: { protocol: 'json', module: tagging },
};

/** REST routes: method, path pattern, and for S3 the sub-resource query key that names the operation. */
const REST_TABLE: { service: string; method: string; path: RegExp; subresource?: string; operation: string }[] = [
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
  ...DATA_REST_ROUTES,
  ...EDGE_REST_ROUTES,
];

// aws-edge (issue 13): new services, and the calls they add to existing ones.
Object.assign(HANDLERS, EDGE_HANDLERS);
for (const [service, handlers] of Object.entries(EDGE_EXTRA_HANDLERS)) HANDLERS[service] = { ...HANDLERS[service], ...handlers };

/** The REST routes by service; an S3 bucket route with no sub-resource answers only a query without one. */
const REST_ROUTES = new Map<string, Routes<{ operation: string; subresource?: string }>>();
for (const { service, method, path, ...target } of REST_TABLE) {
  if (!REST_ROUTES.has(service)) REST_ROUTES.set(service, new Routes());
  REST_ROUTES.get(service)!.add(method, path, target);
}
const SUBRESOURCE_QUERY = /[?&](encryption|publicAccessBlock|policyStatus|policy|acl|ownershipControls|versioning|logging|tagging)(=|&|$)/;

/** The AWS reading of a request: what a fault can be aimed at, and how its errors are written. */
export interface AwsCall {
  readonly service: string;
  readonly operation: string;
  readonly account: string;
  readonly region: string;
  readonly protocol: Protocol;
}

/**
 * A fault aimed by service, operation, region and account (see `FaultKind` for what it does). The
 * throttling answer is each protocol's own: Query `Throttling` 400, EC2 `RequestLimitExceeded`
 * 503, S3 `SlowDown` 503, JSON `ThrottlingException` 400, REST-JSON `TooManyRequestsException` 429.
 */
export interface Fault extends Omit<HarnessFault<AwsCall>, 'match'> {
  /** Any service when absent. */
  readonly service?: string;
  /** Services the fault leaves alone (with `service` absent: every other service). */
  readonly exceptServices?: readonly string[];
  readonly operation?: string;
  readonly region?: string;
  readonly account?: string;
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
  fault?: FaultKind | 'answer';
}

/** Each protocol's own throttling answer: [HTTP status, error code]. */
const THROTTLING: Record<Protocol, [number, string]> = {
  query: [400, 'Throttling'],
  ec2: [503, 'RequestLimitExceeded'],
  'rest-xml': [503, 'SlowDown'],
  json: [400, 'ThrottlingException'],
  'rest-json': [429, 'TooManyRequestsException'],
};

const text = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/plain' }, body });

export { BASE_ACCESS_KEY, BASE_CREDENTIALS };

export class FakeAws extends WireFake<AwsCall, RecordedRequest> {
  /** At most this many items per page, whatever the client asked for (exercises pagination cheaply). */
  pageCap = Number.POSITIVE_INFINITY;
  /** Access keys handed out by AssumeRole: key -> account. */
  private readonly sessions = new Map<string, { account: string; expires: Date }>();
  protected readonly format: WireFormat<AwsCall> = {
    error: (call, status, code, message, headers) => errorReply(call.protocol, status, code, message, headers),
    throttle: (call, headers) => {
      const [status, code] = THROTTLING[call.protocol];
      return errorReply(call.protocol, status, code, 'Rate exceeded', headers);
    },
  };

  constructor(readonly state: FakeState) {
    super({ name: 'AWS' });
  }

  static async start(state: FakeState): Promise<FakeAws> {
    return new FakeAws(state).start();
  }

  override fault(fault: Fault): this {
    const { service, exceptServices, operation, region, account } = fault;
    return super.fault({
      ...fault,
      match: (c) => (service === undefined || c.service === service) && !exceptServices?.includes(c.service) &&
        (operation === undefined || c.operation === operation) && (region === undefined || c.region === region) && (account === undefined || c.account === account),
    });
  }

  /** Requests that reached a handler (faults included), optionally for one operation. */
  count(service: string, operation?: string, filter: Partial<RecordedRequest> = {}): number {
    return this.requests.filter(
      (r) => r.service === service && (operation === undefined || r.operation === operation) &&
        Object.entries(filter).every(([k, v]) => r[k as keyof RecordedRequest] === v),
    ).length;
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

  protected async answer(req: WireRequest): Promise<Reply> {
    const { url, text: body } = req;
    const target = `${req.method} ${url.pathname}${url.search}`;
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
    if (!scope) return this.noRoute(`unsigned request ${target}`, text(400, 'unsigned'));
    const [, accessKey, region, signingName] = scope as unknown as [string, string, string, string];
    const service = signingName === 's3' && url.pathname.startsWith('/v20180820/') ? 's3control' : signingName;
    const wire = PROTOCOLS[service];
    if (!wire) return this.noRoute(`unknown service ${service}: ${target}`, text(400, 'unknown service'));

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
      const route = REST_ROUTES.get(service)?.find(req.method, url.pathname, (r) => (r.subresource ? url.searchParams.has(r.subresource) : !SUBRESOURCE_QUERY.test(url.search)));
      if (route) {
        operation = route.target.operation;
        pathParams = Object.fromEntries(Object.entries(route.params).map(([k, v]) => [k, decodeURIComponent(v)]));
      }
    }
    const handler = operation ? HANDLERS[service]?.[operation] : undefined;
    if (!operation || !handler) {
      return this.noRoute(`${service} ${operation ?? '?'}: ${target} ${body.slice(0, 200)}`,
        errorReply(wire.protocol, 400, 'FakeNoRoute', `no route for ${service} ${operation ?? url.pathname + url.search}`));
    }

    const who = this.accountFor(accessKey);
    if (!who) return errorReply(wire.protocol, 403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    const recorded = this.record({
      service, operation, account: who.id, region, at: req.arrived, attempt,
      invocationId: String(req.headers['amz-sdk-invocation-id'] ?? randomUUID()),
    });
    const call: AwsCall = { service, operation, account: who.id, region, protocol: wire.protocol };
    const real = (): Reply => {
      pageLimits.cap = this.pageCap;
      try {
        return respond(wire, operation, handler({ fake: this, account: who, region, params, json, path: pathParams, headers: req.headers }));
      } catch (e) {
        if (e instanceof FakeAwsError) return errorReply(wire.protocol, e.status, e.code, e.message);
        throw e;
      }
    };
    const injected = await this.injected(call, `${service}|${operation}|${who.id}|${region}|${target}|${body}|${attempt}`, real);
    if (!injected) return real();
    recorded.fault = injected.kind;
    return injected.reply;
  }
}

function respond(wire: (typeof PROTOCOLS)[string], operation: string, output: Record<string, unknown>): Reply {
  const requestId = randomUUID();
  const opSchema = wire.module[`${operation}$`] as unknown[] | undefined;
  if (!opSchema) throw new Error(`no SDK schema for ${operation}`);
  const outputSchema = opSchema[5] as Parameters<typeof xmlMembers>[0];
  switch (wire.protocol) {
    case 'query':
      return reply(200, 'text/xml',
        `<${operation}Response xmlns="${wire.xmlns}"><${operation}Result>${xmlMembers(outputSchema, output)}</${operation}Result>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`);
    case 'ec2':
      return reply(200, 'text/xml',
        `<${operation}Response xmlns="${wire.xmlns}"><requestId>${requestId}</requestId>${xmlMembers(outputSchema, output)}</${operation}Response>`);
    case 'rest-xml': {
      // S3 names every request in a header, success or not.
      if (typeof output.Policy === 'string') return reply(200, 'application/json', output.Policy, { 'x-amz-request-id': requestId });
      return reply(200, 'application/xml', restXmlBody(outputSchema, output, wire.xmlns!) ?? '', { 'x-amz-request-id': requestId });
    }
    case 'json':
      return reply(200, 'application/x-amz-json-1.1', jsonBody(output), { 'x-amzn-requestid': requestId });
    case 'rest-json':
      return reply(200, 'application/json', jsonBody(output), { 'x-amzn-requestid': requestId });
  }
}

/** An error in `protocol`'s own shape. */
function errorReply(protocol: Protocol, status: number, code: string, message: string, extra: Record<string, string> = {}): Reply {
  const requestId = randomUUID();
  const msg = escapeXml(message);
  switch (protocol) {
    case 'query':
      return reply(status, 'text/xml',
        `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, extra);
    case 'ec2':
      return reply(status, 'text/xml',
        `<Response><Errors><Error><Code>${code}</Code><Message>${msg}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, extra);
    case 'rest-xml':
      return reply(status, 'application/xml',
        `<Error><Code>${code}</Code><Message>${msg}</Message><RequestId>${requestId}</RequestId></Error>`, { 'x-amz-request-id': requestId, ...extra });
    case 'json':
      return reply(status, 'application/x-amz-json-1.1', JSON.stringify({ __type: code, message }), { 'x-amzn-requestid': requestId, ...extra });
    case 'rest-json':
      return reply(status, 'application/json', JSON.stringify({ message }), { 'x-amzn-errortype': code, 'x-amzn-requestid': requestId, ...extra });
  }
}

const reply = (status: number, contentType: string, body: string, headers: Record<string, string> = {}): Reply =>
  ({ status, headers: { 'content-type': contentType, ...headers }, body });
