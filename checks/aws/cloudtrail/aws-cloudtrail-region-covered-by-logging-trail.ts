import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-region-covered-by-logging-trail',
  title: 'Every enabled region is covered by a logging trail',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  duty: 'logging',
  severity: 'high',
  rationale:
    'API activity in a region no trail covers is recorded nowhere but the 90-day event history. A region is covered by a multi-region or organization trail, or by a trail of its own, as long as that trail is logging. (Which events a trail records is aws-cloudtrail-multi-region-trail-logging\'s concern.)',
  remediation: {
    text: 'Create a multi-region (or organization) trail and start logging, or start the stopped trail covering this region.',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail && aws cloudtrail start-logging --name org-trail',
  },
  assessScope(trails, ctx) {
    // The region's listing holds its own trails and the shadows of multi-region and organization trails.
    const covering = trails.filter((t) => t.data.isMultiRegionTrail || t.data.isOrganizationTrail || t.data.homeRegion === ctx.scope.region);
    const summary = covering.map((t) => ({ trail: t.data.trailArn, multiRegion: t.data.isMultiRegionTrail, isLogging: t.data.status.ok ? t.data.status.value.isLogging : null }));
    const logging = summary.find((s) => s.isLogging === true);
    if (logging) return ctx.pass(`Covered by ${logging.trail}`, { trails: summary });
    const unknown = covering.find((t) => !t.data.status.ok);
    if (unknown) ctx.known(unknown.data.status);
    return ctx.fail(covering.length === 0 ? 'No trail covers this region' : 'The trails covering this region are not logging', { trails: summary });
  },
});
