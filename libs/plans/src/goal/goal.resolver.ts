import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { ActionPlan } from '../plan/plan.type';
import { PlanTask } from '../task/task.type';
import { Goal } from './goal.type';

@Resolver(() => Goal)
export class GoalResolver {
  @FieldResolver(() => ActionPlan)
  plan(@Root() goal: Goal, @Ctx() ctx: PlansContext): Promise<ActionPlan> {
    return ctx.plans.ofGoal(goal);
  }

  @FieldResolver(() => [PlanTask])
  tasks(@Root() goal: Goal, @Ctx() ctx: PlansContext): Promise<PlanTask[]> {
    return ctx.tasks.ofGoal(goal);
  }
}
