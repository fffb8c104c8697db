/** The exit codes, documented in the README. */
export const EXIT = {
  /** No failing finding at or above --fail-on, and the picture is complete. */
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  /** Failing findings at or above --fail-on. */
  FAILING: 3,
  /** Nothing failed, but ERROR results (or undelivered findings) leave the picture incomplete. */
  INCOMPLETE: 4,
  /** `evidence verify`: a file was altered, added or removed, or the signature is bad or missing. */
  EVIDENCE_INVALID: 6,
} as const;
