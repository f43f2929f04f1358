import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CASE_TEAM_ROLES = ['SECONDARY_CASE_MANAGER', 'SPECIALIST', 'PEER_SUPPORT'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];

/** A staff member on a client's case team; a removal is kept (removed_at, removed_by, reason), never deleted. */
@Entity({ name: 'case_team_member' })
export class CaseTeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'staff_member_id', type: 'uuid' })
  staffMemberId: string;

  @Column({ type: 'text' })
  role: CaseTeamRole;

  /** The last day (agency time zone) of access, or none. */
  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;
}
