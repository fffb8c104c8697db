import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-guardduty-detector-enabled',
  title: 'GuardDuty is enabled in every scanned region',
  provider: 'aws',
  service: 'guardduty',
  resourceType: 'aws.guardduty.detector',
  duty: 'incident-readiness',
  severity: 'high',
  rationale:
    'GuardDuty watches CloudTrail, VPC flow and DNS logs for compromised credentials, crypto-mining and data exfiltration, and is how most incidents are first noticed. It works per region: a region without an enabled detector is one where an attacker\'s activity raises no finding, which is why incident-response clauses expect threat detection everywhere the account can run workloads.',
  remediation: {
    text: 'Enable GuardDuty in the region (in an organisation, from the delegated administrator with auto-enable for all member accounts), or re-enable a suspended detector.',
    cli: 'aws guardduty create-detector --enable --region REGION',
  },
  assessScope(detectors, ctx) {
    const summary = detectors.map((d) => ({ detectorId: d.data.detectorId, status: d.data.detail.ok ? d.data.detail.value.status : null }));
    const enabled = summary.find((d) => d.status === 'ENABLED');
    if (enabled) return ctx.pass(`Detector ${enabled.detectorId} is enabled`, { detectors: summary });
    // Only a detector whose status is unknown could still be enabled: that makes the verdict unknown, not FAIL.
    const unknown = detectors.find((d) => !d.data.detail.ok);
    if (unknown) ctx.known(unknown.data.detail);
    return ctx.fail(detectors.length === 0 ? 'GuardDuty has no detector in this region' : 'The region\'s GuardDuty detector is suspended', { detectors: summary });
  },
});
