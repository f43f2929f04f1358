import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { PlanTask } from '../task/task.type';
import { PlanStep } from './step.type';

@Resolver(() => PlanStep)
export class StepResolver {
  @FieldResolver(() => PlanTask)
  task(@Root() step: PlanStep, @Ctx() ctx: PlansContext): Promise<PlanTask> {
    return ctx.tasks.ofStep(step);
  }
}
