import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The clients subgraph's StaffMember, referred to by key only. */
@ObjectType('StaffMember')
@Directive('@key(fields: "id", resolvable: false)')
export class StaffMemberRef {
  @Field(() => ID)
  id: string;
}
