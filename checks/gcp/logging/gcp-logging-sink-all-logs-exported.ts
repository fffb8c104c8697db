import { defineScopeCheck } from '../../../src/core/check.js';
import type { GcpLogSink } from '../../../providers/gcp/model/types.js';

/** A sink that routes every entry: enabled, no filter, and no active exclusion. */
const exportsEverything = (sink: GcpLogSink): boolean =>
  !sink.disabled && sink.filter.trim() === '' && sink.exclusions.every((e) => e.disabled);

const describe = (sink: GcpLogSink) => ({ name: sink.name, destination: sink.destination, filter: sink.filter, disabled: sink.disabled });

export default defineScopeCheck({
  id: 'gcp-logging-sink-all-logs-exported',
  title: 'A log sink exports every log entry of the project',
  provider: 'gcp',
  service: 'logging',
  resourceType: 'gcp.logging.sink',
  uses: ['gcp.project'],
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Logs kept only in the project\'s _Default bucket expire after 30 days and can be deleted with the project. A sink with an empty ' +
    'filter, on the project or an aggregated sink on a folder or the organisation, copies every entry to storage the security team controls.',
  remediation: {
    text: 'Create an aggregated sink at the organisation (with --include-children) and no filter, to a locked bucket, BigQuery dataset or Pub/Sub topic.',
    cli: 'gcloud logging sinks create all-logs storage.googleapis.com/BUCKET --organization=ORG --include-children',
  },
  references: ['https://cloud.google.com/logging/docs/export/aggregated_sinks', 'CIS Google Cloud Platform Foundation 3.0.0 2.2'],
  assessScope(sinks, ctx) {
    const own = sinks.map((s) => s.data).find(exportsEverything);
    if (own) return ctx.pass('A project sink exports every entry', { sink: describe(own) });
    const inherited = ctx.related('gcp.project').flatMap((p) => ctx.known(p.data.inheritedSinks));
    const aggregated = inherited.find((s) => s.includeChildren && exportsEverything(s));
    if (aggregated) return ctx.pass('An aggregated folder or organisation sink exports every entry', { sink: describe(aggregated) });
    return ctx.fail('No sink exports every log entry', {
      projectSinks: sinks.map((s) => describe(s.data)),
      inheritedSinks: inherited.map(describe),
    });
  },
});
