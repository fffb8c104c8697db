import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { isPublicMember, judgePublicPolicy } from '../support.js';

export default defineCheck({
  id: 'gcp-bigquery-dataset-not-public',
  title: 'BigQuery datasets are not readable by allUsers or allAuthenticatedUsers',
  provider: 'gcp',
  service: 'bigquery',
  resourceType: 'gcp.bigquery.dataset',
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'A dataset access entry or IAM binding for allUsers or allAuthenticatedUsers lets anyone, or anyone with a Google account, query its tables.',
  remediation: {
    text: 'Remove the allUsers and allAuthenticatedUsers entries from the dataset\'s sharing settings; share with named groups or authorised views instead.',
    cli: 'bq show --format=prettyjson PROJECT:DATASET  # then bq update --source=FILE without the public entries',
  },
  references: ['https://cloud.google.com/bigquery/docs/dataset-access-controls', 'CIS Google Cloud Platform Foundation 3.0.0 7.1'],
  assess(dataset, ctx) {
    const access = dataset.data.access.filter((e) => isPublicMember(e.member)).map((e) => ({ role: e.role, member: e.member, source: dataset.id, condition: null }));
    return judgePublicPolicy(ctx.known(dataset.data.iamBindings), ctx, 'dataset', access);
  },
});
