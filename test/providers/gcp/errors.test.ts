import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GcpClients } from '../../../providers/gcp/collect/clients.js';
import { classifyGcpError, parseGcpError } from '../../../providers/gcp/collect/errors.js';
import { gcpError, GcpFake, permissionDenied, rateLimited, serviceDisabled } from '../../fakes/gcp/server.js';
import { fakeConfig } from './support.js';

let fake: GcpFake;
let clients: GcpClients;
beforeEach(async () => {
  fake = await new GcpFake().start();
  clients = await GcpClients.create(fakeConfig(fake), { accessToken: 't' }, 5_000);
});
afterEach(async () => {
  expect(fake.unrouted).toEqual([]);
  await clients.close();
  await fake.close();
});

const thrown = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new Error('the call succeeded');
};

/** One representative call per client family: gax REST (compute), googleapis (logging), storage. */
const calls = {
  gax: () => clients.firewalls.list({ project: 'p' }, { autoPaginate: false }),
  googleapis: () => clients.logging.projects.sinks.list({ parent: 'projects/p' }),
  storage: () => clients.storage.getBuckets({ project: 'p', autoPaginate: false } as never),
};
const routeAll = (answer: ReturnType<typeof gcpError>) => {
  fake.route('GET', /global\/firewalls$/, answer).route('GET', /\/sinks$/, answer).route('GET', '/storage/v1/b', answer);
};

describe('Google API errors, whichever client threw them', () => {
  test.each(Object.keys(calls) as (keyof typeof calls)[])('%s: SERVICE_DISABLED is NOT_ENABLED under the API name', async (family) => {
    routeAll(serviceDisabled('compute.googleapis.com', '42'));
    const error = classifyGcpError(await thrown(calls[family]), 'compute.firewalls.list', { account: 'p' });
    expect(error).toMatchObject({ code: 'NOT_ENABLED', operation: 'compute.googleapis.com', account: 'p', provider: 'gcp' });
    expect(error.message).toContain('needed for compute.firewalls.list');
  });

  test.each(Object.keys(calls) as (keyof typeof calls)[])('%s: 403 PERMISSION_DENIED is ACCESS_DENIED naming the operation', async (family) => {
    routeAll(permissionDenied('compute.firewalls.list', 'projects/p'));
    const e = await thrown(calls[family]);
    expect(parseGcpError(e).status).toBe(403);
    expect(classifyGcpError(e, 'compute.firewalls.list')).toMatchObject({ code: 'ACCESS_DENIED', operation: 'compute.firewalls.list' });
  });

  test.each(Object.keys(calls) as (keyof typeof calls)[])('%s: 429 RESOURCE_EXHAUSTED is THROTTLED, answered once (no hidden client retries)', async (family) => {
    routeAll(rateLimited('compute.googleapis.com'));
    const e = await thrown(calls[family]);
    expect(classifyGcpError(e, 'op').code).toBe('THROTTLED');
    expect(fake.requests).toHaveLength(1);
  });

  test('a refused connection is UNAVAILABLE', async () => {
    const port = fake.port;
    await fake.close();
    const dead = await GcpClients.create(fakeConfig({ url: `http://127.0.0.1:${port}` } as GcpFake), { accessToken: 't' }, 2_000);
    const error = classifyGcpError(await thrown(() => dead.logging.projects.sinks.list({ parent: 'projects/p' })), 'logging.sinks.list');
    expect(error.code).toBe('UNAVAILABLE');
    await dead.close();
    fake = await new GcpFake().start();
  });
});
