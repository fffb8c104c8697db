import { describe } from 'vitest';
import check from '../../../../checks/aws/ec2/aws-ec2-instance-required-tags.js';
import { ec2Instance } from '../../../fixtures/aws.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.ec2.instance', (name, tags) => ec2Instance(name, {}, { tags }));
});
