import { describe } from 'vitest';
import check from '../../../../checks/aws/ec2/aws-ec2-volume-required-tags.js';
import { ebsVolume } from '../../../fixtures/aws.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.ec2.volume', (name, tags) => ebsVolume(name, {}, { tags }));
});
