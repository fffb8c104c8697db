import type { Observed } from '../../../src/core/observed.js';

export interface GcpEssentialContact {
  readonly email: string;
  /** `SECURITY`, `TECHNICAL`, `ALL`, ... */
  readonly categories: readonly string[];
  /** Where it is set: the project, a folder or the organisation (contacts are inherited). */
  readonly source: string;
}

/** `gcp.essentialcontacts.project`: the contacts Google notifies about one project, its own and inherited. */
export interface GcpProjectContacts {
  readonly own: readonly GcpEssentialContact[];
  /** Set on its folders and organisation; unseen when an ancestor's could not be read. */
  readonly inherited: Observed<readonly GcpEssentialContact[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.essentialcontacts.project': GcpProjectContacts;
  }
}
