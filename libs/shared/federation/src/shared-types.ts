/** Value types that several subgraphs return, defined identically in each and marked @shareable. */
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { SUPPRESSION_THRESHOLD } from './disclosure';
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

/** An outcome count as reported: the number, or null and `suppressed` when it is under the threshold (zero included). */
export function outcomeCount(n: number): OutcomeCount {
  return n < SUPPRESSION_THRESHOLD ? { count: null, suppressed: true } : { count: n, suppressed: false };
}
