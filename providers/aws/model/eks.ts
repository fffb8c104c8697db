/** EKS (regional): `eks:ListClusters`, then `eks:DescribeCluster` per cluster (the listing carries names only). */

/** `aws.eks.cluster`; `Resource.id` is the cluster ARN. */
export interface EksCluster {
  readonly name: string;
  readonly arn: string;
  readonly version: string | null;
  readonly status: string;
  readonly endpointPublicAccess: boolean;
  readonly endpointPrivateAccess: boolean;
  /** CIDRs allowed to reach the public endpoint (`0.0.0.0/0` when not restricted). */
  readonly publicAccessCidrs: readonly string[];
  /** Resources (`secrets`) envelope-encrypted with a KMS key, and the key ARN. */
  readonly encryptionConfig: readonly { readonly resources: readonly string[]; readonly keyArn: string | null }[];
  /** Control-plane log types that are enabled (`api`, `audit`, `authenticator`, `controllerManager`, `scheduler`). */
  readonly enabledLogTypes: readonly string[];
}
