import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-vpc-flow-logs-enabled',
  title: 'VPCs record flow logs',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.vpc',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Flow logs are the record of which addresses talked to which, and whether it was allowed; without them an incident\'s network side cannot be reconstructed.',
  remediation: {
    text: 'Create a flow log for the VPC capturing rejected (or all) traffic to CloudWatch Logs or S3.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::BUCKET',
  },
  assess(vpc, ctx) {
    const active = ctx.known(vpc.data.flowLogs).filter((f) => f.flowLogStatus === 'ACTIVE');
    const flowLogs = active.map((f) => ({ flowLogId: f.flowLogId, trafficType: f.trafficType, destination: f.logDestinationType }));
    return active.length > 0
      ? ctx.pass(`The VPC has ${active.length} active flow log(s)`, { flowLogs })
      : ctx.fail('The VPC has no active flow log', { flowLogs, isDefault: vpc.data.isDefault });
  },
});
