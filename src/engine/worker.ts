/**
 * A worker process of `--workers` (see workers.ts): it resumes the targets the parent sends,
 * collects and evaluates them as the one-process scan does (the same Collector and
 * evaluateAccount), and sends each result, before annotation, back to the parent.
 */
import type { AnyCheck } from '../core/check.js';
import type { ProviderId } from '../core/observed.js';
import type { ApiOperation, ProviderAdapter } from '../core/provider.js';
import { createLogger } from '../util/log.js';
import { allChecks } from '../../checks/index.js';
import { adapters as bundledAdapters } from '../../providers/index.js';
import { evaluateAccount, type Evaluation } from './account.js';
import { Collector, type AccountVisitor } from './collect.js';
import { paramsOf } from './plan.js';
import { Trace } from './trace.js';
import type { Batched, FromWorker, ToWorker, WorkerInit } from './workers.js';

/** How often the count of API calls goes to the parent's progress line. */
const CALLS_EVERY_MS = 250;

const send = (message: FromWorker): void => {
  process.send?.(message);
};

/**
 * Results, unseen scopes, listings and job ends go to the parent in batches: one message per
 * result (tens of thousands in an organisation) cost both processes more in serialising and
 * writing than the results themselves. A batch leaves once the evaluation in hand yields, or at
 * BATCH_SIZE; the order of a job's messages is kept.
 */
const BATCH_SIZE = 512;
let outbox: Batched[] = [];
let flushing: NodeJS.Immediate | undefined;
const flush = (): void => {
  if (flushing) clearImmediate(flushing);
  flushing = undefined;
  if (outbox.length === 0) return;
  send({ t: 'batch', messages: outbox });
  outbox = [];
};
const post = (message: Batched): void => {
  outbox.push(message);
  if (outbox.length >= BATCH_SIZE) flush();
  else flushing ??= setImmediate(flush);
};

function start(init: WorkerInit): (message: ToWorker) => void {
  const { config, index } = init;
  const log = createLogger(init.logLevel).child({ worker: index });
  const aborted = new AbortController();
  const deadline = config.timeouts.scanMs ? AbortSignal.timeout(config.timeouts.scanMs) : undefined;
  const signal = deadline ? AbortSignal.any([aborted.signal, deadline]) : aborted.signal;
  const checksOf = new Map<ProviderId, AnyCheck[]>();
  for (const [provider, ids] of Object.entries(init.checks) as [ProviderId, string[]][]) {
    const wanted = new Set(ids);
    checksOf.set(provider, allChecks.filter((c) => wanted.has(c.id)));
  }

  let calls = 0;
  const flushCalls = () => {
    if (calls > 0) send({ t: 'calls', n: calls });
    calls = 0;
  };
  const ticker = setInterval(flushCalls, CALLS_EVERY_MS);

  const permits = new Map<number, { resolve: (ms: number) => void; reject: (e: Error) => void }>();
  let nextPermit = 0;
  const sharedBucket = (op: ApiOperation, _signal: AbortSignal, provider: ProviderId) => new Promise<number>((resolve, reject) => {
    const id = nextPermit++;
    permits.set(id, { resolve, reject });
    send({ t: 'permit', id, provider, op });
  });

  // Spans with this process's own ids: the parent takes them in once, with the part (Trace.absorb).
  const trace = init.trace ? new Trace() : undefined;
  const collectors = new Map<ProviderId, Collector>();
  const collectorOf = (provider: ProviderId): Collector => {
    let c = collectors.get(provider);
    if (!c) {
      c = new Collector({
        config, log, signal, onCall: () => calls++, trace,
        sharedBucket: (op, s) => sharedBucket(op, s, provider),
        ...(init.saveListings ? { onListing: (listing) => post({ t: 'listing', listing }) } : {}),
      });
      collectors.set(provider, c);
    }
    return c;
  };
  const adapters = new Map<ProviderId, Promise<ProviderAdapter>>();
  const adapterOf = (provider: ProviderId): Promise<ProviderAdapter> => {
    let a = adapters.get(provider);
    if (!a) adapters.set(provider, (a = bundledAdapters[provider](config, { log: log.child({ provider }), callTimeoutMs: config.timeouts.callMs })));
    return a;
  };

  const running = new Set<Promise<void>>();
  const job = async (id: number, message: Extract<ToWorker, { t: 'job' }>): Promise<void> => {
    const { target } = message;
    const evaluation: Evaluation = {
      policy: init.policy, now: init.now, recordReads: init.recordReads, log, params: (check) => paramsOf(config, check),
      publish: async ({ check, ...result }, scope) => { post({ t: 'result', job: id, result: { ...result, checkId: check.id }, scope }); },
    };
    const visit: AccountVisitor = {
      found: () => undefined,
      planned: () => undefined,
      discovering: () => undefined,
      unseen: async (_scope, _checks, error) => { post({ t: 'unseen', job: id, error }); },
      evaluate: (account) => evaluateAccount(account, evaluation),
    };
    try {
      const adapter = await adapterOf(target.provider);
      const collector = collectorOf(target.provider);
      if (!adapter.resume) throw new Error(`the ${target.provider} adapter cannot resume a target in a worker`);
      await collector.account(adapter, adapter.resume(target, collector.api(target.provider)), checksOf.get(target.provider) ?? [], visit);
    } catch (e) {
      log.error({ provider: target.provider, account: target.account, message: e instanceof Error ? e.message : String(e) }, 'worker could not collect the account');
      const adapter = await adapterOf(target.provider).catch(() => undefined);
      const error = adapter?.classifyError(e, `${target.provider}:collect`)
        ?? { code: 'UNEXPECTED' as const, operation: `${target.provider}:collect`, message: e instanceof Error ? e.message : String(e) };
      post({ t: 'unseen', job: id, error: { ...error, provider: target.provider, account: target.account } });
    }
    flushCalls();
    post({ t: 'done', job: id });
    flush();
  };

  return (message) => {
    switch (message.t) {
      case 'job': {
        const p = job(message.job, message);
        running.add(p);
        void p.finally(() => running.delete(p));
        return;
      }
      case 'permit': {
        const waiting = permits.get(message.id);
        permits.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.waitedMs ?? 0);
        return;
      }
      case 'abort':
        aborted.abort(new Error(message.reason));
        return;
      case 'finish':
        void Promise.all(running).then(() => {
          clearInterval(ticker);
          flushCalls();
          flush();
          const cpu = process.cpuUsage();
          // Exit once the part is written: the parent reads it before it sees the exit.
          process.send?.({
            t: 'part',
            part: { accounts: [], scopes: { planned: 0, done: 0 }, errors: [], apiStats: [...collectors.values()].flatMap((c) => c.stats()), collectionMode: {} },
            spans: trace?.spans ?? [],
            usage: { index, pid: process.pid, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)) },
          } satisfies FromWorker, () => process.exit(0));
        });
        return;
      case 'init':
        return;
    }
  };
}

let handle: ((message: ToWorker) => void) | undefined;
process.on('message', (message: ToWorker) => {
  if (message.t === 'init') handle = start(message.init);
  else handle?.(message);
});
// The parent gone (killed, crashed): nothing to report to, so stop rather than linger.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the parent aborts the scan and tells the workers, who
// then finish their accounts with the abort's errors instead of dying with them unreported.
process.on('SIGINT', () => undefined);
