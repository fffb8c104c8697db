import type { AssessContext, Params, Verdict } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';
import type { ResourceRef } from '../../../src/core/resource.js';

export type AppliesTo = 'all' | 'critical';

/**
 * For checks that apply to critical resources only (`appliesTo: critical`): the verdict for a
 * resource outside their reach, or null when the check applies to it.
 */
export function outsideCritical(resource: ResourceRef, ctx: AssessContext<Params & { appliesTo: AppliesTo }>, evidence: Record<string, unknown>): Verdict | null {
  if (ctx.params.appliesTo !== 'critical' || isCritical(resource, ctx.policy.criticalResources)) return null;
  if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', evidence);
  return ctx.notApplicable('Not a critical resource, and the check applies to critical resources only', evidence);
}
