/** Value types that several subgraphs return, defined identically in each and marked @shareable. */
import { Directive, Field, Int, ObjectType } from 'type-graphql';

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
