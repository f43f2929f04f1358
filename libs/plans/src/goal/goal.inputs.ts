import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { GoalTerm } from './goal.entity';
import { GoalTermEnum, SmartAnswerFields } from './goal.type';

@InputType('SmartCheckInput')
export class SmartCheckInput extends SmartAnswerFields {}

@InputType('PlanStepInput')
export class PlanStepInput {
  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  estimatedTime?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  whoHelps?: string | null;
}

@InputType('PlanTaskInput')
export class PlanTaskInput {
  @Field(() => String)
  title: string;

  @Field(() => [PlanStepInput])
  steps: PlanStepInput[];
}

@InputType('GoalInput')
export class GoalInput {
  @Field(() => String)
  description: string;

  @Field(() => GoalTermEnum)
  term: GoalTerm;

  @Field(() => DateScalar, { nullable: true })
  targetDate?: string | null;

  @Field(() => SmartCheckInput)
  smart: SmartCheckInput;

  @Field(() => [PlanTaskInput])
  tasks: PlanTaskInput[];
}
