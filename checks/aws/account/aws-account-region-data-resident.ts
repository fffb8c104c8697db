import picomatch from 'picomatch';
import { defineCheck } from '../../../src/core/check.js';

/** The resource types that hold customer data in a region. */
const DATA_TYPES = ['aws.s3.bucket', 'aws.ec2.volume', 'aws.ec2.snapshot', 'aws.ec2.instance', 'aws.rds.instance', 'aws.rds.cluster'] as const;

export default defineCheck({
  id: 'aws-account-region-data-resident',
  title: 'Regions outside the allowed list hold no data',
  provider: 'aws',
  service: 'account',
  resourceType: 'aws.account.region',
  uses: [...DATA_TYPES],
  duty: 'data-residency',
  severity: 'high',
  rationale:
    'Residency clauses restrict where data may be stored. Buckets, volumes, snapshots, instances and databases in a region outside policy.allowedRegions.aws break them, whoever created them; an allowed-regions SCP prevents it in future.',
  remediation: {
    text: 'Move or delete the listed resources, then deny the region with a service control policy on aws:RequestedRegion.',
    url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region',
  },
  assess(region, ctx) {
    const allowed = ctx.policy.allowedRegions.aws;
    const name = region.data.regionName;
    if (allowed === undefined) return ctx.notAssessed('policy.allowedRegions.aws', { region: name, allowedRegions: null });
    if (picomatch([...allowed])(name)) return ctx.pass(`${name} is an allowed region`, { region: name, allowedRegions: allowed });
    const held = DATA_TYPES.flatMap((type) =>
      ctx.related(type)
        // A terminated instance keeps no data (its volumes are listed on their own).
        .filter((r) => !(r.type === 'aws.ec2.instance' && (r.data as { state?: string }).state === 'terminated'))
        .map((r) => ({ type, id: r.id })));
    return held.length > 0
      ? ctx.fail(`${name} is not allowed and holds ${held.length} data resource(s)`, { region: name, allowedRegions: allowed, resources: held })
      : ctx.pass(`${name} is not allowed, and holds no data`, { region: name, allowedRegions: allowed, resources: held });
  },
});
