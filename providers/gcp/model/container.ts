/** `gcp.container.node-pool`-level facts, kept on the cluster: a cluster's pools are judged together. */
export interface GcpGkeNodePool {
  readonly name: string;
  readonly autoUpgrade: boolean;
  readonly autoRepair: boolean;
  readonly secureBoot: boolean;
  /** The nodes' service account; `default` is the Compute Engine default account. */
  readonly serviceAccount: string;
}

/** `gcp.container.cluster`: a GKE cluster, as Cloud Asset Inventory carries the Container API's resource. */
export interface GcpGkeCluster {
  /** Region or zone. */
  readonly location: string;
  readonly autopilot: boolean;
  /** The control plane answers on its private endpoint only. */
  readonly privateEndpoint: boolean;
  readonly privateNodes: boolean;
  /** Null when master authorised networks are off. */
  readonly authorizedNetworks: readonly string[] | null;
  readonly legacyAbac: boolean;
  /** `PROJECT.svc.id.goog` when Workload Identity is on. */
  readonly workloadPool: string | null;
  /** Application-layer secrets encryption: the Cloud KMS key, null when off. */
  readonly secretsKmsKey: string | null;
  /** `logging.googleapis.com/kubernetes`, or `none`. */
  readonly loggingService: string;
  readonly monitoringService: string;
  readonly shieldedNodes: boolean;
  /** A client certificate is issued (legacy authentication to the API server). */
  readonly clientCertificate: boolean;
  readonly networkPolicy: boolean;
  /** `REGULAR`, `STABLE`, `RAPID`, or null when not enrolled. */
  readonly releaseChannel: string | null;
  readonly nodePools: readonly GcpGkeNodePool[];
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.container.cluster': GcpGkeCluster;
  }
}
