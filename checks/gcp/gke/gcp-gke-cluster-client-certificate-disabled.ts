import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-client-certificate-disabled',
  title: 'GKE clusters issue no client certificate',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'The legacy client certificate is a credential with cluster-admin rights that cannot be revoked short of rotating the cluster\'s credentials; whoever holds a copy keeps full access.',
  remediation: {
    text: 'Authenticate through IAM (gcloud credentials) and recreate the cluster without a client certificate, or rotate the credentials.',
    cli: 'gcloud container clusters create CLUSTER --location=LOCATION --no-issue-client-certificate',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth'],
  assess(cluster, ctx) {
    return cluster.data.clientCertificate
      ? ctx.fail('A client certificate is issued', { clientCertificate: true })
      : ctx.pass('No client certificate is issued', { clientCertificate: false });
  },
});
