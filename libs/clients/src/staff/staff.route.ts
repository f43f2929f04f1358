import type { DataSource } from 'typeorm';
import {
  isUuid,
  MAX_STAFF_DIRECTORY_SIZE,
  type StaffDirectoryAllResponse,
  type StaffDirectoryResponse,
  type StaffRecord,
} from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from '@caseflow/federation';
import { StaffMemberEntity } from './staff.entity';

const DIRECTORY_COLUMNS = { id: true, role: true, organizationId: true, active: true } as const;

const recordOf = (staff: StaffMemberEntity): StaffRecord => ({
  id: staff.id,
  role: staff.role,
  organizationId: staff.organizationId,
  active: staff.active,
});

/**
 * The answering side of the gateway's staff check: POST {staffId} over the
 * internal channel → that person's role, organization and whether they are
 * active, or null when there is no such person. One indexed lookup.
 */
export function staffDirectoryRoute(dataSource: DataSource): InternalRoute {
  return async (body): Promise<StaffDirectoryResponse> => {
    const staffId = (body as { staffId?: unknown })?.staffId;
    if (!isUuid(staffId)) throw badInput('staffId', 'must be a staff id');
    const staff = await dataSource.getRepository(StaffMemberEntity).findOne({ select: DIRECTORY_COLUMNS, where: { id: staffId } });
    return { staff: staff ? recordOf(staff) : null };
  };
}

/**
 * The gateway's whole-directory read (made along with a lookup, at most every half TTL):
 * POST {} over the internal channel → every staff member's role,
 * organization and whether they are active, no names or emails. One plain
 * statement, ordered by id and capped at MAX_STAFF_DIRECTORY_SIZE, the most
 * answers the gateway keeps; anyone beyond it is looked up alone.
 */
export function staffDirectoryAllRoute(dataSource: DataSource): InternalRoute {
  return async (): Promise<StaffDirectoryAllResponse> => {
    const staff = await dataSource
      .getRepository(StaffMemberEntity)
      .find({ select: DIRECTORY_COLUMNS, order: { id: 'ASC' }, take: MAX_STAFF_DIRECTORY_SIZE });
    return { staff: staff.map(recordOf) };
  };
}
