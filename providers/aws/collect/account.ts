import { GetAlternateContactCommand, type GetAlternateContactCommandOutput } from '@aws-sdk/client-account';
import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import { awsSettingId } from '../resources.js';
import type { AwsCaller } from './caller.js';
import type { RegionInfo } from '../discover.js';

/** The SECURITY alternate contact; `ResourceNotFoundException` is the answer "none registered". */
export async function collectSecurityContact(caller: AwsCaller, homeRegion: string): Promise<Listing> {
  const scope = caller.scope(GLOBAL_REGION);
  const answer = await caller.observe('account', homeRegion, new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }),
    (o: GetAlternateContactCommandOutput) => o.AlternateContact
      ? {
        name: o.AlternateContact.Name ?? '',
        title: o.AlternateContact.Title ?? '',
        emailAddress: o.AlternateContact.EmailAddress ?? '',
        phoneNumber: o.AlternateContact.PhoneNumber ?? '',
      }
      : null, null);
  if (!answer.ok) return failedListing(scope, 'aws.account.security-contact', { ...answer.error, region: GLOBAL_REGION });
  return listing(scope, 'aws.account.security-contact', [resource('aws.account.security-contact',
    { provider: 'aws', account: caller.account, region: GLOBAL_REGION }, {
      id: awsSettingId.securityContact(caller.account), name: 'security contact', data: { contact: answer.value },
    })], answer.source);
}

/** The region itself, from discovery (no call): what a residency check reads in each region's scope. */
export function regionListing(caller: AwsCaller, region: RegionInfo): Listing {
  return listing(caller.scope(region.name), 'aws.account.region', [resource('aws.account.region',
    { provider: 'aws', account: caller.account, region: region.name }, {
      id: awsSettingId.region(caller.account, region.name), name: region.name,
      data: { regionName: region.name, optStatus: region.optStatus },
    })]);
}
