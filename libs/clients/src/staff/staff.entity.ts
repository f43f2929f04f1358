import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@caseflow/auth';

@Entity({ name: 'staff_member' })
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique case-insensitively (index staff_member_email_key on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Index('staff_member_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** False once the person has left or is suspended: their bearer tokens are refused (checked by the gateway, cached a minute at most). */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
