import { DUTIES, type CheckMeta, type Duty } from '../core/check.js';

/** provider → service → duty → the ids of the checks that verify it there. Only what is covered appears. */
export type CoverageMatrix = Readonly<Record<string, Readonly<Record<string, Readonly<Partial<Record<Duty, readonly string[]>>>>>>>;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which duty each service of each provider is checked for, from the checks' own metadata. Stable
 * whatever order the checks come in: providers, services and ids by name, duties in `DUTIES` order
 * (the order of the duties in the contracts, and of the table's columns).
 */
export function coverageMatrix(checks: readonly Pick<CheckMeta, 'id' | 'provider' | 'service' | 'duty'>[]): CoverageMatrix {
  const ids = new Map<string, Map<string, Map<Duty, string[]>>>();
  for (const c of checks) {
    const services = ids.get(c.provider) ?? ids.set(c.provider, new Map()).get(c.provider)!;
    const duties = services.get(c.service) ?? services.set(c.service, new Map()).get(c.service)!;
    duties.set(c.duty, [...(duties.get(c.duty) ?? []), c.id]);
  }
  const sorted = <T>(map: Map<string, T>): [string, T][] => [...map].sort(([a], [b]) => byName(a, b));
  return Object.fromEntries(sorted(ids).map(([provider, services]) => [
    provider,
    Object.fromEntries(sorted(services).map(([service, duties]) => [
      service,
      Object.fromEntries(DUTIES.filter((d) => duties.has(d)).map((d) => [d, [...duties.get(d)!].sort(byName)])),
    ])),
  ]));
}

/** How much of a provider's row set is covered: its services, and the duties checked in at least one of them. */
export function coverageOf(services: CoverageMatrix[string] | undefined): { services: number; duties: number } {
  const rows = Object.values(services ?? {});
  return { services: rows.length, duties: DUTIES.filter((d) => rows.some((duties) => duties[d]?.length)).length };
}
