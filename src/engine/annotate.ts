import type { Config } from '../config/schema.js';
import { withDeadline } from '../core/deadline.js';
import { findingId, type Finding } from '../core/finding.js';
import type { Scope } from '../core/resource.js';
import { mappingIndex, type Catalog } from '../mapping/catalog.js';
import { curePeriodIndex } from '../mapping/cure.js';
import type { ContractProfile } from '../mapping/schema.js';
import type { Result } from './evaluate.js';
import type { Mutelist } from './mutelist.js';
import type { Reads } from './reads.js';
import type { Tally } from './tally.js';

/** Receives each finding and, when `recordReads` is on, what its assessment read. */
export type Emit = (finding: Finding, reads?: Reads) => void | Promise<void>;

export interface Annotation {
  readonly config: Config;
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  readonly mutelist: Mutelist;
  readonly now: Date;
  /** When an offline source saw each finding first (the demo's history); otherwise it is now. */
  readonly firstSeen?: ReadonlyMap<string, string>;
}

/**
 * Turns a check's result into the finding users read: its mute, the severity the config gives
 * the check, the obligations and frameworks it serves, and the account's name.
 */
export function annotator({ config, catalog, contract, mutelist, now, firstSeen: seen }: Annotation): (result: Result, scope: Scope) => Finding {
  const mapping = mappingIndex(catalog, contract);
  const cureOf = curePeriodIndex(contract);
  return (result, scope) => {
    const { check, resource } = result;
    const mute = mutelist.match(check.id, resource);
    const { obligations, frameworks } = mapping(check.id);
    const id = findingId(check.id, resource);
    const severity = config.checks[check.id]?.severity ?? check.severity;
    const curePeriod = result.status === 'FAIL' && !mute ? cureOf(obligations, severity) : undefined;
    const firstSeen = seen?.get(id);
    const annotated: Finding = {
      id,
      status: result.status,
      muted: mute !== undefined,
      ...(mute ? { mute } : {}),
      severity,
      check: { id: check.id, title: check.title, duty: check.duty, service: check.service },
      resource: { ...resource, ...(scope.accountName ? { accountName: scope.accountName } : {}) },
      message: result.message,
      evidence: result.evidence,
      remediation: check.remediation,
      obligations,
      frameworks,
      ...(result.error ? { error: result.error } : {}),
      ...(result.notAssessed ? { notAssessed: result.notAssessed } : {}),
      time: now.toISOString(),
      ...(firstSeen ? { firstSeen } : {}),
      ...(curePeriod ? { curePeriod } : {}),
    };
    return withDeadline(annotated, firstSeen ?? annotated.time, now);
  };
}

/** Annotates each result, counts the finding and hands it to `emit`, waiting for it (a sink's backpressure). */
export function publisher(annotation: Annotation, tally: Tally, emit: Emit): (result: Result, scope: Scope) => Promise<void> {
  const annotate = annotator(annotation);
  return async (result, scope) => {
    const finding = annotate(result, scope);
    tally.add(finding);
    await emit(finding, result.reads);
  };
}
