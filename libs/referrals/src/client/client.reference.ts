import type { ReferenceResolvers } from '@caseflow/federation';
import type { ReferralsContext } from '../context';

/**
 * `__resolveReference` for the Client this subgraph adds `referrals` to: the
 * key, and the grant the clients subgraph signed into it. A grant that
 * verifies for this caller, request and client primes the request's access
 * loader; any other is ignored, and the field resolver asks the clients
 * subgraph as before.
 */
export const clientReferenceResolvers: ReferenceResolvers = {
  Client: (ref: { id: string; accessGrant?: unknown }, ctx: ReferralsContext) => {
    ctx.acceptGrant(ref.id, ref.accessGrant);
    return { id: ref.id };
  },
};
