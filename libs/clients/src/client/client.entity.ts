import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ClientStatus = 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';
export type ContactMethod = 'PHONE' | 'TEXT' | 'EMAIL' | 'MAIL' | 'IN_PERSON';
export type PriorityLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

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
