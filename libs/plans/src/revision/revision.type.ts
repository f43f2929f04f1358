import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StaffMemberRef } from '../staff-member/staff-member.ref';

/** One change to a plan: who, when, why, and what changed in a line. */
@ObjectType('PlanRevision')
export class PlanRevision {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  revisedAt: Date;

  @Field(() => StaffMemberRef, { nullable: true })
  revisedBy: StaffMemberRef | null;

  @Field(() => String)
  rationale: string;

  @Field(() => String)
  summary: string;

  @Field(() => Int, { description: 'The plan version this change produced.' })
  version: number;
}
