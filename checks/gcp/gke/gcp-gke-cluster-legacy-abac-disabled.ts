import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-legacy-abac-disabled',
  title: 'GKE clusters have legacy ABAC disabled',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'Legacy attribute-based access control grants broad, static permissions outside Kubernetes RBAC and IAM; with it on, RBAC roles do not limit what workloads and users can do.',
  remediation: {
    text: 'Disable legacy authorisation and grant access through IAM and Kubernetes RBAC.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --no-enable-legacy-authorization',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110'],
  assess(cluster, ctx) {
    return cluster.data.legacyAbac
      ? ctx.fail('Legacy ABAC is on', { legacyAbac: true })
      : ctx.pass('Legacy ABAC is off', { legacyAbac: false });
  },
});
