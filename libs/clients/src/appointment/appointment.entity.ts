import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ClientStaffMemberColumns } from '../client/client-staff-member.columns';

export const APPOINTMENT_KINDS = ['IN_PERSON', 'PHONE', 'VIDEO', 'HOME_VISIT', 'PARTNER_VISIT'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const APPOINTMENT_STATUSES = ['SCHEDULED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** An appointment of a client with a staff member. Read and written with the statements of appointment.sql.ts. */
@Entity({ name: 'appointment' })
export class AppointmentEntity extends ClientStaffMemberColumns {
  @Column({ type: 'text' })
  kind: AppointmentKind;

  @Column({ type: 'text' })
  status: AppointmentStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'client_mutation_id', type: 'text', nullable: true })
  clientMutationId: string | null;

  @Column({ name: 'client_mutation_fingerprint', type: 'text', nullable: true })
  clientMutationFingerprint: string | null;
}

/** The secret address of a staff member's calendar feed: only the SHA-256 of the secret is kept. */
@Entity({ name: 'calendar_feed' })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'staff_member_id', type: 'uuid' })
  staffMemberId: string;

  @Column({ type: 'uuid' })
  nonce: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
