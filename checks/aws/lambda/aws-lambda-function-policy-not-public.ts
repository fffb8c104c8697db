import { defineCheck } from '../../../src/core/check.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-lambda-function-policy-not-public',
  title: 'Lambda function resource policies do not allow everyone',
  provider: 'aws',
  service: 'lambda',
  resourceType: 'aws.lambda.function',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A function policy allowing Principal "*" without a source condition lets any AWS account (or, for lambda:InvokeFunctionUrl, anyone on the internet) invoke the function with its role\'s permissions.',
  remediation: {
    text: 'Remove the statement, or name the invoking principal and add aws:SourceArn / aws:SourceAccount for service principals.',
    cli: 'aws lambda remove-permission --function-name FUNCTION --statement-id SID',
  },
  assess: (fn, ctx) => assessResourcePolicy(fn.data.policy, RESOURCE_POLICIES.lambda, ctx),
});
