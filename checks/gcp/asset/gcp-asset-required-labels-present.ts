import picomatch from 'picomatch';
import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

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
    const rules = ctx.policy.requiredTags;
    if (!asset.data.labelable) return ctx.notApplicable(`${asset.data.assetType} carries no labels`, { assetType: asset.data.assetType });
    if (rules.length === 0) return ctx.notAssessed('policy.requiredTags', { rules: 0 });
    const type = asset.data.resourceType ?? asset.data.assetType;
    const applicable = rules.filter((r) => !r.resourceTypes || r.resourceTypes.some((glob) => picomatch(glob)(type)));
    if (applicable.length === 0) return ctx.notApplicable(`No required-label rule applies to ${type}`, { rules: 0, resourceType: type });
    const labels = asset.data.labels;
    // GCP label keys can only be lower case, so a rule written `Owner` (for AWS) means `owner` here.
    const valueOf = (key: string): string | undefined => labels[key] ?? labels[key.toLowerCase()];
    const missing = applicable.filter((r) => valueOf(r.key) === undefined).map((r) => r.key);
    const invalid = applicable
      .filter((r) => valueOf(r.key) !== undefined && r.pattern !== undefined && !new RegExp(`^(?:${r.pattern})$`).test(valueOf(r.key) ?? ''))
      .map((r) => ({ key: r.key, value: valueOf(r.key), pattern: r.pattern }));
    const evidence = { resourceType: type, required: applicable.map((r) => r.key), labels, missing, invalid };
    if (missing.length > 0 || invalid.length > 0) {
      return ctx.fail(
        [missing.length > 0 ? `missing ${missing.join(', ')}` : '', invalid.length > 0 ? `invalid ${invalid.map((i) => i.key).join(', ')}` : '']
          .filter(Boolean)
          .join('; '),
        evidence,
      );
    }
    return ctx.pass(`All ${applicable.length} required label(s) are present`, evidence);
  },
});
