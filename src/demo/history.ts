import { findingId } from '../core/finding.js';

/**
 * The demo's history: failures the demo organisation has had for a while, as a history store
 * would remember them, so that a contract deadline can be seen to pass. The contract report says
 * these first-seen dates come from the demo; a real one-off scan counts from the scan itself.
 */
const FAILING_SINCE = [
  // bob signs in to the console without MFA, and has for six weeks.
  { check: 'aws-iam-user-console-mfa-enabled', account: '111111111111', resource: 'arn:aws:iam::111111111111:user/bob', daysAgo: 42 },
] as const;

/** Finding id -> when it was first seen failing, relative to `now`. */
export function demoFirstSeen(now: Date): Map<string, string> {
  return new Map(FAILING_SINCE.map((h) => [
    findingId(h.check, { provider: 'aws', account: h.account, id: h.resource }),
    new Date(now.getTime() - h.daysAgo * 86_400_000).toISOString(),
  ]));
}
