import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type DescribeConfigurationRecordersCommandOutput,
  type DescribeConfigurationRecorderStatusCommandOutput,
} from '@aws-sdk/client-config-service';
import type { Listing } from '../../../src/core/inventory.js';
import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { ConfigRecorderStatus } from '../model/index.js';
import { partitionOf, type AwsCaller } from './caller.js';

/**
 * AWS Config recorders of one region: DescribeConfigurationRecorders (the listing), and, where
 * there are recorders, one DescribeConfigurationRecorderStatus for all of them (its failure leaves
 * the status unknown, not the recorders). Neither call pages: a region holds a handful of recorders at most.
 */
export async function collectConfig(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.config.recorder', region, 'config', 'DescribeConfigurationRecorders', async () => {
    const out = await caller.send<DescribeConfigurationRecordersCommandOutput>('config', region, new DescribeConfigurationRecordersCommand({}));
    const recorders = out.ConfigurationRecorders ?? [];
    // Most regions have no recorder: their status is asked only where there is one to read it for.
    if (recorders.length === 0) return [];
    const answered = await caller.observe('config', region, new DescribeConfigurationRecorderStatusCommand({}),
      (o: DescribeConfigurationRecorderStatusCommandOutput) => o.ConfigurationRecordersStatus ?? []);
    return recorders.map((r) => {
      const name = r.name ?? '';
      const arn = r.arn ?? `arn:${partitionOf(region)}:config:${region}:${caller.account}:configuration-recorder/${name}`;
      const g = r.recordingGroup;
      const status = mapObserved(answered, (list): ConfigRecorderStatus | null => {
        const s = list.find((x) => (x.arn !== undefined && x.arn === r.arn) || x.name === name);
        return s ? { recording: s.recording ?? false, lastStatus: s.lastStatus ?? null, lastErrorCode: s.lastErrorCode ?? null } : null;
      });
      return resource('aws.config.recorder', where, {
        id: arn, name,
        data: {
          name, arn, roleArn: r.roleARN ?? null, servicePrincipal: r.servicePrincipal ?? null,
          recordingGroup: {
            allSupported: g?.allSupported ?? false,
            includeGlobalResourceTypes: g?.includeGlobalResourceTypes ?? false,
            recordingStrategy: g?.recordingStrategy?.useOnly ?? null,
            resourceTypes: g?.resourceTypes ?? [],
            excludedResourceTypes: g?.exclusionByResourceTypes?.resourceTypes ?? [],
          },
          status,
        },
      });
    });
  });
}
