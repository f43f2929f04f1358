import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The resources subgraph's Service, which a referral points at by key only.
 * This subgraph contributes no field to it, so it is not resolvable here.
 */
@ObjectType('Service')
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceRef {
  @Field(() => ID)
  id: string;
}
