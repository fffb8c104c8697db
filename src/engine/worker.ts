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
import type { FromWorker, ToWorker, WorkerInit } from './workers.js';

/** How often the count of API calls goes to the parent's progress line. */
const CALLS_EVERY_MS = 250;

const send = (message: FromWorker): void => {
  process.send?.(message);
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

  const collectors = new Map<ProviderId, Collector>();
  const collectorOf = (provider: ProviderId): Collector => {
    let c = collectors.get(provider);
    if (!c) {
      c = new Collector({
        config, log, signal, onCall: () => calls++,
        sharedBucket: (op, s) => sharedBucket(op, s, provider),
        ...(init.saveListings ? { onListing: (listing) => send({ t: 'listing', listing }) } : {}),
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
      publish: async ({ check, ...result }, scope) => { send({ t: 'result', job: id, result: { ...result, checkId: check.id }, scope }); },
    };
    const visit: AccountVisitor = {
      found: () => undefined,
      planned: () => undefined,
      discovering: () => undefined,
      unseen: async (_scope, _checks, error) => { send({ t: 'unseen', job: id, error }); },
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
      send({ t: 'unseen', job: id, error: { ...error, provider: target.provider, account: target.account } });
    }
    flushCalls();
    send({ t: 'done', job: id });
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
          const cpu = process.cpuUsage();
          // Exit once the part is written: the parent reads it before it sees the exit.
          process.send?.({
            t: 'part',
            part: { accounts: [], scopes: { planned: 0, done: 0 }, errors: [], apiStats: [...collectors.values()].flatMap((c) => c.stats()), collectionMode: {} },
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
