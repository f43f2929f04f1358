import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The clients subgraph's Client, to which this subgraph contributes
 * `actionPlans` and `activePlan` (see client-plans.resolver.ts).
 */
@ObjectType('Client')
@Directive('@key(fields: "id")')
export class ClientRef {
  @Field(() => ID)
  id: string;
}
