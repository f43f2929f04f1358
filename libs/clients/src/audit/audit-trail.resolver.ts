import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ClientsContext } from '../context';
import { AuditEventConnection } from './audit-trail.type';

@Resolver()
export class AuditTrailResolver {
  @Query(() => AuditEventConnection, {
    description: "A client's complete audit trail across the subgraphs, newest first (supervisors of the client's agency).",
  })
  clientAuditTrail(
    @Arg('clientId', () => ID) clientId: string,
    @Ctx() ctx: ClientsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    return ctx.auditTrails.forClient(ctx.actor, clientId, first, after);
  }
}
