import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { seen } from '../../../src/core/observed.js';
import { GCP_LABELS, assessRequiredTags } from '../../families/tags.js';

export default defineCheck({
  id: 'gcp-asset-required-labels-present',
  title: 'Resources carry the labels the policy requires',
  provider: 'gcp',
  service: 'asset',
  resourceType: 'gcp.asset',
  duty: 'tagging',
  severity: 'low',
  rationale:
    'Owner, environment and data-classification labels are how an organisation knows who answers for a resource and what data it holds; ' +
    'without them, incidents, costs and contract duties cannot be traced to anyone.',
  remediation: {
    text: 'Add the missing labels (or fix their values) on the resource, and require them in the templates that create it.',
    cli: 'gcloud compute instances add-labels VM --zone=ZONE --labels=owner=TEAM,data-classification=internal',
  },
  references: ['https://cloud.google.com/resource-manager/docs/labels-overview'],
  assess(asset, ctx) {
    if (!asset.data.labelable) return ctx.notApplicable(`${asset.data.assetType} carries no labels`, { assetType: asset.data.assetType });
    const type = asset.data.resourceType ?? asset.data.assetType;
    return assessRequiredTags({ type, tags: seen(asset.data.labels), evidence: { resourceType: type, labels: asset.data.labels } }, ctx, GCP_LABELS);
  },
});
