import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/lambda/aws-lambda-function-policy-not-public.js';
import { deniedFact, doc, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { lambdaFunction, openTo } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS without a policy or for a service with a source condition, FAIL for "*", ERROR when unread, NOT_APPLICABLE without functions', () => {
    const results = runCheck(check, [listingOf('aws.lambda.function', [
      lambdaFunction('none'),
      lambdaFunction('s3-trigger', { policy: seen(doc({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: '*', Condition: { StringEquals: { 'AWS:SourceAccount': '111111111111' } } })) }),
      lambdaFunction('url-open', { policy: seen(openTo('lambda:InvokeFunctionUrl', { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } })) }),
      lambdaFunction('unread', { policy: deniedFact('lambda:GetPolicy') }),
    ])]);
    expect(statuses(results)).toEqual([['none', 'PASS'], ['s3-trigger', 'PASS'], ['url-open', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.lambda.function', 'lambda:ListFunctions')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.lambda.function', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
