import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { StepOutcome } from './step.entity';
import { StepOutcomeEnum } from './step.type';

@InputType('UpdateStepInput')
export class UpdateStepInput {
  @Field(() => ID)
  stepId: string;

  @Field(() => Int, { description: 'The plan version the caller read; a stale version is a CONFLICT.' })
  expectedVersion: number;

  @Field(() => StepOutcomeEnum, { nullable: true })
  outcome?: StepOutcome | null;

  @Field(() => DateScalar, { nullable: true })
  completedAt?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => String)
  rationale: string;
}
