/** `azure.aks.cluster`: an AKS managed cluster. */
export interface AzureAksCluster {
  readonly resourceGroup: string;
  readonly kubernetesVersion: string | null;
  /** Kubernetes RBAC; null on clusters that predate the setting (off). */
  readonly enableRbac: boolean;
  /** Entra ID integration (`aadProfile`, managed). */
  readonly entraIntegration: boolean;
  /** Kubernetes authorisation through Azure RBAC. */
  readonly azureRbac: boolean;
  readonly disableLocalAccounts: boolean;
  readonly privateCluster: boolean;
  /** The API server's authorised IP ranges; empty: any address. */
  readonly authorizedIpRanges: readonly string[];
  /** `azure`, `calico`, `cilium`; null: no network policy engine. */
  readonly networkPolicy: string | null;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.aks.cluster': AzureAksCluster;
  }
}
