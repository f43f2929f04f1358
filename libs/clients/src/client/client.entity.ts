import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ClientStatus = 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';
export type ContactMethod = 'PHONE' | 'TEXT' | 'EMAIL' | 'MAIL' | 'IN_PERSON';
export type PriorityLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

export const CLOSURE_OUTCOMES = ['EMPLOYED', 'IN_TRAINING', 'REFERRED_ELSEWHERE', 'GOALS_MET', 'DISENGAGED', 'MOVED', 'OTHER'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export type CaseEventKind = 'OPENED' | 'ACTIVATED' | 'CLOSED' | 'REOPENED' | 'REASSIGNED';

export interface KeyDateValue {
  label: string;
  date: string;
}

@Entity({ name: 'client' })
@Index('client_case_manager_sort_idx', ['assignedCaseManagerId', 'sortKey', 'id'])
@Index('client_organization_sort_idx', ['organizationId', 'sortKey', 'id'])
@Index('client_duplicate_idx', ['organizationId', 'dateOfBirth'])
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ name: 'preferred_name', type: 'text', nullable: true })
  preferredName: string | null;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'text' })
  status: ClientStatus;

  @Column({ name: 'intake_date', type: 'date' })
  intakeDate: string;

  @Column({ name: 'assigned_case_manager_id', type: 'uuid', nullable: true })
  assignedCaseManagerId: string | null;

  /** Folded first, last and preferred names, for accent- and case-insensitive search. */
  @Column({ name: 'search_name', type: 'text' })
  searchName: string;

  /** Folded "last first", the list order. */
  @Column({ name: 'sort_key', type: 'text' })
  sortKey: string;

  @Column({ name: 'folded_first', type: 'text' })
  foldedFirst: string;

  @Column({ name: 'folded_last', type: 'text' })
  foldedLast: string;

  @Column({ name: 'contact_method', type: 'text', nullable: true })
  contactMethod: ContactMethod | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'voicemail_allowed', type: 'boolean', default: false })
  voicemailAllowed: boolean;

  @Column({ name: 'public_greeting', type: 'text', nullable: true })
  publicGreeting: string | null;

  @Column({ name: 'contact_notes', type: 'text', nullable: true })
  contactNotes: string | null;

  @Column({ name: 'key_dates', type: 'jsonb', default: () => "'[]'::jsonb" })
  keyDates: KeyDateValue[];

  @Column({ name: 'next_follow_up_at', type: 'timestamptz', nullable: true })
  nextFollowUpAt: Date | null;

  @Column({ name: 'last_note_at', type: 'timestamptz', nullable: true })
  lastNoteAt: Date | null;

  /** Stored so that a caseload is an index scan (client_caseload_idx); recomputed when an input changes and daily. */
  @Column({ name: 'priority_score', type: 'integer', default: 0 })
  priorityScore: number;

  @Column({ name: 'priority_level', type: 'text', default: 'LOW' })
  priorityLevel: PriorityLevel;

  @Column({ name: 'priority_reasons', type: 'text', array: true, default: () => "'{}'" })
  priorityReasons: string[];

  @Column({ name: 'priority_computed_at', type: 'timestamptz', nullable: true })
  priorityComputedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'client_mutation_id', type: 'text', nullable: true })
  clientMutationId: string | null;

  /** The fingerprint of the input that came with `clientMutationId` (a retry must match it). */
  @Column({ name: 'client_mutation_fingerprint', type: 'text', nullable: true })
  clientMutationFingerprint: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One eligibility determination; the latest is the client's eligibility. Never changed once written. */
@Entity({ name: 'eligibility_determination' })
export class EligibilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ type: 'text' })
  program: string;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ name: 'determined_at', type: 'timestamptz' })
  determinedAt: Date;

  @Column({ name: 'determined_by', type: 'uuid' })
  determinedBy: string;
}

/** The case's history: every status change and reassignment, never changed once written. */
@Entity({ name: 'case_event' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  kind: CaseEventKind;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ClientStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: ClientStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'text', nullable: true })
  outcome: ClosureOutcome | null;

  @Column({ type: 'text', nullable: true })
  program: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
