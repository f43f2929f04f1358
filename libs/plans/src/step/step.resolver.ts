import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { PlanRevision } from '../revision/revision.type';
import { PlanTask } from '../task/task.type';
import { UpdateStepInput } from './step.inputs';
import { PlanStep } from './step.type';

@Resolver(() => PlanStep)
export class StepResolver {
  @FieldResolver(() => PlanTask)
  task(@Root() step: PlanStep, @Ctx() ctx: PlansContext): Promise<PlanTask> {
    return ctx.tasks.ofStep(step);
  }

  @FieldResolver(() => [PlanRevision], {
    description: 'The changes made to this step (earlier due dates of a step brought forward included), oldest first.',
  })
  revisions(@Root() step: PlanStep, @Ctx() ctx: PlansContext): Promise<PlanRevision[]> {
    return ctx.plans.revisionsOfEntity(step);
  }

  @Mutation(() => PlanStep)
  updateStep(@Arg('input', () => UpdateStepInput) input: UpdateStepInput, @Ctx() ctx: PlansContext): Promise<PlanStep> {
    return ctx.stepCommands.update(ctx.actor, input);
  }
}
