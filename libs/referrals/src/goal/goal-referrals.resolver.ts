import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import { Referral } from '../referral/referral.type';
import { GoalRef } from './goal.ref';

/** The field this subgraph contributes to the plans subgraph's Goal. */
@Resolver(() => GoalRef)
export class GoalReferralsResolver {
  @FieldResolver(() => [Referral], { nullable: true, description: 'From the referrals subgraph.' })
  referrals(@Root() goal: GoalRef, @Ctx() ctx: ReferralsContext): Promise<Referral[] | null> {
    return ctx.referrals.forGoal(ctx.actor, goal.id);
  }
}
