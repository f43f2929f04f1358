import { type ClientRef as ClientReference, clientReferenceResolvers, clientRefType } from '@caseflow/federation';

/** The clients subgraph's Client, to which this subgraph adds fields (client-*.resolver.ts). */
export const ClientRef = clientRefType();
export type ClientRef = ClientReference;

/** `__resolveReference` for Client: the key, and the grant that primes the request's access loader. */
export const clientReferences = clientReferenceResolvers;
