import type { PlansContext } from '../context';
import type { ClientRef } from './client.ref';

/**
 * `_entities` for Client: its key and the grant the clients subgraph signed
 * into it. A grant that verifies for this caller, request and client primes
 * the request's access loader; any other is ignored, and the Client field
 * resolvers (client-plans.resolver.ts) ask the clients subgraph as before.
 */
export const clientReferences = {
  Client: (ref: { id: string; accessGrant?: unknown }, ctx: PlansContext): ClientRef => {
    ctx.acceptGrant(ref.id, ref.accessGrant);
    return { id: ref.id };
  },
};
