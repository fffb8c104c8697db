import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-secrets-encrypted',
  title: 'GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Application-layer secrets encryption wraps the Secrets stored in etcd with a key the customer controls, so a copy of etcd or its backups does not reveal them.',
  remediation: {
    text: 'Enable application-layer secrets encryption with a Cloud KMS key in the cluster\'s location.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --database-encryption-key=projects/P/locations/L/keyRings/R/cryptoKeys/K',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets'],
  assess(cluster, ctx) {
    const { secretsKmsKey } = cluster.data;
    return secretsKmsKey !== null
      ? ctx.pass('Secrets are encrypted with a Cloud KMS key', { secretsKmsKey })
      : ctx.fail('Secrets are stored with Google-managed encryption only', { secretsKmsKey });
  },
});
