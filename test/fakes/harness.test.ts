import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { get as httpsGet } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_CREDENTIALS, FakeAws } from './aws/server.js';
import { emptyAccount } from './aws/state.js';
import { AzureFake } from './azure/server.js';
import { GcpFake } from './gcp/server.js';

/**
 * The fault kinds every wire fake inherits from the harness, seen from a plain HTTP client, and
 * each provider's own throttling document for the same declarative fault.
 */

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One GET on a fresh connection; rejects when the connection breaks before the body is whole. */
function get(url: string, options: { ca?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsGet : httpGet;
    request(url, { agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

const ITEMS = { items: ['first', 'second', 'third'] };
let fake: GcpFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function gcp(): Promise<GcpFake> {
  fake = await new GcpFake().route('GET', '/items', { body: ITEMS }).start();
  return fake;
}

describe('the fault kinds of the wire fakes', () => {
  it('error: the status and code in the provider\'s error document, with Retry-After when asked', async () => {
    const f = (await gcp()).fault({ kind: 'error', status: 403, code: 'PERMISSION_DENIED', retryAfterSeconds: 3 });
    const answer = await get(`${f.url}/items`);
    expect(answer.status).toBe(403);
    expect(answer.headers['retry-after']).toBe('3');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
  });

  it('throttle: the provider\'s own throttling answer, counted against `times`', async () => {
    const f = (await gcp()).fault({ kind: 'throttle', retryAfterSeconds: 1, times: 1 });
    const throttled = await get(`${f.url}/items`);
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '1']);
    expect(JSON.parse(throttled.body)).toMatchObject({ error: { status: 'RESOURCE_EXHAUSTED' } });
    expect(JSON.parse((await get(`${f.url}/items`)).body)).toEqual(ITEMS);
  });

  it('delay: the real answer, late', async () => {
    const f = (await gcp()).fault({ kind: 'delay', delayMs: 300 });
    const started = performance.now();
    const answer = await get(`${f.url}/items`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(JSON.parse(answer.body)).toEqual(ITEMS);
  });

  it('drop: the connection closes before any answer', async () => {
    const f = (await gcp()).fault({ kind: 'drop' });
    await expect(get(`${f.url}/items`)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('reset: the answer starts, then the connection breaks mid-body', async () => {
    const f = (await gcp()).fault({ kind: 'reset' });
    await expect(get(`${f.url}/items`)).rejects.toThrow(/aborted|ECONNRESET/);
  });

  it('malformed: a 200 whose body is cut in half', async () => {
    const f = (await gcp()).fault({ kind: 'malformed' });
    const answer = await get(`${f.url}/items`);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(ITEMS).startsWith(answer.body)).toBe(true);
    expect(answer.body.length).toBe(Math.floor(JSON.stringify(ITEMS).length / 2));
  });

  it('a seeded probability picks the same requests on every run', async () => {
    const f = await gcp();
    f.fault({ kind: 'throttle', probability: 0.5, seed: 7, match: (r) => r.query.has('n') });
    const statuses = async () => Promise.all(Array.from({ length: 16 }, (_, n) => get(`${f.url}/items?n=${n}`).then((a) => a.status)));
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 429]));
    expect(await statuses()).toEqual(first);
  });

  it('a request without a route fails close(), naming it', async () => {
    const f = await gcp();
    expect((await get(`${f.url}/nowhere`)).status).toBe(501);
    await expect(f.close()).rejects.toThrow(/no route for:\s+GET \/nowhere/);
    fake = undefined;
  });
});

describe('the same declarative throttle in each provider\'s wire format', () => {
  it('AWS: the protocol\'s own throttling error (IAM Query: Throttling, 400)', async () => {
    const account = emptyAccount('111111111111');
    const aws = await FakeAws.start({ callerAccount: account.id, accounts: new Map([[account.id, account]]) });
    aws.fault({ service: 'iam', kind: 'throttle' });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: aws.url, credentials: BASE_CREDENTIALS, maxAttempts: 1 });
    try {
      await expect(iam.send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: 'Throttling', $metadata: { httpStatusCode: 400 } });
      expect(aws.requests.map((r) => r.fault)).toEqual(['throttle']);
    } finally {
      iam.destroy();
      await aws.close();
    }
  });

  it('Azure: 429 TooManyRequests with Retry-After, over TLS', async () => {
    const azure = await new AzureFake({ tenantId: 't', subscriptions: [], users: [] }).start();
    azure.fault({ kind: 'throttle', retryAfterSeconds: 2 });
    try {
      const answer = await get(`${azure.url}/subscriptions`, { ca: azure.ca, headers: { authorization: 'Bearer fake-token' } });
      expect([answer.status, answer.headers['retry-after']]).toEqual([429, '2']);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'TooManyRequests', message: 'Rate limit exceeded.' } });
    } finally {
      await azure.close();
    }
  });
});
