import type { AssessContext, Params } from '../../../src/core/check.js';
import type { DeclaredRules } from '../../families/tags.js';

/**
 * The account's effective Organizations tag policy as required-tag rules, for the tags family when
 * the config sets none: null without a policy or without a required tag in it. A policy that could
 * not be read throws, and the verdict is an ERROR naming `organizations:DescribeEffectivePolicy`.
 */
export const awsTagPolicy = (ctx: AssessContext<Params, 'aws.organizations.tag-policy'>) => (): DeclaredRules | null => {
  const policy = ctx.related('aws.organizations.tag-policy', { region: 'any' })[0];
  return policy?.data.present ? { rules: policy.data.rules, sources: [policy.data.source] } : null;
};
