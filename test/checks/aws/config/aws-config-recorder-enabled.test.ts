import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/config/aws-config-recorder-enabled.js';
import { configRecorder, deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';

const stopped = seen({ recording: false, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' });
const someTypes = { allSupported: false, includeGlobalResourceTypes: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', resourceTypes: ['AWS::EC2::Instance'], excludedResourceTypes: [] };

describe(check.id, () => {
  const region = (name: string, recorders: ReturnType<typeof configRecorder>[]) => listingOf('aws.config.recorder', recorders, name);

  test('one verdict per region: recording all supported types passes; stopped, partial or missing fails; unknown status is ERROR', () => {
    const results = runCheck(check, [
      region('eu-west-1', [configRecorder('default', {}, { region: 'eu-west-1' })]),
      region('us-east-1', []),
      region('eu-central-1', [configRecorder('default', { status: stopped }, { region: 'eu-central-1' })]),
      region('us-west-2', [configRecorder('ec2-only', { recordingGroup: someTypes }, { region: 'us-west-2' })]),
      region('ap-south-1', [configRecorder('default', { status: deniedFact('config:DescribeConfigurationRecorderStatus') }, { region: 'ap-south-1' })]),
      region('sa-east-1', [configRecorder('orphan', { status: seen(null) }, { region: 'sa-east-1' })]),
      // A partial recorder with an unknown status could not pass anyway: FAIL, not ERROR.
      region('ca-central-1', [configRecorder('ec2-only', { recordingGroup: someTypes, status: deniedFact('config:DescribeConfigurationRecorderStatus') }, { region: 'ca-central-1' })]),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['eu-west-1', 'PASS'], ['us-east-1', 'FAIL'], ['eu-central-1', 'FAIL'], ['us-west-2', 'FAIL'], ['ap-south-1', 'ERROR'], ['sa-east-1', 'FAIL'], ['ca-central-1', 'FAIL'],
    ]);
    expect(results[0]?.evidence).toEqual({ recorders: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: true, recording: true, lastStatus: 'Success', servicePrincipal: null }] });
    expect(results[2]?.evidence).toMatchObject({ recorders: [{ recording: false, lastStatus: 'Failure' }] });
    expect(results[3]?.evidence).toMatchObject({ recorders: [{ allSupported: false, recording: true }] });
    expect(results[4]?.error?.operation).toBe('config:DescribeConfigurationRecorderStatus');
    expect(results[5]?.evidence).toMatchObject({ recorders: [{ recording: false }] });
  });

  test('ERROR when recorders could not be listed; an empty region is a FAIL, never NOT_APPLICABLE', () => {
    expect(runCheck(check, [failedListingOf('aws.config.recorder', 'config:DescribeConfigurationRecorders')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.config.recorder', [])]).map((r) => r.status)).toEqual(['FAIL']);
  });
});
