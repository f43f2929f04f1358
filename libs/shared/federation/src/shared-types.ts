/** Value types that several subgraphs return, defined identically in each and marked @shareable. */
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { badInput } from '@caseflow/core';
import { DateScalar } from './scalars';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
@Directive('@shareable')
export class OutcomeCount {
  @Field(() => Int, { nullable: true, description: 'null when suppressed' })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@InputType()
export class DateRangeInput {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;
}

/** Cells counting fewer people than this are suppressed in every outcome figure. */
export const SUPPRESSION_THRESHOLD = 11;

/** An outcome count as reported: the number, or null and `suppressed` when it is under the threshold (zero included). */
export function outcomeCount(n: number): OutcomeCount {
  return n < SUPPRESSION_THRESHOLD ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

/** Validates a period: both dates given, `from` not after `to`, at most ten years; BAD_USER_INPUT naming the field. */
export function checkPeriod(period: DateRangeInput, field = 'period'): { from: string; to: string } {
  if (period.from > period.to) throw badInput(`${field}.from`, 'must not be after period.to');
  const years = (Date.parse(period.to) - Date.parse(period.from)) / (365.25 * 86_400_000);
  if (years > 10) throw badInput(field, 'must span at most ten years');
  return { from: period.from, to: period.to };
}
