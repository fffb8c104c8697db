import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-release-channel-enrolled',
  title: 'GKE clusters are enrolled in a release channel',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'patching',
  severity: 'medium',
  rationale:
    'A release channel keeps the control plane and nodes on supported, patched Kubernetes versions; outside one, upgrades wait for someone to remember them.',
  remediation: {
    text: 'Enrol the cluster in the REGULAR or STABLE release channel.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --release-channel=regular',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels'],
  assess(cluster, ctx) {
    const { releaseChannel } = cluster.data;
    return releaseChannel !== null
      ? ctx.pass(`Enrolled in the ${releaseChannel} channel`, { releaseChannel })
      : ctx.fail('Not enrolled in a release channel', { releaseChannel });
  },
});
