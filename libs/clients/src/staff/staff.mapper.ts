import type { StaffMemberEntity } from './staff.entity';
import type { StaffMember } from './staff.type';

export function toStaffMember(entity: StaffMemberEntity): StaffMember {
  return {
    id: entity.id,
    displayName: entity.displayName,
    email: entity.email,
    role: entity.role,
    organization: { id: entity.organizationId },
    active: entity.active,
  };
}
