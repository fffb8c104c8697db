import { describe } from 'vitest';
import check from '../../../../checks/aws/eks/aws-eks-cluster-required-tags.js';
import { eksCluster } from '../../../fixtures/aws-edge.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.eks.cluster', (name, tags) => eksCluster(name, {}, { tags }));
});
