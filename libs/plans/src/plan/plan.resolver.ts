import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { Goal } from '../goal/goal.type';
import { ActionPlan } from './plan.type';

@Resolver(() => ActionPlan)
export class PlanResolver {
  @Query(() => ActionPlan, { nullable: true })
  actionPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: PlansContext): Promise<ActionPlan | null> {
    return ctx.plans.get(ctx.actor, id);
  }

  @FieldResolver(() => [Goal])
  goals(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<Goal[]> {
    return ctx.goals.ofPlan(plan);
  }
}
