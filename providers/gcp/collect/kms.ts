import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { seen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { caiResources, observe, pageOptions, where, type ProjectContext, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment, toCryptoKey } from './normalise.js';

/**
 * The key rings to list keys in. From Cloud Asset Inventory when it ran: only the rings it shows a
 * key in (key rings cannot be deleted, so projects gather empty ones, each a call that answers
 * nothing). Otherwise every KMS location's key rings.
 */
async function keyRings(ctx: ProjectContext): Promise<Observed<string[]>> {
  const id = ctx.project.projectId;
  const cai = caiResources(ctx);
  if (cai) {
    const keys = cai.filter((r) => r.assetType === 'cloudkms.googleapis.com/CryptoKey');
    return seen([...new Set(keys.map((k) => k.name.replace('//cloudkms.googleapis.com/', '').replace(/\/cryptoKeys\/[^/]+$/, '')))]);
  }
  const { caller, clients } = ctx;
  return observe(
    (async () => {
      // The locations list comes as one page of every KMS location (about 50).
      const locations = await caller.call({ service: 'kms', operation: 'cloudkms.locations.list', account: id }, async () => {
        const out: string[] = [];
        for await (const l of clients.kms.listLocationsAsync({ name: `projects/${id}`, pageSize: 1000 }, pageOptions(ctx))) out.push(String(l.locationId));
        return out;
      });
      const perLocation = await Promise.all(locations.map((location) =>
        caller.pages({ service: 'kms', operation: 'cloudkms.keyRings.list', account: id }, async (token) => {
          const [items, next] = await clients.kms.listKeyRings({ parent: `projects/${id}/locations/${location}`, pageSize: 1000, ...(token ? { pageToken: token } : {}) }, pageOptions(ctx));
          return { items: items.map((r) => String(r.name)), next: next?.pageToken ?? null };
        }),
      ));
      return perLocation.flat();
    })(),
    'cloudkms.keyRings.list',
    id,
  );
}

async function cryptoKeys(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  const rings = await keyRings(ctx);
  if (!rings.ok) return rings;
  return observe(
    Promise.all(rings.value.map((ring) =>
      ctx.caller.pages({ service: 'kms', operation: 'cloudkms.cryptoKeys.list', account: id }, async (token) => {
        const [items, next] = await ctx.clients.kms.listCryptoKeys({ parent: ring, pageSize: 1000, ...(token ? { pageToken: token } : {}) }, pageOptions(ctx));
        return { items, next: next?.pageToken ?? null };
      }),
    )).then((lists) => lists.flat().map((k) => {
      const name = String(k.name);
      const location = /locations\/([^/]+)/.exec(name)?.[1] ?? GLOBAL_REGION;
      return resource('gcp.kms.crypto-key', where(ctx, location), { id: `//cloudkms.googleapis.com/${name}`, name: lastSegment(name), tags: labelsOf(k.labels), data: toCryptoKey(k) });
    })),
    'cloudkms.cryptoKeys.list',
    id,
  );
}

export const kms: TypeCollectors = { 'gcp.kms.crypto-key': cryptoKeys };
