import type { ReferenceResolvers } from '@caseflow/federation';

/**
 * `__resolveReference` for the Goal this subgraph adds `referrals` to: only
 * the key. Who may see what hangs off it is decided in the field resolver.
 */
export const goalReferenceResolvers: ReferenceResolvers = {
  Goal: (ref: { id: string }) => ({ id: ref.id }),
};
