import { DescribeDomainsCommand, ListDomainNamesCommand, type DescribeDomainsCommandOutput, type DomainStatus, type ListDomainNamesCommandOutput } from '@aws-sdk/client-opensearch';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { PolicyDocument } from '../model/index.js';
import { parsePolicyDocument, PolicyDocumentError } from '../policy-document.js';
import { FailedCall, provenance, type AwsCaller } from './caller.js';

/** DescribeDomains takes at most five names per call. */
const DESCRIBE_BATCH = 5;

/**
 * OpenSearch domains of one region: ListDomainNames (one call, unpaginated), then DescribeDomains
 * five at a time; the status carries every setting the checks read, the access policy as JSON text.
 */
export async function collectOpenSearch(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.opensearch.domain', region, 'es', 'ListDomainNames', async () => {
    const listed = await caller.send<ListDomainNamesCommandOutput>('es', region, new ListDomainNamesCommand({}));
    const names = (listed.DomainNames ?? []).flatMap((d) => (d.DomainName ? [d.DomainName] : []));
    const batches = Array.from({ length: Math.ceil(names.length / DESCRIBE_BATCH) }, (_, i) => names.slice(i * DESCRIBE_BATCH, (i + 1) * DESCRIBE_BATCH));
    const statuses = (await Promise.all(batches.map(async (batch) => {
      try {
        return (await caller.send<DescribeDomainsCommandOutput>('es', region, new DescribeDomainsCommand({ DomainNames: batch }))).DomainStatusList ?? [];
      } catch (e) {
        throw new FailedCall(caller.error(e, 'es', 'DescribeDomains', region));
      }
    }))).flat();
    return statuses.map((d) => {
      const name = d.DomainName ?? '';
      return resource('aws.opensearch.domain', where, {
        id: d.ARN ?? name, name,
        data: {
          domainName: name, arn: d.ARN ?? '', engineVersion: d.EngineVersion ?? null, deleted: d.Deleted ?? false,
          encryptionAtRest: d.EncryptionAtRestOptions?.Enabled ?? false, kmsKeyId: d.EncryptionAtRestOptions?.KmsKeyId ?? null,
          nodeToNodeEncryption: d.NodeToNodeEncryptionOptions?.Enabled ?? false,
          enforceHttps: d.DomainEndpointOptions?.EnforceHTTPS ?? false, tlsSecurityPolicy: d.DomainEndpointOptions?.TLSSecurityPolicy ?? null,
          vpcId: d.VPCOptions?.VPCId || null, accessPolicy: accessPolicyOf(caller, region, d),
          auditLogsEnabled: d.LogPublishingOptions?.AUDIT_LOGS?.Enabled ?? false,
          fineGrainedAccessControl: d.AdvancedSecurityOptions?.Enabled ?? false,
        },
      });
    });
  });
}

/** The domain's access policy, parsed once; an unreadable one is an answer we could not read, for this domain alone. */
function accessPolicyOf(caller: AwsCaller, region: string, d: DomainStatus): Observed<PolicyDocument | null> {
  const text = d.AccessPolicies?.trim();
  if (!text) return seen(null, provenance('es', 'DescribeDomains'));
  try {
    return seen(parsePolicyDocument(JSON.parse(text)), provenance('es', 'DescribeDomains'));
  } catch (e) {
    if (!(e instanceof SyntaxError || e instanceof PolicyDocumentError)) throw e;
    return unseen(caller.error(Object.assign(new Error(`unreadable access policy: ${e.message}`), { name: 'InvalidResponse' }), 'es', 'DescribeDomains', region));
  }
}
