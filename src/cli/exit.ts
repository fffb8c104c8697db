import { SEVERITIES, severityRank, type Severity } from '../core/check.js';
import type { ScanSummary } from '../core/summary.js';

/**
 * The exit codes, documented in the README. A program reading only the code can tell both
 * questions apart: did a duty fail (3 or 5), and is the picture incomplete (4 or 5).
 */
export const EXIT = {
  /** No failing finding at or above --fail-on, and the picture is complete. */
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  /** Failing findings at or above --fail-on, and the picture is complete. */
  FAILING: 3,
  /** Nothing failed, but ERROR results (or undelivered findings) leave the picture incomplete. */
  INCOMPLETE: 4,
  /** Failing findings, and the picture is incomplete as well: what could not be seen may fail too. */
  FAILING_INCOMPLETE: 5,
  /** `evidence verify`: a file was altered, added or removed, or the signature is bad or missing. */
  EVIDENCE_INVALID: 6,
} as const;

export function exitCodeFor(summary: ScanSummary, failOn: Severity): number {
  const floor = severityRank(failOn);
  const failing = SEVERITIES.some((s) => severityRank(s) >= floor && summary.counts.failBySeverity[s] > 0);
  const incomplete = !summary.complete || Object.values(summary.undelivered).some((n) => n > 0);
  if (failing) return incomplete ? EXIT.FAILING_INCOMPLETE : EXIT.FAILING;
  return incomplete ? EXIT.INCOMPLETE : EXIT.OK;
}

/** `dutyscan scan --help` ends with this; the README's table says the same. */
export const EXIT_HELP = `
Exit codes:
  0  nothing failed at or above --fail-on, and every result was evaluated
  3  failing findings at or above --fail-on, and every result was evaluated
  4  nothing failed, but the scan is incomplete (ERROR results, or findings a sink could not deliver)
  5  failing findings, and the scan is incomplete as well
  2  usage or configuration error
  1  internal error`;
