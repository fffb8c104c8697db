import type { Logger } from 'pino';
import type { Listing } from '../core/inventory.js';
import { collectionError, unseen, type CollectionError } from '../core/observed.js';
import type { ApiCaller, CollectTask, ProviderAdapter, Target } from '../core/provider.js';
import type { Scope } from '../core/resource.js';

export interface TaskRun {
  readonly adapter: ProviderAdapter;
  readonly target: Target;
  readonly task: CollectTask;
  readonly api: ApiCaller;
  readonly log: Logger;
  /** The scan's signal: its deadline and the caller's abort. */
  readonly signal: AbortSignal;
  readonly taskMs: number;
}

/** Run one task; whatever it could not deliver becomes error listings for its declared types. */
export async function collectTask({ adapter, target, task, api, log, signal, taskMs }: TaskRun): Promise<readonly Listing[]> {
  const scope: Scope = { provider: target.provider, account: target.account, region: task.region, ...(target.accountName ? { accountName: target.accountName } : {}) };
  const where = { provider: target.provider, account: target.account, region: task.region };
  const failAll = (error: CollectionError): Listing[] => task.types.map((type) => ({ scope, type, items: unseen(error) }));
  if (signal.aborted) {
    return failAll(collectionError('TIMEOUT', `${task.service}:*`, 'the scan deadline passed before this collector ran', where));
  }
  // A timer we clear and a listener we remove once the task is over: AbortSignal.timeout() and
  // a listener left on the composite signal would keep the race, and so the task's listings,
  // reachable until taskMs elapsed, i.e. every account's inventory for the whole scan.
  const overdue = new AbortController();
  const timer = setTimeout(() => overdue.abort(new DOMException(`task exceeded ${taskMs} ms`, 'TimeoutError')), taskMs);
  const taskSignal = AbortSignal.any([signal, overdue.signal]);
  let onAbort: (() => void) | undefined;
  try {
    // A collector stuck past its time is abandoned: racing it keeps the scan moving.
    const abandoned = new Promise<never>((_, reject) => {
      onAbort = () => reject(taskSignal.reason);
      taskSignal.addEventListener('abort', onAbort, { once: true });
    });
    const listings = await Promise.race([task.run({ api, signal: taskSignal, log }), abandoned]);
    const declared = new Set(task.types);
    const delivered = listings.filter((l) => declared.has(l.type));
    const missing = task.types.filter((t) => !delivered.some((l) => l.type === t));
    return [
      ...delivered,
      ...missing.map((type) => ({ scope, type, items: unseen<never>(collectionError('INVALID_RESPONSE', `${task.service}:*`, `the ${task.service} collector returned no ${type} listing`, where)) })),
    ];
  } catch (e) {
    const error = taskSignal.aborted
      ? collectionError('TIMEOUT', `${task.service}:*`, signal.aborted ? 'the scan deadline passed while collecting' : `the ${task.service} collector did not finish within ${taskMs} ms`, where)
      : { ...adapter.classifyError(e, `${task.service}:*`), ...where };
    log.warn({ service: task.service, region: task.region, code: error.code, operation: error.operation }, 'collector failed');
    return failAll(error);
  } finally {
    clearTimeout(timer);
    if (onAbort) taskSignal.removeEventListener('abort', onAbort);
  }
}
