import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-multi-region-trail-logging',
  title: 'A logging multi-region trail records all management events in every region',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  duty: 'logging',
  severity: 'high',
  rationale:
    'CloudTrail is the record of who did what through the AWS API. A trail that is multi-region, logging and capturing read and write management events is the baseline every investigation and audit starts from; a region without one is where an attacker works unseen.',
  remediation: {
    text: 'Create (or fix) a multi-region trail, or an organization trail, with management events Read and Write, delivering to a protected bucket, and start logging.',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail --enable-log-file-validation && aws cloudtrail start-logging --name org-trail',
  },
  assessScope(trails, ctx) {
    const candidates = trails.filter((t) => t.data.isMultiRegionTrail);
    const unknown = candidates.find((t) => !t.data.status.ok || !t.data.eventSelectors.ok);
    const summary = candidates.map((t) => {
      const status = t.data.status.ok ? t.data.status.value : null;
      const selectors = t.data.eventSelectors.ok ? t.data.eventSelectors.value : null;
      return {
        trail: t.data.trailArn,
        isLogging: status?.isLogging ?? null,
        managementEvents: selectors?.managementEvents ?? null,
      };
    });
    const good = summary.find((s) => s.isLogging === true && s.managementEvents?.read === true && s.managementEvents.write === true);
    if (good) return ctx.pass(`Covered by ${good.trail}`, { trails: summary });
    // Only an unanswered trail could still have met the duty: that makes the verdict unknown, not FAIL.
    if (unknown) ctx.known(unknown.data.status.ok ? unknown.data.eventSelectors : unknown.data.status);
    return ctx.fail(
      candidates.length === 0 ? 'No multi-region trail covers this region' : 'No multi-region trail here is logging all management events',
      { trails: summary, singleRegionTrails: trails.length - candidates.length },
    );
  },
});
