import { DUTIES, SEVERITIES, type Duty, type Severity } from '../core/check.js';
import { STATUSES, type Finding, type Status } from '../core/finding.js';
import type { CollectionError } from '../core/observed.js';
import type { AttestationState, ClauseStatus, Fulfilment, MetBy, ObligationStatus, StatusCounts } from '../core/summary.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';

export const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * Never "met" while something could not be evaluated: a FAIL makes it not met, an ERROR
 * incomplete, a NOT_ASSESSED result (a setting it is judged against is empty) not assessed, and
 * only PASS results make it met. So PASS + NOT_ASSESSED is not-assessed, never met: "met for
 * what was looked at" would read as met for all of it. What no API proves is an attestation;
 * NOT_APPLICABLE alone is not-applicable.
 */
export function rollUp(counts: StatusCounts, manual: boolean): Fulfilment {
  if (counts.FAIL > 0) return 'not-met';
  if (counts.ERROR > 0) return 'incomplete';
  if (counts.NOT_ASSESSED > 0) return 'not-assessed';
  if (counts.PASS > 0) return 'met';
  return manual ? 'attestation' : 'not-applicable';
}

/** The clauses a result counts towards, each once. */
const clausesOf = (finding: Finding) => new Set(finding.obligations.flatMap((o) => o.clauses));

const CLAUSE_ORDER: readonly Fulfilment[] = ['not-met', 'incomplete', 'not-assessed', 'met', 'attestation', 'not-applicable'];

/** Counts a finding stream into the summary's tables, without keeping the findings. */
export class Tally {
  readonly byStatus = emptyCounts();
  readonly failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  readonly byDuty: Partial<Record<Duty, StatusCounts>> = {};
  private readonly byObligation = new Map<string, StatusCounts>();
  /** Each result counted once per clause, however many of the clause's obligations it serves. */
  private readonly byClause = new Map<string, StatusCounts>();
  private readonly clauseExceptions = new Map<string, number>();
  private readonly errors = new Map<string, CollectionError>();
  /** Obligations a check declared unprovable here (NOT_APPLICABLE with `evidence.attestation: 'manual'`). */
  private readonly attestationNeeded = new Set<string>();
  /** Muted FAILs per obligation: exceptions the mutelist accepts. */
  private readonly exceptions = new Map<string, number>();
  /** The empty settings that left each obligation's NOT_ASSESSED results unjudged. */
  private readonly unsetByObligation = new Map<string, Set<string>>();
  /** setting -> NOT_ASSESSED results. */
  private readonly unsetSettings = new Map<string, number>();
  muted = 0;
  findings = 0;

  add(finding: Finding): void {
    this.findings++;
    if (finding.muted) {
      this.muted++;
      // A muted FAIL is an accepted exception: it does not fail the obligation, but the roll-up says
      // how many it accepts. A muted ERROR still leaves the picture incomplete, and a muted
      // NOT_ASSESSED still unassessed: muting accepts a verdict, it cannot stand in for one.
      if (finding.status === 'FAIL') {
        for (const o of finding.obligations) this.exceptions.set(o.id, (this.exceptions.get(o.id) ?? 0) + 1);
        for (const c of clausesOf(finding)) this.clauseExceptions.set(c, (this.clauseExceptions.get(c) ?? 0) + 1);
      }
      if (finding.status !== 'ERROR' && finding.status !== 'NOT_ASSESSED') return;
    }
    const status: Status = finding.status;
    this.byStatus[status]++;
    if (status === 'FAIL') this.failBySeverity[finding.severity]++;
    (this.byDuty[finding.check.duty] ??= emptyCounts())[status]++;
    for (const o of finding.obligations) {
      let counts = this.byObligation.get(o.id);
      if (!counts) this.byObligation.set(o.id, (counts = emptyCounts()));
      counts[status]++;
      if (status === 'NOT_APPLICABLE' && finding.evidence['attestation'] === 'manual') this.attestationNeeded.add(o.id);
      if (finding.notAssessed) {
        let unset = this.unsetByObligation.get(o.id);
        if (!unset) this.unsetByObligation.set(o.id, (unset = new Set()));
        unset.add(finding.notAssessed.setting);
      }
    }
    for (const c of clausesOf(finding)) {
      let counts = this.byClause.get(c);
      if (!counts) this.byClause.set(c, (counts = emptyCounts()));
      counts[status]++;
    }
    if (finding.notAssessed) this.unsetSettings.set(finding.notAssessed.setting, (this.unsetSettings.get(finding.notAssessed.setting) ?? 0) + 1);
    if (finding.error?.origin === 'collection') {
      const r = finding.resource;
      this.addError({ code: finding.error.code, operation: finding.error.operation, message: finding.error.message, provider: r.provider, account: r.account, region: r.region });
    }
  }

