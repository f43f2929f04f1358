import type { ReferenceResolvers } from '@caseflow/federation';

/**
 * `__resolveReference` for the Organization this subgraph adds `incomingReferrals` to: only
 * the key. Who may see what hangs off it is decided in the field resolver.
 */
export const organizationReferenceResolvers: ReferenceResolvers = {
  Organization: (ref: { id: string }) => ({ id: ref.id }),
};
