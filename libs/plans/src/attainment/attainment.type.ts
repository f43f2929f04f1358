import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OutcomeCount } from '@caseflow/federation';
import type { GoalTerm } from '../goal/goal.entity';
import { GoalTermEnum } from '../goal/goal.type';

export const GoalAttainmentGroupingEnum = { TERM: 'TERM', MONTH: 'MONTH' } as const;
export type GoalAttainmentGrouping = keyof typeof GoalAttainmentGroupingEnum;
registerEnumType(GoalAttainmentGroupingEnum, { name: 'GoalAttainmentGrouping' });

/** Goals set in a month (of a term) and how many of them were achieved; cells under 11 are suppressed. */
@ObjectType('GoalAttainmentCell')
export class GoalAttainmentCell {
  @Field(() => GoalTermEnum, { nullable: true, description: 'null when the cells are not grouped by term' })
  term: GoalTerm | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM; null when the cells are not grouped by month' })
  month: string | null;

  @Field(() => OutcomeCount)
  goalsSet: OutcomeCount;

  @Field(() => OutcomeCount)
  goalsAchieved: OutcomeCount;
}
