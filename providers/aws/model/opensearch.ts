import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** OpenSearch Service (regional): `es:ListDomainNames`, then `es:DescribeDomains` five domains per call. */

/** `aws.opensearch.domain`; `Resource.id` is the domain ARN. */
export interface OpenSearchDomain {
  readonly domainName: string;
  readonly arn: string;
  readonly engineVersion: string | null;
  /** Being deleted. */
  readonly deleted: boolean;
  readonly encryptionAtRest: boolean;
  readonly kmsKeyId: string | null;
  readonly nodeToNodeEncryption: boolean;
  readonly enforceHttps: boolean;
  /** e.g. `Policy-Min-TLS-1-2-2019-07`; null when not reported. */
  readonly tlsSecurityPolicy: string | null;
  /** Set for a domain inside a VPC: it has no public endpoint. */
  readonly vpcId: string | null;
  /** The resource-based access policy; null when the domain has none. Unknown when the JSON text could not be read. */
  readonly accessPolicy: Observed<PolicyDocument | null>;
  /** `LogPublishingOptions.AUDIT_LOGS.Enabled` */
  readonly auditLogsEnabled: boolean;
  /** `AdvancedSecurityOptions.Enabled`: fine-grained access control. */
  readonly fineGrainedAccessControl: boolean;
}
