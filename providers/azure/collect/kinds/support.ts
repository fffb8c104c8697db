import { createPipelineRequest } from '@azure/core-rest-pipeline';
import pLimit from 'p-limit';
import { observedBy, seen, unseen, type Observed } from '../../../../src/core/observed.js';
import type { Resource, ResourceType } from '../../../../src/core/resource.js';
import { resource } from '../../../../src/inventory/build.js';
import { callAzure } from '../calls.js';
import { AzureHttpError, classifyAzureError } from '../errors.js';
import type { KindContext } from '../kinds.js';
import * as n from '../normalise.js';

/** What the kinds share: building a resource from a row, reads that may fail on their own, and plain ARM reads. */

const ENRICH_CONCURRENCY = 8;

export const op = (ctx: KindContext, operation: string) => ({ service: 'arm', operation, account: ctx.subscription });
export const page = (token: string | undefined) => (token ? { continuationToken: token } : undefined);
export const raws = (items: readonly unknown[]): n.Raw[] => items.map((i) => (i ?? {}) as n.Raw);

export function make<T extends ResourceType>(type: T, ctx: KindContext, r: n.Raw, data: Resource<T>['data']): Resource<T> {
  const where = n.located(r);
  return resource(type, { provider: 'azure', account: ctx.subscription, region: where.location }, { id: where.id, name: where.name, tags: where.tags, data });
}

/** A read that can fail on its own becomes an observation, never an exception. */
export async function observe<T>(ctx: KindContext, operation: string, read: () => Promise<T>): Promise<Observed<T>> {
  try {
    return seen(await read(), observedBy(operation));
  } catch (error) {
    return unseen(classifyAzureError(error, operation, { account: ctx.subscription }));
  }
}

export async function mapLimited<A, B>(items: readonly A[], fn: (a: A) => Promise<B>): Promise<B[]> {
  const limit = pLimit(ENRICH_CONCURRENCY);
  return Promise.all(items.map((a) => limit(() => fn(a))));
}

/**
 * One ARM GET at `path` (`/subscriptions/...`) through the subscription's generic client pipeline
 * (credential, endpoint, TLS, read budget): for the types no installed per-service client covers,
 * so no new SDK is needed for a JSON read.
 */
async function armRequest(ctx: KindContext, url: string, signal: AbortSignal): Promise<n.Raw> {
  const response = await ctx.clients.resources(ctx.subscription).sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal: signal }));
  const text = response.bodyAsText ?? '';
  if (response.status >= 400) {
    let code: string | undefined;
    let message = text;
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      code = body.error?.code;
      message = body.error?.message ?? text;
    } catch { /* a non-JSON error body: keep the text */ }
    const headers = Object.fromEntries([...response.headers].map(([k, v]) => [k.toLowerCase(), v]));
    throw new AzureHttpError(`ARM GET ${new URL(url).pathname} answered ${response.status}: ${message}`, response.status, code, headers);
  }
  const body = JSON.parse(text || '{}') as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SyntaxError(`ARM GET ${new URL(url).pathname} answered without an object`);
  return body as n.Raw;
}

/** `path` may carry its own query (`?$filter=atScope()`). */
const urlOf = (ctx: KindContext, path: string, apiVersion: string) => `${ctx.clients.settings.cloud.resourceManager}${path}${path.includes('?') ? '&' : '?'}api-version=${apiVersion}`;

/** One ARM resource (or setting) by its path. */
export function armGet(ctx: KindContext, operation: string, path: string, apiVersion: string): Promise<n.Raw> {
  return callAzure(ctx.opts, op(ctx, operation), (signal) => armRequest(ctx, urlOf(ctx, path, apiVersion), signal));
}

/** Every item of an ARM listing at `path`, one counted call per `nextLink` page. */
export async function armList(ctx: KindContext, operation: string, path: string, apiVersion: string): Promise<n.Raw[]> {
  const out: n.Raw[] = [];
  let url: string | undefined = urlOf(ctx, path, apiVersion);
  while (url) {
    const current: string = url;
    const body = await callAzure(ctx.opts, op(ctx, operation), (signal) => armRequest(ctx, current, signal));
    // A page without its items is an unreadable answer, not an empty listing.
    if (!Array.isArray(body['value'])) throw new SyntaxError(`ARM GET ${new URL(current).pathname} answered without a value array`);
    out.push(...raws(body['value'] as unknown[]));
    url = typeof body['nextLink'] === 'string' && body['nextLink'] !== '' ? body['nextLink'] : undefined;
  }
  return out;
}
