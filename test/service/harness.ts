import pino from 'pino';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { ScanCoordinator, type CoordinatorOptions, type ScanFn, type ScanRequest } from '../../src/service/scheduler.js';
import type { HistoryStore } from '../../src/store/types.js';
import { summaryOf } from '../support/findings.js';

export const silent = pino({ level: 'silent' });

/** A scan that emits the given findings (or those `plan` returns for the request). */
export function scriptedScan(plan: (request: ScanRequest, call: number) => readonly Finding[]): ScanFn & { calls: ScanRequest[] } {
  const calls: ScanRequest[] = [];
  const fn = async (request: ScanRequest, emit: (f: Finding) => Promise<void>): Promise<ScanSummary> => {
    calls.push(request);
    const findings = plan(request, calls.length - 1);
    for (const f of findings) await emit(f);
    return summaryOf(findings);
  };
  return Object.assign(fn, { calls });
}

/** A scan that blocks until released (or aborted), to test overlap and shutdown. */
export function gatedScan(findings: readonly Finding[] = []) {
  const waiters: { ready: () => boolean; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) {
      if (w.ready()) w.resolve();
      else waiters.push(w);
    }
  };
  const until = (ready: () => boolean) => new Promise<void>((resolve) => (ready() ? resolve() : waiters.push({ ready, resolve })));
  const state = {
    starts: 0,
    releases: 0,
    active: 0,
    maxActive: 0,
    /** Let the next scan held at the gate (the n-th release frees the n-th scan) finish. */
    release: () => {
      state.releases++;
      wake();
    },
    /** Resolves once `n` scans have started. */
    started: (n = 1) => until(() => state.starts >= n),
  };
  const half = Math.ceil(findings.length / 2);
  const fn: ScanFn = async (request, emit) => {
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    const mine = ++state.starts;
    wake();
    try {
      for (const f of findings.slice(0, half)) await emit(f);
      const aborted = new Promise<void>((resolve) =>
        request.signal.aborted ? resolve() : request.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      await Promise.race([until(() => state.releases >= mine), aborted]);
      // Like the engine: an abort ends the scan early with what it has, it does not throw.
      if (request.signal.aborted) return summaryOf(findings.slice(0, half), { complete: false });
      for (const f of findings.slice(half)) await emit(f);
      return summaryOf(findings);
    } finally {
      state.active--;
    }
  };
  return Object.assign(state, { scan: fn });
}

export function coordinator(store: HistoryStore, scan: ScanFn, extra: Partial<CoordinatorOptions> = {}): ScanCoordinator {
  let tick = Date.parse('2026-11-22T00:00:00.000Z');
  return new ScanCoordinator({
    store,
    scan,
    log: silent,
    // A clock that moves a minute per reading, so scans are ordered and timestamps distinct.
    clock: () => new Date((tick += 60_000)),
    ...extra,
  });
}
