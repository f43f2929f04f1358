import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The plans subgraph's Goal, to which this subgraph contributes `referrals`.
 * Resolvable by key here (the reference is just the id); who may see each
 * referral is decided in the field resolver.
 */
@ObjectType('Goal')
@Directive('@key(fields: "id")')
export class GoalRef {
  @Field(() => ID)
  id: string;
}
