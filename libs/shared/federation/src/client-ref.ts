import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReferenceResolvers } from './schema';

/** The clients subgraph's Client as a subgraph that adds fields to it sees it. */
export interface ClientRef {
  id: string;
  /** The caller's grant on the client, signed by the clients subgraph for this request (`@caseflow/auth` grant-token.ts). */
  accessGrant?: string | null;
}

/**
 * The Client class of a subgraph that adds fields to it: the key, and the
 * grant that every added field `@requires`. One class per subgraph, since
 * type-graphql attaches a subgraph's field resolvers to the class itself.
 */
export function clientRefType(): new () => ClientRef {
  @ObjectType('Client')
  @Directive('@key(fields: "id")')
  class ClientRefType implements ClientRef {
    @Field(() => ID)
    id: string;

    @Field(() => String, { nullable: true })
    @Directive('@external')
    accessGrant?: string | null;
  }
  return ClientRefType;
}

/** What a subgraph's context does with a grant that came with a Client reference. */
export interface GrantAcceptor {
  acceptGrant(clientId: string, token: unknown): void;
}

/**
 * `__resolveReference` for Client: the key, and the grant. A grant that
 * verifies for this caller, request and client primes the request's access
 * loader; any other is ignored, and the field resolvers ask the clients
 * subgraph as they would without one.
 */
export const clientReferenceResolvers: ReferenceResolvers = {
  Client: (ref: { id: string; accessGrant?: unknown }, ctx: GrantAcceptor): ClientRef => {
    ctx.acceptGrant(ref.id, ref.accessGrant);
    return { id: ref.id };
  },
};
