import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/lambda/aws-lambda-function-runtime-supported.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { lambdaFunction } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS current runtimes, FAIL deprecated ones (configurable), NOT_APPLICABLE for images, ERROR for a failed listing', () => {
    const fns = listingOf('aws.lambda.function', [
      lambdaFunction('node22'), lambdaFunction('py37', { runtime: 'python3.7' }), lambdaFunction('image', { runtime: null, packageType: 'Image' }),
    ]);
    expect(statuses(runCheck(check, [fns]))).toEqual([['node22', 'PASS'], ['py37', 'FAIL'], ['image', 'NOT_APPLICABLE']]);
    expect(statuses(runCheck(check, [fns], { params: { deprecatedRuntimes: ['nodejs22.x'] } }))).toEqual([['node22', 'FAIL'], ['py37', 'PASS'], ['image', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failedListingOf('aws.lambda.function', 'lambda:ListFunctions')])[0]?.status).toBe('ERROR');
  });
});
