import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The clients subgraph's StaffMember (who referred, who moved a referral), by
 * key only. This subgraph contributes no field to it, so it is not
 * resolvable here.
 */
@ObjectType('StaffMember')
@Directive('@key(fields: "id", resolvable: false)')
export class StaffMemberRef {
  @Field(() => ID)
  id: string;
}
