import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-monitoring-enabled',
  title: 'GKE clusters send their metrics to Cloud Monitoring',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'monitoring',
  severity: 'low',
  rationale:
    'Without Cloud Monitoring no alert fires when nodes fail, pods crash-loop or resource use turns abnormal, which is often the first sign of an intrusion.',
  remediation: {
    text: 'Enable Cloud Monitoring for the cluster\'s system components.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --monitoring=SYSTEM',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/config-logging-monitoring'],
  assess(cluster, ctx) {
    const { monitoringService } = cluster.data;
    return monitoringService !== 'none'
      ? ctx.pass('Metrics go to Cloud Monitoring', { monitoringService })
      : ctx.fail('Cloud Monitoring is off', { monitoringService });
  },
});
