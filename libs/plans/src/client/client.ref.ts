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

  /** The caller's grant on the client, signed by the clients subgraph for this request (grant-token.ts); required by every field added here. */
  @Field(() => String, { nullable: true })
  @Directive('@external')
  accessGrant?: string | null;
}
