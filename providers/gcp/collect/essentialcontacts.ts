import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { mapObserved, seen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { GcpEssentialContact } from '../model/essentialcontacts.js';
import { all, where, type TypeCollectors } from './context.js';
import { arr, assetsOf, containerAssets, str, type ListedAsset } from './cai-list.js';
import { ancestry } from './resourcemanager.js';

const toContact = (a: ListedAsset, source: string): GcpEssentialContact => ({
  email: str(a.data['email']),
  categories: arr<string>(a.data['notificationCategorySubscriptions']).map(str),
  source,
});

/**
 * The contacts of each project: its own from the project's asset listing, its folders' and
 * organisation's from one listing per ancestor per scan (contacts are inherited).
 */
export const essentialcontacts: TypeCollectors = {
  'gcp.essentialcontacts.project': async (ctx) => {
    const id = ctx.project.projectId;
    const [own, chain] = await Promise.all([assetsOf(ctx, 'essentialcontacts.googleapis.com/Contact'), ancestry(ctx)]);
    if (!own.ok) return own;
    let inherited: Observed<GcpEssentialContact[]> = chain.ok ? seen([]) : chain;
    if (chain.ok) {
      const ancestors = chain.value.slice(1);
      const listed = all(await Promise.all(ancestors.map((a) => containerAssets(ctx, a, 'essentialcontacts.googleapis.com/Contact'))));
      inherited = mapObserved(listed, (lists) => lists.flatMap((list, i) => list.map((c) => toContact(c, ancestors[i]!))));
    }
    return seen([resource('gcp.essentialcontacts.project', where(ctx, GLOBAL_REGION), {
      id: `//essentialcontacts.googleapis.com/projects/${id}/contacts`,
      name: id,
      data: { own: own.value.map((c) => toContact(c, `projects/${id}`)), inherited },
    })]);
  },
};
