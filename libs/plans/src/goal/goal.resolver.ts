import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { ActionPlan } from '../plan/plan.type';
import { PlanRevision } from '../revision/revision.type';
import { PlanTask } from '../task/task.type';
import type { GoalStatus } from './goal.entity';
import { Goal, GoalStatusEnum } from './goal.type';

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

  @FieldResolver(() => [PlanRevision], { description: 'The revisions that added or changed this goal, oldest first.' })
  revisions(@Root() goal: Goal, @Ctx() ctx: PlansContext): Promise<PlanRevision[]> {
    return ctx.plans.revisionsOfEntity(goal);
  }

  @Mutation(() => Goal)
  setGoalStatus(
    @Arg('goalId', () => ID) goalId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('status', () => GoalStatusEnum) status: GoalStatus,
    @Arg('rationale', () => String) rationale: string,
    @Ctx() ctx: PlansContext,
  ): Promise<Goal> {
    return ctx.goalCommands.setStatus(ctx.actor, goalId, expectedVersion, status, rationale);
  }
}
