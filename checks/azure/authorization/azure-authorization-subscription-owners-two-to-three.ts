import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-authorization-subscription-owners-two-to-three',
  title: 'Each subscription has between two and three owners',
  provider: 'azure',
  service: 'authorization',
  resourceType: 'azure.subscription',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'A single owner is a single point of failure when that person leaves or loses access; many owners multiply the accounts that can grant themselves anything. ' +
    'Owner assignments inherited from a management group count too, because they act on the subscription.',
  remediation: {
    text: 'Keep two or three Owner assignments on the subscription (prefer a group or a PIM-eligible assignment); give day-to-day work narrower roles such as Contributor.',
    cli: 'az role assignment list --role Owner --scope /subscriptions/<id> --include-inherited',
  },
  defaults: { min: 2, max: 3 },
  assess(subscription, ctx) {
    const assignments = ctx.known(subscription.data.ownerAssignments);
    const owners = [...new Set(assignments.map((a) => a.principalId))];
    const evidence = {
      owners: owners.length,
      principals: assignments.map((a) => ({ principalId: a.principalId, principalType: a.principalType, scope: a.scope })),
      min: ctx.params.min,
      max: ctx.params.max,
    };
    if (owners.length < ctx.params.min) return ctx.fail(`${owners.length} owner(s), fewer than ${ctx.params.min}`, evidence);
    if (owners.length > ctx.params.max) return ctx.fail(`${owners.length} owners, more than ${ctx.params.max}`, evidence);
    return ctx.pass(`${owners.length} owners`, evidence);
  },
});