  addError(error: CollectionError): void {
    this.errors.set([error.provider, error.account, error.region, error.operation, error.code].join('|'), error);
  }

  /** In one order whatever order they arrived in, so parts of a scan merge into the same summary. */
  distinctErrors(): CollectionError[] {
    return [...this.errors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  }

  /** The empty settings that left results NOT_ASSESSED, by name: setting -> results. */
  notAssessed(): Record<string, number> {
    return Object.fromEntries([...this.unsetSettings].sort(([a], [b]) => a.localeCompare(b)));
  }

  dutyTable(): Partial<Record<Duty, StatusCounts>> {
    return Object.fromEntries(DUTIES.filter((d) => this.byDuty[d]).map((d) => [d, this.byDuty[d]!]));
  }

  /**
   * `assessed`: the ids of the checks this scan ran; an automated obligation none of them serves
   * was not assessed. `attested`: the sign-off that counts for each obligation (see
   * currentAttestations); a valid one makes met only what would otherwise need an attestation.
   */
  obligations(catalog: Catalog, contract: ContractProfile, assessed: ReadonlySet<string>, attested: ReadonlyMap<string, Omit<AttestationState, 'applied'>> = new Map()): ObligationStatus[] {
    const clausesOf = (id: string) => contract.clauses.filter((c) => c.obligations.includes(id)).map((c) => c.id);
    return [...catalog.obligations.values()].map((o) => {
      const counts = this.byObligation.get(o.id) ?? emptyCounts();
      const ran = (catalog.checksByObligation.get(o.id) ?? []).some((id) => assessed.has(id));
      const evidenced = !ran && o.verification === 'automated' ? 'not-assessed' : rollUp(counts, o.verification !== 'automated' || this.attestationNeeded.has(o.id));
      const signed = attested.get(o.id);
      const applied = signed?.status === 'valid' && evidenced === 'attestation';
      const status: Fulfilment = applied ? 'met' : evidenced;
      const notAssessed = [...(this.unsetByObligation.get(o.id) ?? [])].sort();
      return {
        id: o.id, title: o.title, status, clauses: clausesOf(o.id), counts, acceptedExceptions: this.exceptions.get(o.id) ?? 0, notAssessed,
        ...(status === 'met' ? { metBy: applied ? 'attestation' as const : 'evidence' as const } : {}),
        ...(signed ? { attestation: { ...signed, applied } } : {}),
      };
    });
  }

  clauses(catalog: Catalog, contract: ContractProfile, assessed: ReadonlySet<string>, attested?: ReadonlyMap<string, Omit<AttestationState, 'applied'>>): ClauseStatus[] {
    const obligations = new Map(this.obligations(catalog, contract, assessed, attested).map((o) => [o.id, o]));
    return contract.clauses.map((clause) => {
      const verdicts: Fulfilment[] = [];
      const notAssessed = new Set<string>();
      const metBy = new Set<MetBy>();
      for (const id of clause.obligations) {
        const o = obligations.get(id);
        if (!o) continue;
        verdicts.push(o.status);
        if (o.metBy) metBy.add(o.metBy);
        for (const setting of o.notAssessed) notAssessed.add(setting);
      }
      const status = CLAUSE_ORDER.find((v) => verdicts.includes(v)) ?? 'attestation';
      return {
        clause: clause.id, title: clause.title, status, obligations: clause.obligations,
        counts: { ...emptyCounts(), ...this.byClause.get(clause.id) }, acceptedExceptions: this.clauseExceptions.get(clause.id) ?? 0, notAssessed: [...notAssessed].sort(),
        ...(status === 'met' ? { metBy: (['evidence', 'attestation'] as const).filter((m) => metBy.has(m)) } : {}),
      };
    });
  }
}
