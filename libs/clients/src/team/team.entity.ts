import { Column, Entity } from 'typeorm';
import { ClientStaffMemberColumns } from '../client/client-staff-member.columns';

export const CASE_TEAM_ROLES = ['SECONDARY_CASE_MANAGER', 'SPECIALIST', 'PEER_SUPPORT'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];

/** A staff member on a client's case team; a removal is kept (removed_at, removed_by, reason), never deleted. */
@Entity({ name: 'case_team_member' })
export class CaseTeamMemberEntity extends ClientStaffMemberColumns {
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
