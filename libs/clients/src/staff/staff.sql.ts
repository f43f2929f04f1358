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

/** A row of an agency's staff list: a staff member with the count of all that match; an empty page is one row with only `total`. */
export type StaffListRow = { [K in keyof StaffMemberRow]: StaffMemberRow[K] | null } & { total: number };

export interface StaffListParams {
  organizationId: string;
  roles: readonly string[];
  /** Only active accounts. */
  activeOnly: boolean;
  /** Lower-case words each of which the name must contain (none: every name). */
  words: readonly string[];
  /** The keyset [displayName, id] of the last row seen. */
  after: readonly [string, string] | null;
  limit: number;
}

const STAFF_LIST = preparedRead<
  StaffListRow,
  [string, readonly string[], boolean, readonly string[], string | null, string | null, number]
>(
  'clients.staff-list',
  `WITH matched AS MATERIALIZED (
     SELECT s.id, s.display_name, s.role, s.active
       FROM clients.staff_member s
      WHERE s.organization_id = $1::uuid AND s.role = ANY($2::text[]) AND (s.active OR NOT $3::boolean)
        AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) w WHERE strpos(lower(s.display_name), w) = 0)
   )
   SELECT counted.total, page.*
     FROM (SELECT count(*)::int AS total FROM matched) counted
     LEFT JOIN LATERAL (
       SELECT s.id, s.email, s.display_name AS "displayName", s.role, s.organization_id AS "organizationId", s.active, s.created_at AS "createdAt"
         FROM matched m JOIN clients.staff_member s ON s.id = m.id
        WHERE $5::text IS NULL OR (m.display_name, m.id) > ($5::text, $6::uuid)
        ORDER BY m.display_name, m.id
        LIMIT $7::int
     ) page ON true
    ORDER BY page."displayName", page.id`,
);

/**
 * One page of an agency's staff in these roles, by name then id, with the
 * count of all that match (ask one more row than the page to learn whether
 * another follows).
 */
export const staffList = (dataSource: DataSource, p: StaffListParams) =>
  runPrepared(dataSource, STAFF_LIST, [
    p.organizationId,
    p.roles,
    p.activeOnly,
    p.words,
    p.after?.[0] ?? null,
    p.after?.[1] ?? null,
    p.limit,
  ]);
