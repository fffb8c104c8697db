import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** ECR (regional): `ecr:DescribeRepositories` (scanning, mutability, encryption in bulk), then `ecr:GetRepositoryPolicy` per repository. */

/** `aws.ecr.repository`; `Resource.id` is the repository ARN. */
export interface EcrRepository {
  readonly repositoryName: string;
  readonly repositoryArn: string;
  readonly repositoryUri: string;
  /** `MUTABLE`, `IMMUTABLE`, `MUTABLE_WITH_EXCLUSION`, `IMMUTABLE_WITH_EXCLUSION` */
  readonly imageTagMutability: string;
  readonly scanOnPush: boolean;
  /** `AES256` or `KMS` (`KMS_DSSE`) */
  readonly encryptionType: string;
  readonly kmsKey: string | null;
  /** `GetRepositoryPolicy`; null: none. */
  readonly policy: Observed<PolicyDocument | null>;
}
