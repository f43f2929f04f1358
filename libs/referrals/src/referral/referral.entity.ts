import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReferralStatus } from './referral.transitions';
import type { ReferralOutcome, ReferralUrgency } from './referral.type';

/**
 * A referral of a client to a service of the directory. Client, service,
 * organization, staff and goal ids point at other subgraphs' entities, so
 * they are plain uuids (no foreign keys across subgraphs).
 */
@Entity({ name: 'referral' })
@Index('referral_client_created_idx', ['clientId', 'createdAt'])
@Index('referral_organization_inbox_idx', ['organizationId', 'status', 'sentAt', 'id'])
@Index('referral_status_respond_by_idx', ['status', 'respondBy'])
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** The referring agency (the client's agency when the referral was made). */
  @Column({ name: 'client_organization_id', type: 'uuid' })
  clientOrganizationId: string;

  @Index('referral_service_idx')
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @Column({ name: 'service_at_location_id', type: 'uuid', nullable: true })
  serviceAtLocationId: string | null;

  /** The receiving organization. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The receiving organization's name as the directory gave it at creation (null for referrals made before names were kept). */
  @Column({ name: 'organization_name', type: 'text', nullable: true })
  organizationName: string | null;

  /** The service's name as the directory gave it at creation (null for referrals made before names were kept). */
  @Column({ name: 'service_name', type: 'text', nullable: true })
  serviceName: string | null;

  @Column({ name: 'referred_by', type: 'uuid' })
  referredBy: string;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Column({ name: 'need', type: 'text' })
  need: string;

  @Column({ name: 'necessary_rationale', type: 'text' })
  necessaryRationale: string;

  @Column({ name: 'appropriate_rationale', type: 'text' })
  appropriateRationale: string;

  @Column({ name: 'paid_by_contract', type: 'boolean' })
  paidByContract: boolean;

  @Column({ name: 'urgency', type: 'text' })
  urgency: ReferralUrgency;

  @Column({ name: 'status', type: 'text' })
  status: ReferralStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'respond_by', type: 'timestamptz', nullable: true })
  respondBy: Date | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome: ReferralOutcome | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt: Date | null;

  /** Idempotency key of createReferral, unique per referring staff member (index referral_client_mutation_key). */
  @Column({ name: 'client_mutation_id', type: 'text', nullable: true })
  clientMutationId: string | null;

  /** The fingerprint of the input that came with `clientMutationId` (a retry must match it). */
  @Column({ name: 'client_mutation_fingerprint', type: 'text', nullable: true })
  clientMutationFingerprint: string | null;

  /** When a supervisor sent the referral without a consent (recorded override); the receiving organization may then read its details. */
  @Column({ name: 'consent_override_at', type: 'timestamptz', nullable: true })
  consentOverrideAt: Date | null;

  /** The service's taxonomy term ids as the directory gave them at creation (for outcomes by term). */
  @Column({ name: 'service_taxonomy_term_ids', type: 'uuid', array: true })
  serviceTaxonomyTermIds: string[];

  /** When the receiving organization first answered (accepted, declined or waitlisted). */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** When the referral was accepted (it may have moved on since). */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One transition in a referral's history. Append-only: the database refuses UPDATE and DELETE. */
@Entity({ name: 'referral_event' })
@Index('referral_event_referral_at_idx', ['referralId', 'at'])
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'status', type: 'text' })
  status: ReferralStatus;

  @Column({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** Null for transitions the system makes (expiry). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;
}
