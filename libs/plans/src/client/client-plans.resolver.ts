import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { ActionPlan } from '../plan/plan.type';
import { PriorityRanking } from '../ranking/ranking.type';
import { ClientRef } from './client.ref';

/** The plans subgraph's fields on Client: batched per request (one SQL statement and one access call for any number of clients). */
@Resolver(() => ClientRef)
export class ClientPlansResolver {
  @Directive('@requires(fields: "accessGrant")')
  @FieldResolver(() => [ActionPlan], {
    nullable: true,
    description: 'From the plans subgraph; null (with an error) when that subgraph is down.',
  })
  actionPlans(@Root() client: ClientRef, @Ctx() ctx: PlansContext): Promise<ActionPlan[] | null> {
    return ctx.plans.forClient(ctx.actor, client.id);
  }

  @Directive('@requires(fields: "accessGrant")')
  @FieldResolver(() => ActionPlan, { nullable: true, description: 'From the plans subgraph.' })
  activePlan(@Root() client: ClientRef, @Ctx() ctx: PlansContext): Promise<ActionPlan | null> {
    return ctx.plans.activeForClient(ctx.actor, client.id);
  }

  @Directive('@requires(fields: "accessGrant")')
  @FieldResolver(() => [PriorityRanking], {
    nullable: true,
    description: "From the plans subgraph: the client's prioritizing grids, newest first.",
  })
  priorityRankings(@Root() client: ClientRef, @Ctx() ctx: PlansContext): Promise<PriorityRanking[] | null> {
    return ctx.rankings.forClient(ctx.actor, client.id);
  }
}
