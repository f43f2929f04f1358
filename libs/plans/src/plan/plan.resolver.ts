import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { GoalInput } from '../goal/goal.inputs';
import { Goal } from '../goal/goal.type';
import { PlanProgress } from '../progress/progress.type';
import { PlanRevision } from '../revision/revision.type';
import { CreateActionPlanInput } from './plan.inputs';
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

  @FieldResolver(() => [Goal], { description: 'OPEN goals with a SMART answer still no, for the dashboard to prompt about.' })
  goalsNotSmart(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<Goal[]> {
    return ctx.goals.notSmartOf(plan);
  }

  @FieldResolver(() => PlanProgress)
  progress(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<PlanProgress> {
    return ctx.plans.progressOf(plan);
  }

  @FieldResolver(() => [PlanRevision], { description: 'Every change to the plan, oldest first.' })
  revisions(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<PlanRevision[]> {
    return ctx.plans.revisionsOf(plan);
  }

  @Mutation(() => ActionPlan)
  createActionPlan(@Arg('input', () => CreateActionPlanInput) input: CreateActionPlanInput, @Ctx() ctx: PlansContext): Promise<ActionPlan> {
    return ctx.planCommands.create(ctx.actor, input);
  }

  @Mutation(() => ActionPlan)
  addGoal(
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('goal', () => GoalInput) goal: GoalInput,
    @Arg('rationale', () => String) rationale: string,
    @Ctx() ctx: PlansContext,
  ): Promise<ActionPlan> {
    return ctx.planCommands.addGoal(ctx.actor, planId, expectedVersion, goal, rationale);
  }

  @Mutation(() => ActionPlan)
  completePlan(
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: PlansContext,
    @Arg('rationale', () => String, { nullable: true, description: 'Why the plan is complete; a standard note when left out.' })
    rationale?: string | null,
  ): Promise<ActionPlan> {
    return ctx.planCommands.completePlan(ctx.actor, planId, expectedVersion, rationale);
  }

  @Mutation(() => ActionPlan, { description: "A draft becomes the client's active plan; the previous active plan, if any, is completed." })
  activatePlan(
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: PlansContext,
    @Arg('rationale', () => String, { nullable: true }) rationale?: string | null,
  ): Promise<ActionPlan> {
    return ctx.planCommands.activatePlan(ctx.actor, planId, expectedVersion, rationale);
  }

  @Mutation(() => ActionPlan, { description: 'A draft or active plan is abandoned, with the reason.' })
  cancelPlan(
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('rationale', () => String) rationale: string,
    @Ctx() ctx: PlansContext,
  ): Promise<ActionPlan> {
    return ctx.planCommands.cancelPlan(ctx.actor, planId, expectedVersion, rationale);
  }
}
