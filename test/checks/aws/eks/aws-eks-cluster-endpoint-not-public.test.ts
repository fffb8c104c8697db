import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/eks/aws-eks-cluster-endpoint-not-public.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { eksCluster } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS private or restricted, FAIL public to 0.0.0.0/0, ERROR for a failed listing, NOT_APPLICABLE without clusters', () => {
    expect(statuses(runCheck(check, [listingOf('aws.eks.cluster', [
      eksCluster('private'),
      eksCluster('office', { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }),
      eksCluster('world', { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }),
      eksCluster('unlisted', { endpointPublicAccess: true, publicAccessCidrs: [] }),
    ])]))).toEqual([['private', 'PASS'], ['office', 'PASS'], ['world', 'FAIL'], ['unlisted', 'FAIL']]);
    expect(runCheck(check, [failedListingOf('aws.eks.cluster', 'eks:DescribeCluster')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.eks.cluster', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
