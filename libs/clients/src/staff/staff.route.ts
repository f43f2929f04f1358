import type { DataSource } from 'typeorm';
import { isUuid, type StaffDirectoryResponse } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from '@caseflow/federation';
import { StaffMemberEntity } from './staff.entity';

/**
 * The answering side of the gateway's staff check: POST {staffId} over the
 * internal channel → that person's role, organization and whether they are
 * active, or null when there is no such person. One indexed lookup.
 */
export function staffDirectoryRoute(dataSource: DataSource): InternalRoute {
  return async (body): Promise<StaffDirectoryResponse> => {
    const staffId = (body as { staffId?: unknown })?.staffId;
    if (!isUuid(staffId)) throw badInput('staffId', 'must be a staff id');
    const staff = await dataSource.getRepository(StaffMemberEntity).findOne({
      select: { id: true, role: true, organizationId: true, active: true },
      where: { id: staffId },
    });
    return { staff: staff ? { id: staff.id, role: staff.role, organizationId: staff.organizationId, active: staff.active } : null };
  };
}
