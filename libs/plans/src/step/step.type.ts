import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { StepOutcome } from './step.entity';

export const StepOutcomeEnum = {
  NOT_STARTED: 'NOT_STARTED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETE: 'COMPLETE',
  CANCELLED: 'CANCELLED',
  BROUGHT_FORWARD: 'BROUGHT_FORWARD',
} as const;
registerEnumType(StepOutcomeEnum, { name: 'StepOutcome' });

/** A step of a task (`task` is resolved in step.resolver.ts). */
@ObjectType('PlanStep')
export class PlanStep {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  estimatedTime: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate: string | null;

  @Field(() => DateScalar, { nullable: true })
  completedAt: string | null;

  @Field(() => StepOutcomeEnum)
  outcome: StepOutcome;

  @Field(() => String, { nullable: true })
  whoHelps: string | null;

  @Field(() => Boolean)
  overdue: boolean;

  /** Not a GraphQL field. */
  taskId: string;

  /** Not a GraphQL field: whether the step can be overdue (an OPEN goal of a draft or active plan). */
  live: boolean;
}
