import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

/** `*` alone, or `*\/write`-style actions over every provider: owner-like powers. */
const ownerLike = (action: string): boolean => action === '*' || action === '*/*' || /^\*\/(write|action|delete)$/i.test(action);

export default defineCheck({
  id: 'azure-authorization-custom-role-no-wildcard-actions',
  title: 'No custom role grants owner-like `*` permissions',
  provider: 'azure',
  service: 'authorization',
  resourceType: 'azure.authorization.custom-role',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'A custom role whose actions include `*` is an Owner by another name, but it escapes reviews that look for the Owner role. ' +
    'Custom roles should list the actions a job needs.',
  remediation: {
    text: 'Replace `*` with the specific resource-provider actions the role needs, or assign a built-in role instead; then review who holds the role.',
    cli: 'az role definition update --role-definition <file.json>',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 2.23'],
  assess(role, ctx) {
    const wildcards = role.data.actions.filter(ownerLike);
    const evidence = { roleName: role.data.roleName, wildcardActions: wildcards, notActions: role.data.notActions, assignableScopes: role.data.assignableScopes };
    return wildcards.length > 0
      ? ctx.fail(`Custom role "${role.data.roleName}" grants ${wildcards.join(', ')}`, evidence)
      : ctx.pass(`Custom role "${role.data.roleName}" lists specific actions`, evidence);
  },
});
