import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { GcpGkeCluster } from '../model/container.js';
import { arr, assetsOf, obj, str, type ListedAsset } from './cai-list.js';
import { regionOf, where, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment } from './normalise.js';

/** The Container API's Cluster resource (v1 REST JSON, as Cloud Asset Inventory carries it). */
export function toCluster(c: ListedAsset['data']): GcpGkeCluster {
  const privateConfig = obj(c['privateClusterConfig']);
  const man = obj(c['masterAuthorizedNetworksConfig']);
  const encryption = obj(c['databaseEncryption']);
  const channel = str(obj(c['releaseChannel'])['channel']);
  const autopilot = obj(c['autopilot'])['enabled'] === true;
  return {
    location: str(c['location']),
    autopilot,
    privateEndpoint: privateConfig['enablePrivateEndpoint'] === true,
    privateNodes: privateConfig['enablePrivateNodes'] === true || obj(c['networkConfig'])['defaultEnablePrivateNodes'] === true,
    authorizedNetworks: man['enabled'] === true ? arr(man['cidrBlocks']).map((b) => str(b['cidrBlock'])) : null,
    legacyAbac: obj(c['legacyAbac'])['enabled'] === true,
    workloadPool: str(obj(c['workloadIdentityConfig'])['workloadPool']) || null,
    secretsKmsKey: str(encryption['state']) === 'ENCRYPTED' ? str(encryption['keyName']) || null : null,
    loggingService: str(c['loggingService']) || 'logging.googleapis.com/kubernetes',
    monitoringService: str(c['monitoringService']) || 'monitoring.googleapis.com/kubernetes',
    // Autopilot clusters always run shielded nodes.
    shieldedNodes: autopilot || obj(c['shieldedNodes'])['enabled'] === true,
    clientCertificate: obj(obj(c['masterAuth'])['clientCertificateConfig'])['issueClientCertificate'] === true || str(obj(c['masterAuth'])['clientCertificate']) !== '',
    networkPolicy: autopilot || obj(c['networkPolicy'])['enabled'] === true || str(obj(c['networkConfig'])['datapathProvider']) === 'ADVANCED_DATAPATH',
    releaseChannel: channel === '' || channel === 'UNSPECIFIED' ? null : channel,
    nodePools: arr(c['nodePools']).map((p) => {
      const management = obj(p['management']);
      const config = obj(p['config']);
      return {
        name: str(p['name']),
        autoUpgrade: management['autoUpgrade'] === true,
        autoRepair: management['autoRepair'] === true,
        secureBoot: obj(config['shieldedInstanceConfig'])['enableSecureBoot'] === true,
        serviceAccount: str(config['serviceAccount']) || 'default',
      };
    }),
  };
}

export const container: TypeCollectors = {
  'gcp.container.cluster': async (ctx) => mapObserved(await assetsOf(ctx, 'container.googleapis.com/Cluster'), (assets) => assets.map((a) => {
    const data = toCluster(a.data);
    return resource('gcp.container.cluster', where(ctx, regionOf(data.location || a.location)), { id: a.name, name: lastSegment(a.name), tags: labelsOf(a.data['resourceLabels']), data });
  })),
};
