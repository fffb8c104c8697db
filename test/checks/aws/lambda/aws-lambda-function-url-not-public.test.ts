import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/lambda/aws-lambda-function-url-not-public.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { lambdaFunction } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS for IAM-authenticated URLs, FAIL for AuthType NONE, NOT_APPLICABLE without a URL, ERROR when unread', () => {
    const results = runCheck(check, [listingOf('aws.lambda.function', [
      lambdaFunction('iam', { urls: seen([{ functionUrl: 'https://iam.on.aws/', authType: 'AWS_IAM' }]) }),
      lambdaFunction('open', { urls: seen([{ functionUrl: 'https://open.on.aws/', authType: 'NONE' }]) }),
      lambdaFunction('no-url'),
      lambdaFunction('unread', { urls: deniedFact('lambda:ListFunctionUrlConfigs') }),
    ])]);
    expect(statuses(results)).toEqual([['iam', 'PASS'], ['open', 'FAIL'], ['no-url', 'NOT_APPLICABLE'], ['unread', 'ERROR']]);
    expect(results[1]?.message).toBe('Function URL open to anyone: https://open.on.aws/');
    expect(runCheck(check, [failedListingOf('aws.lambda.function', 'lambda:ListFunctions')])[0]?.status).toBe('ERROR');
  });
});
