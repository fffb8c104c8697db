import { defineScopeCheck } from '../../../src/core/check.js';
import { EXTERNAL_ACCESS_ANALYZER_TYPES } from '../../../providers/aws/resources.js';

export default defineScopeCheck({
  id: 'aws-accessanalyzer-analyzer-active',
  title: 'An IAM Access Analyzer for external access is active in every scanned region',
  provider: 'aws',
  service: 'accessanalyzer',
  resourceType: 'aws.accessanalyzer.analyzer',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'An external-access analyzer (account or organisation zone of trust) reads resource policies on buckets, keys, roles, queues and more, and reports every grant to a principal outside the account or organisation. It is regional: without an active one, a bucket or key shared with a stranger in that region goes unnoticed. Unused-access analyzers answer a different question and do not count here.',
  remediation: {
    text: 'Create an analyzer of type ACCOUNT (or ORGANIZATION, from the management or delegated administrator account) in the region.',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region REGION',
  },
  assessScope(analyzers, ctx) {
    const summary = analyzers.map((a) => ({ name: a.data.name, type: a.data.type, status: a.data.status, statusReason: a.data.statusReason }));
    const active = summary.find((a) => EXTERNAL_ACCESS_ANALYZER_TYPES.includes(a.type) && a.status === 'ACTIVE');
    if (active) return ctx.pass(`Analyzer ${active.name} (${active.type}) is active`, { analyzers: summary });
    const external = summary.filter((a) => EXTERNAL_ACCESS_ANALYZER_TYPES.includes(a.type));
    return ctx.fail(
      external.length === 0 ? 'No external-access analyzer in this region' : `No external-access analyzer here is active (${external.map((a) => `${a.name}: ${a.status}`).join(', ')})`,
      { analyzers: summary },
    );
  },
});
