import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ClientStatus = 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';

@Entity({ name: 'client' })
@Index('client_case_manager_sort_idx', ['assignedCaseManagerId', 'sortKey', 'id'])
@Index('client_organization_sort_idx', ['organizationId', 'sortKey', 'id'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
