import type { ClientRef } from './client.ref';

/**
 * `_entities` for Client: only its key. Access to a client's plans is checked
 * in the Client field resolvers (client-plans.resolver.ts), against the clients subgraph.
 */
export const clientReferences = {
  Client: (ref: { id: string }): ClientRef => ({ id: ref.id }),
};
