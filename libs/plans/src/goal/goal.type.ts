import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { PlanStatus } from '../plan/plan.entity';
import type { GoalStatus, GoalTerm } from './goal.entity';

export const GoalTermEnum = { SHORT: 'SHORT', MID: 'MID', LONG: 'LONG' } as const;
registerEnumType(GoalTermEnum, { name: 'GoalTerm' });

export const GoalStatusEnum = { OPEN: 'OPEN', ACHIEVED: 'ACHIEVED', NOT_ACHIEVED: 'NOT_ACHIEVED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(GoalStatusEnum, { name: 'GoalStatus' });

export const SmartCriterionEnum = {
  SPECIFIC: 'SPECIFIC',
  MEASURABLE: 'MEASURABLE',
  ACHIEVABLE: 'ACHIEVABLE',
  RELEVANT: 'RELEVANT',
  TIME_LIMITED: 'TIME_LIMITED',
} as const;
export type SmartCriterion = keyof typeof SmartCriterionEnum;
registerEnumType(SmartCriterionEnum, { name: 'SmartCriterion', description: 'One of the five SMART questions a goal is checked against.' });

/**
 * The five SMART answers, alike in a goal as shown (`SmartCheck`) and as
 * given (`SmartCheckInput`), which inherit these fields. No field has this
 * type, so neither name below is in the schema.
 */
@ObjectType('SmartAnswers')
@InputType('SmartAnswersInput')
export abstract class SmartAnswerFields {
  @Field(() => Boolean)
  specific: boolean;

  @Field(() => Boolean)
  measurable: boolean;

  @Field(() => Boolean)
  achievable: boolean;

  @Field(() => Boolean)
  relevant: boolean;

  @Field(() => Boolean)
  timeLimited: boolean;
}

@ObjectType('SmartCheck')
export class SmartCheck extends SmartAnswerFields {
  @Field(() => [SmartCriterionEnum], { description: 'The criteria answered no; empty when the goal is SMART.' })
  missing: SmartCriterion[];
}

/** A goal of a plan (`plan` and `tasks` are resolved in goal.resolver.ts). */
@ObjectType('Goal')
@Directive('@key(fields: "id")')
export class Goal {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  description: string;

  @Field(() => GoalTermEnum)
  term: GoalTerm;

  @Field(() => DateScalar, { nullable: true })
  targetDate: string | null;

  @Field(() => SmartCheck)
  smart: SmartCheck;

  @Field(() => GoalStatusEnum)
  status: GoalStatus;

  /** Not a GraphQL field. */
  planId: string;

  /** Not a GraphQL field: the plan's status, which decides (with the goal's) whether its steps can be overdue. */
  planStatus: PlanStatus;
}
