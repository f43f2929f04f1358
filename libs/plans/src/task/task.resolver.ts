import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { Goal } from '../goal/goal.type';
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
}
