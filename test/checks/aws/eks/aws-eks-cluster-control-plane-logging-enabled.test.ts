import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/eks/aws-eks-cluster-control-plane-logging-enabled.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { eksCluster } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with api, audit and authenticator, FAIL naming what is off, configurable; ERROR and NOT_APPLICABLE', () => {
    const clusters = listingOf('aws.eks.cluster', [eksCluster('full'), eksCluster('api-only', { enabledLogTypes: ['api'] })]);
    const results = runCheck(check, [clusters]);
    expect(statuses(results)).toEqual([['full', 'PASS'], ['api-only', 'FAIL']]);
    expect(results[1]?.message).toBe('Control-plane logs off: audit, authenticator');
    expect(statuses(runCheck(check, [clusters], { params: { requiredLogTypes: ['api'] } }))).toEqual([['full', 'PASS'], ['api-only', 'PASS']]);
    expect(runCheck(check, [failedListingOf('aws.eks.cluster', 'eks:ListClusters')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.eks.cluster', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
