import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ErrorCode } from '../../src/core/observed.js';
import type { ScanSummary } from '../../src/core/summary.js';

/** What every fault matrix compares: a run's findings and summary against the fault-free run. */
export interface Run {
  readonly findings: readonly Finding[];
  readonly summary: ScanSummary;
}

/** Everything a reader of the finding would see, so "the same finding" means the same verdict too. */
export const verdict = (f: Finding): string =>
  JSON.stringify({ status: f.status, message: f.message, evidence: f.evidence, error: f.error ?? null, resource: f.resource.id });

export const byId = (findings: readonly Finding[]): Map<string, Finding> => new Map(findings.map((f) => [f.id, f]));

/** A deterministic coin in [0, 1) for seeded fault injection, whatever order requests arrive in. */
export function coin(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

export function expectUniqueIds(run: Run): void {
  const ids = run.findings.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** A transient fault: the retries absorbed it, so the findings are the fault-free ones exactly. */
export function expectSameAsBaseline(baseline: Run, run: Run, options: { complete?: boolean } = { complete: true }): void {
  expectUniqueIds(run);
  const base = byId(baseline.findings);
  const got = byId(run.findings);
  expect([...got.keys()].sort()).toEqual([...base.keys()].sort());
  const differing = [...got.values()].filter((f) => verdict(f) !== verdict(base.get(f.id)!)).map((f) => `${f.check.id} ${f.resource.id}: ${f.status} ${JSON.stringify(f.error)}`);
  expect(differing).toEqual([]);
  expect(run.summary.errors).toEqual([]);
  if (options.complete) expect(run.summary.complete).toBe(true);
}

/**
 * A lasting fault: exactly the affected findings turn ERROR with the expected code and operation;
 * every other finding is the fault-free one, none is lost or added, and nothing goes silent.
 */
export function expectErrorsOnlyIn(
  baseline: Run,
  run: Run,
  affected: (f: Finding) => boolean,
  expected: { code: ErrorCode; operation: RegExp; services?: readonly string[] },
): Finding[] {
  expectUniqueIds(run);
  const base = byId(baseline.findings);
  const outside = run.findings.filter((f) => !affected(f));
  const baseOutside = baseline.findings.filter((f) => !affected(f));
  const describe = (f: Finding) => `${f.check.id} ${f.resource.account}/${f.resource.region} ${f.resource.id} ${f.status} ${f.error?.code ?? ''} ${f.error?.operation ?? ''}`;
  const outsideIds = new Set(outside.map((f) => f.id));
  const baseOutsideIds = new Set(baseOutside.map((f) => f.id));
  expect({ lost: baseOutside.filter((f) => !outsideIds.has(f.id)).map(describe), added: outside.filter((f) => !baseOutsideIds.has(f.id)).map(describe) }).toEqual({ lost: [], added: [] });
  const changedOutside = outside.filter((f) => verdict(f) !== verdict(base.get(f.id)!)).map((f) => `${f.check.id} ${f.resource.id} ${f.status} ${JSON.stringify(f.error)}`);
  expect(changedOutside).toEqual([]);

  const inside = run.findings.filter(affected);
  const errors = inside.filter((f) => f.status === 'ERROR');
  expect(errors.length).toBeGreaterThan(0);
  for (const f of errors) {
    expect({ check: f.check.id, code: f.error?.code }).toEqual({ check: f.check.id, code: expected.code });
    expect(f.error?.operation).toMatch(expected.operation);
  }
  const unchanged = inside.filter((f) => f.status !== 'ERROR');
  for (const f of unchanged) expect(verdict(f)).toBe(verdict(base.get(f.id) ?? f));
  // No check of a faulted service still reads as assessed in the faulted scope.
  if (expected.services) {
    const assessed = unchanged.filter((f) => expected.services!.includes(f.check.service)).map((f) => `${f.check.id} ${f.resource.id}`);
    expect(assessed).toEqual([]);
  }
  // Every check that had a verdict there still answers there (as ERROR): nothing goes silent.
  const checksBefore = new Set(baseline.findings.filter(affected).map((f) => f.check.id));
  const checksNow = new Set(inside.map((f) => f.check.id));
  expect([...checksBefore].filter((c) => !checksNow.has(c))).toEqual([]);
  expect(run.summary.complete).toBe(false);
  return errors;
}

/**
 * Run `scan` under repeated full garbage collections: a call budget held only weakly (an
 * AbortSignal.any over AbortSignal.timeout) is collected while the call hangs, and the call then
 * waits for its answer. Timeout tests run under this so that such a budget cannot pass them.
 *
 * A full collection of a test worker's heap (about 170 MB with the cloud SDKs loaded) blocks the
 * event loop for 50 to 300 ms depending on the machine's load. On a fixed interval the collections
 * ran back to back on a loaded machine and starved the whole scan, until calls nobody had faulted
 * overran their budget too. So the next one waits `everyMs` or three times as long as the last
 * took, whichever is longer: the scan keeps at least three quarters of the event loop, and a
 * budget of a few seconds still sees several collections.
 */
export async function whileCollectingGarbage<T>(scan: () => Promise<T>, everyMs = 250): Promise<T> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const collect = (): void => {
    const started = performance.now();
    gc();
    timer = setTimeout(collect, Math.max(everyMs, 3 * (performance.now() - started)));
  };
  let timer = setTimeout(collect, everyMs);
  try {
    return await scan();
  } finally {
    clearTimeout(timer);
  }
}
