import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type EntityKey, keyOnlyRefType, PageInfo } from '@caseflow/federation';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, type AppointmentKind, type AppointmentStatus } from './appointment.entity';

export const AppointmentKindEnum = Object.fromEntries(APPOINTMENT_KINDS.map((k) => [k, k])) as { [K in AppointmentKind]: K };
registerEnumType(AppointmentKindEnum, {
  name: 'AppointmentKind',
  valuesConfig: { PARTNER_VISIT: { description: 'At a partner agency, usually after an accepted referral.' } },
});

export const AppointmentStatusEnum = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, s])) as { [K in AppointmentStatus]: K };
registerEnumType(AppointmentStatusEnum, { name: 'AppointmentStatus' });

export const ATTENDANCE_OUTCOMES = ['ATTENDED', 'NO_SHOW'] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];
export const AttendanceOutcomeEnum = Object.fromEntries(ATTENDANCE_OUTCOMES.map((o) => [o, o])) as { [K in AttendanceOutcome]: K };
registerEnumType(AttendanceOutcomeEnum, { name: 'AttendanceOutcome' });

/** The referrals subgraph's Referral, referred to by key only. */
export const ReferralRef = keyOnlyRefType('Referral');
export type ReferralRef = EntityKey;

@ObjectType('Appointment')
@Directive('@key(fields: "id")')
export class Appointment {
  @Field(() => ID)
  id: string;

  @Field(() => AppointmentKindEnum)
  kind: AppointmentKind;

  @Field(() => AppointmentStatusEnum)
  status: AppointmentStatus;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Free text: an address, a room, a phone number or a video link.' })
  place: string | null;

  @Field(() => String)
  purpose: string;

  @Field(() => Date, { nullable: true, description: 'Who cancelled or recorded attendance, when, and why.' })
  statusChangedAt: Date | null;

  @Field(() => String, { nullable: true })
  statusReason: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  version: number;

  /** Not GraphQL fields: resolved by the appointment resolver. */
  clientId: string;
  organizationId: string;
  staffMemberId: string;
  referralId: string | null;
  createdById: string;
}

@ObjectType('AppointmentEdge')
export class AppointmentEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Appointment)
  node: Appointment;
}

@ObjectType('AppointmentConnection')
export class AppointmentConnection {
  @Field(() => [AppointmentEdge])
  edges: AppointmentEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
