import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-instance-not-public',
  title: 'RDS instances are not publicly accessible',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.instance',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A publicly accessible instance gets a public DNS answer and address; one permissive security group rule away from the internet, it meets credential stuffing and engine exploits directly.',
  remediation: {
    text: 'Turn off public accessibility and reach the database through private subnets, a VPN or a bastion reached with Session Manager.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --no-publicly-accessible --apply-immediately',
  },
  assess(db, ctx) {
    const { publiclyAccessible } = db.data;
    return publiclyAccessible
      ? ctx.fail('The instance is publicly accessible', { publiclyAccessible })
      : ctx.pass('The instance is private', { publiclyAccessible });
  },
});
