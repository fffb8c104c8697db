import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/eks/aws-eks-cluster-secrets-encrypted.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { eksCluster } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with a secrets encryption config, FAIL without, ERROR for a failed listing, NOT_APPLICABLE without clusters', () => {
    expect(statuses(runCheck(check, [listingOf('aws.eks.cluster', [eksCluster('enc'), eksCluster('plain', { encryptionConfig: [] })])])))
      .toEqual([['enc', 'PASS'], ['plain', 'FAIL']]);
    expect(runCheck(check, [failedListingOf('aws.eks.cluster', 'eks:ListClusters')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.eks.cluster', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});
