import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';
import { ClientRef } from '../client/client.ref';
import { GoalRef } from '../goal/goal.ref';
import { OrganizationRef } from '../organization/organization.ref';
import { ServiceRef } from '../service/service.ref';
import { StaffMemberRef } from '../staff-member/staff-member.ref';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral.transitions';

/** The referral vocabularies of the public API, as closed lists (the database CHECKs the same values). */
export const REFERRAL_URGENCIES = ['ROUTINE', 'SOON', 'URGENT'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_OUTCOMES = [
  'SERVICE_PROVIDED',
  'CLIENT_DID_NOT_ATTEND',
  'NOT_ELIGIBLE',
  'CLIENT_DECLINED',
  'UNABLE_TO_CONTACT',
  'OTHER',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_DECISIONS = ['ACCEPT', 'DECLINE', 'WAITLIST'] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

export const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ReferralStatusEnum = enumOf(REFERRAL_STATUSES);
registerEnumType(ReferralStatusEnum, { name: 'ReferralStatus' });

export const ReferralUrgencyEnum = enumOf(REFERRAL_URGENCIES);
registerEnumType(ReferralUrgencyEnum, { name: 'ReferralUrgency' });

export const ReferralOutcomeEnum = enumOf(REFERRAL_OUTCOMES);
registerEnumType(ReferralOutcomeEnum, { name: 'ReferralOutcome' });

export const ReferralDecisionEnum = enumOf(REFERRAL_DECISIONS);
registerEnumType(ReferralDecisionEnum, { name: 'ReferralDecision' });

@ObjectType('ReferralEvent')
@Directive('@key(fields: "id")')
export class ReferralEvent {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralStatusEnum)
  status: ReferralStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => StaffMemberRef, { nullable: true })
  actor: StaffMemberRef | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/**
 * A referral as the API shows it, kept apart from the entity so that a new
 * column never becomes a public field by accident. `history` is a field
 * resolver (one batched statement for all referrals of a request).
 */
@ObjectType('Referral')
@Directive('@key(fields: "id")')
export class Referral {
  @Field(() => ID)
  id: string;

  @Field(() => ClientRef, { nullable: true })
  client: ClientRef | null;

  /** With its name and its organization's id and name (the directory's, service-names.ts): the gateway need not ask the directory for them. */
  @Field(() => ServiceRef, { nullable: true })
  @Directive('@provides(fields: "name organization { id name }")')
  service: ServiceRef | null;

  @Field(() => OrganizationRef, { nullable: true })
  organization: OrganizationRef | null;

  @Field(() => StaffMemberRef, { nullable: true })
  referredBy: StaffMemberRef | null;

  @Field(() => GoalRef, { nullable: true })
  goal: GoalRef | null;

  @Field(() => String, { description: 'The barrier or need this referral addresses.' })
  need: string;

  @Field(() => String)
  necessaryRationale: string;

  @Field(() => String)
  appropriateRationale: string;

  @Field(() => Boolean)
  paidByContract: boolean;

  @Field(() => ReferralUrgencyEnum)
  urgency: ReferralUrgency;

  @Field(() => ReferralStatusEnum)
  status: ReferralStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true })
  respondBy: Date | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => ReferralOutcomeEnum, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => Date, { nullable: true })
  followUpAt: Date | null;

  /** Not a GraphQL field. */
  clientId: string;

  /** Not a GraphQL field: the caller is shown the status and dates only (no consent covers the details), so no history either. */
  detailsWithheld: boolean;
}

@ObjectType('ReferralEdge')
export class ReferralEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Referral)
  node: Referral;
}

@ObjectType('ReferralConnection')
export class ReferralConnection {
  @Field(() => [ReferralEdge])
  edges: ReferralEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
