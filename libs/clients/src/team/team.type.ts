import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { Client } from '../client/client.type';
import { StaffMember } from '../staff/staff.type';
import { CASE_TEAM_ROLES, type CaseTeamRole } from './team.entity';

export const CaseTeamRoleEnum = Object.fromEntries(CASE_TEAM_ROLES.map((r) => [r, r])) as { [K in CaseTeamRole]: K };
registerEnumType(CaseTeamRoleEnum, { name: 'CaseTeamRole' });

@ObjectType('CaseTeamMember')
export class CaseTeamMember {
  @Field(() => StaffMember)
  staffMember: StaffMember;

  @Field(() => CaseTeamRoleEnum)
  role: CaseTeamRole;

  @Field(() => Date)
  addedAt: Date;

  @Field(() => StaffMember)
  addedBy: StaffMember;

  @Field(() => DateScalar, { nullable: true, description: 'When set, access ends then by itself.' })
  until: string | null;
}

@ObjectType('CaseloadTransfer')
export class CaseloadTransfer {
  @Field(() => Int)
  movedCount: number;

  @Field(() => [Client])
  clients: Client[];
}
