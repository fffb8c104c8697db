import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-s3-object-events-logged',
  title: 'A logging trail records S3 object-level read and write events in every region',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  duty: 'logging',
  severity: 'low',
  rationale:
    'Management events do not show who read or changed which object. Object-level data events do, which is what a data-breach notification has to establish; they cost per event, so the read and write halves are parameters.',
  remediation: {
    text: 'Add an event selector (or advanced selector) for AWS::S3::Object data events to a multi-region trail, for all buckets or the critical ones.',
    cli: 'aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors \'[{"ReadWriteType":"All","DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]\'',
  },
  defaults: { read: true, write: true },
  assessScope(trails, ctx) {
    const wanted = { read: ctx.params.read, write: ctx.params.write };
    const covers = (t: (typeof trails)[number]) => {
      const status = ctx.known(t.data.status);
      const s3 = ctx.known(t.data.eventSelectors).s3ObjectDataEvents;
      return status.isLogging && (!wanted.read || s3.read) && (!wanted.write || s3.write);
    };
    // Trails whose answers are known come first, so one unanswered trail only matters when no other covers the region.
    const ordered = [...trails].sort((a, b) => Number(b.data.status.ok && b.data.eventSelectors.ok) - Number(a.data.status.ok && a.data.eventSelectors.ok));
    const covering = ordered.find(covers);
    return covering
      ? ctx.pass(`S3 object events are logged by ${covering.data.name}`, { trail: covering.data.trailArn, wanted })
      : ctx.fail('No logging trail here records the S3 object events asked for', { trails: trails.map((t) => t.data.trailArn), wanted });
  },
});
