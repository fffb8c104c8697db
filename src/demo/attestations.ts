import { dayOf } from '../attestation/expiry.js';
import type { Attestation } from '../attestation/schema.js';

const daysBefore = (now: Date, days: number) => dayOf(new Date(now.getTime() - days * 86_400_000));

/**
 * The demo organisation's sign-offs, dated relative to `now` like its inventory: the training one
 * is a month old and counts; the usage review is 120 days old, past the default 90, so it has
 * expired and the obligation needs signing again, whenever the demo runs.
 */
export function demoAttestations(now: Date): Attestation[] {
  return [
    {
      obligation: 'people.training',
      by: 'Dana Whitfield, Head of Security',
      date: daysBefore(now, 30),
      statement: 'Every employee with cloud access completed the annual security awareness course; joiners complete it in their first week.',
      evidence: 'LMS completion export SEC-AWARE (HR share, /security/training/completions.csv)',
    },
    {
      obligation: 'governance.usage-monitoring',
      by: 'Priya Raman, FinOps lead',
      date: daysBefore(now, 120),
      statement: 'Monthly cost and capacity reports are reviewed and budgets adjusted in the FinOps review.',
      evidence: 'FinOps review minutes, ticket FIN-214',
    },
  ];
}
