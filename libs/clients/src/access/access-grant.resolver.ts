import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { signGrantToken } from '@caseflow/auth';
import type { ClientsContext } from '../context';
import { Client } from '../client/client.type';

/**
 * `Client.accessGrant` (inaccessible: only the gateway reads it, to hand it
 * to plans and referrals with the entity): the caller's grant on the client,
 * decided by the one rule for the whole page at once (the request's grants
 * loader, one prepared SQL statement) and signed for this caller and this request
 * only (grant-token.ts). Like the /internal/client-access route, issuing a
 * grant writes no audit event of its own: the subgraph that shows data under
 * it audits that read, as it does today.
 */
@Resolver(() => Client)
export class AccessGrantResolver {
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  async accessGrant(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<string> {
    const grant = await ctx.grants.load(client.id);
    return signGrantToken(grant, { actor: ctx.actor, requestId: ctx.requestId }, ctx.internalSecret);
  }
}
