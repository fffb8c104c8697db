import { defineCheck } from '../../../src/core/check.js';
import { daysSince, latest } from '../lib/time.js';

export default defineCheck({
  id: 'aws-iam-root-not-used-recently',
  title: 'The root user has not been used in the recent past',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.root',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'The root user is for the few tasks only it can do. Recent root sign-ins or key use mean everyday work runs with unlimited, unattributable privileges.',
  remediation: {
    text: 'Find out who used root and why (CloudTrail userIdentity.type = Root), give them an IAM role for that work, and keep the root credentials locked away.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  },
  defaults: { windowDays: 7 },
  assess(root, ctx) {
    const usage = ctx.known(root.data.usage);
    const lastUsed = latest([usage.passwordLastUsed, ...usage.accessKeys.map((k) => k.lastUsedDate)]);
    const days = daysSince(lastUsed, ctx.now);
    const evidence = { lastUsed, daysSinceLastUse: days, windowDays: ctx.params.windowDays };
    return days !== null && days < ctx.params.windowDays
      ? ctx.fail(`The root user was used ${days} day(s) ago`, evidence)
      : ctx.pass(lastUsed === null ? 'The root user has no recorded use' : `The root user was last used ${days} days ago`, evidence);
  },
});
