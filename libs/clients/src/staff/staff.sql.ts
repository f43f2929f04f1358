/** The staff directory's hand-written reads. */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { StaffMemberEntity } from './staff.entity';

/** A staff member's row shaped as the entity (a plain object), for the mapper. */
export type StaffMemberRow = { [K in keyof StaffMemberEntity]: StaffMemberEntity[K] };

const STAFF_BY_ID = preparedRead<StaffMemberRow, [string[]]>(
  'clients.staff-by-id',
  `SELECT s.id, s.email, s.display_name AS "displayName", s.role, s.organization_id AS "organizationId", s.active, s.created_at AS "createdAt"
     FROM clients.staff_member s
    WHERE s.id = ANY($1::uuid[])`,
);

/**
 * The staff members with these ids (those that exist): the loader behind
 * `me`, every StaffMember reference and a caseload's owner check, so a
 * prepared read.
 */
export const staffByIds = (dataSource: DataSource, ids: string[]) => runPrepared(dataSource, STAFF_BY_ID, [ids]);
