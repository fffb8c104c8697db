import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-vpc-flow-logs-enabled.js';
import { deniedFact, listingOf, vpc } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS with an active flow log, FAIL without, ERROR when DescribeFlowLogs was denied', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.vpc', [
        vpc('vpc-logged'),
        vpc('vpc-silent', { flowLogs: seen([]) }),
        vpc('vpc-unknown', { flowLogs: deniedFact('ec2:DescribeFlowLogs') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['vpc-logged', 'PASS'], ['vpc-silent', 'FAIL'], ['vpc-unknown', 'ERROR']]);
    expect(results[0]?.evidence).toEqual({ flowLogs: [{ flowLogId: 'fl-1', trafficType: 'ALL', destination: 's3' }] });
  });

  test('NOT_APPLICABLE without VPCs', () => {
    expect(runCheck(check, [listingOf('aws.ec2.vpc', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
