import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-eks-cluster-secrets-encrypted',
  title: 'EKS clusters envelope-encrypt Kubernetes secrets with a KMS key',
  provider: 'aws',
  service: 'eks',
  resourceType: 'aws.eks.cluster',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'Kubernetes secrets in etcd are only base64-encoded; envelope encryption with a KMS key you control means a copy of etcd or its backups does not hand over every secret of the cluster.',
  remediation: {
    text: 'Associate a KMS key with the cluster for the secrets resource (it cannot be removed afterwards).',
    cli: 'aws eks associate-encryption-config --cluster-name CLUSTER --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"KEY_ARN"}}]\'',
  },
  assess(cluster, ctx) {
    const config = cluster.data.encryptionConfig.find((c) => c.resources.includes('secrets'));
    return config
      ? ctx.pass(`Secrets are envelope-encrypted with ${config.keyArn ?? 'a KMS key'}`, { keyArn: config.keyArn })
      : ctx.fail('Secrets are not envelope-encrypted', { keyArn: null });
  },
});
