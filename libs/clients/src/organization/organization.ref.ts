import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The resources subgraph's Organization, referred to by key only. */
@ObjectType('Organization')
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationRef {
  @Field(() => ID)
  id: string;
}
