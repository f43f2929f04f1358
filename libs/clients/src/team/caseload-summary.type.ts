import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { StaffMember } from '../staff/staff.type';

/**
 * A case manager's load for their supervisor (`teamCaseloads`). An entity
 * keyed by the case manager's id: plans adds `overdueSteps` and referrals
 * `referralsAwaitingAnswer`, each counting over the open clients named in
 * `caseloadGrant` (inaccessible: signed for this caller and request only).
 */
@ObjectType('CaseloadSummary', { description: "One case manager's load, for their supervisor." })
@Directive('@key(fields: "staffMemberId")')
export class CaseloadSummary {
  @Field(() => ID, { description: "The case manager's id (staffMember.id)." })
  staffMemberId: string;

  @Field(() => StaffMember)
  staffMember: StaffMember;

  @Field(() => Int)
  openClients: number;

  @Field(() => Int, { description: 'Open clients whose caseload priority is HIGH or URGENT.' })
  highPriority: number;

  @Field(() => Int, { description: 'Open clients whose next follow-up is past.' })
  overdueFollowUps: number;

  /** The open clients' ids, signed into caseloadGrant. */
  clientIds: string[];

  organizationId: string;
}
