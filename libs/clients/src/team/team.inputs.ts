import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import type { CaseTeamRole } from './team.entity';
import { CaseTeamRoleEnum } from './team.type';

@InputType('AddCaseTeamMemberInput')
export class AddCaseTeamMemberInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  staffMemberId: string;

  @Field(() => CaseTeamRoleEnum)
  role: CaseTeamRole;

  @Field(() => DateScalar, { nullable: true })
  until?: string | null;
}

@InputType('TransferCaseloadInput')
export class TransferCaseloadInput {
  @Field(() => ID)
  fromStaffMemberId: string;

  @Field(() => ID)
  toStaffMemberId: string;

  @Field(() => [ID], { nullable: true, description: 'Omit to move every open client of fromStaffMember.' })
  clientIds?: string[] | null;

  @Field(() => String)
  reason: string;
}
