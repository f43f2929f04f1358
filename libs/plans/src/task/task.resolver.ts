import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { PlanStepInput, PlanTaskInput } from '../goal/goal.inputs';
import { Goal } from '../goal/goal.type';
import { ActionPlan } from '../plan/plan.type';
import { PlanStep } from '../step/step.type';
import { PlanTask } from './task.type';

@Resolver(() => PlanTask)
export class TaskResolver {
  @FieldResolver(() => Goal)
  goal(@Root() task: PlanTask, @Ctx() ctx: PlansContext): Promise<Goal> {
    return ctx.goals.ofTask(task);
  }

  @FieldResolver(() => [PlanStep])
  steps(@Root() task: PlanTask, @Ctx() ctx: PlansContext): Promise<PlanStep[]> {
    return ctx.steps.ofTask(task);
  }

  @Mutation(() => ActionPlan, { description: 'A major task (with its steps) added to an open goal, as a revision of the plan.' })
  addTask(
    @Arg('goalId', () => ID) goalId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('task', () => PlanTaskInput) task: PlanTaskInput,
    @Arg('rationale', () => String) rationale: string,
    @Ctx() ctx: PlansContext,
  ): Promise<ActionPlan> {
    return ctx.taskCommands.addTask(ctx.actor, goalId, expectedVersion, task, rationale);
  }

  @Mutation(() => ActionPlan, { description: 'A step added to a task of an open goal, as a revision of the plan.' })
  addStep(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('step', () => PlanStepInput) step: PlanStepInput,
    @Arg('rationale', () => String) rationale: string,
    @Ctx() ctx: PlansContext,
  ): Promise<ActionPlan> {
    return ctx.taskCommands.addStep(ctx.actor, taskId, expectedVersion, step, rationale);
  }
}
