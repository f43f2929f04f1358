/**
 * The case team's statements. A member is current while not removed and,
 * when `until` is set, through the whole `until` day in the agency's time
 * zone: CURRENT_MEMBER below is that rule in SQL (team.rules.ts `isCurrent`
 * is the same rule in code), with `$2` the caller's clock.
 */
import type { SqlRunner } from '../shared/sql';
import type { CaseTeamRole } from './team.entity';

/** `m` a case_team_member row, `c` its client, `s` the client's agency settings (LEFT JOIN), `now` the parameter holding the caller's clock. */
export const currentMemberAt = (now: string) => `m.removed_at IS NULL
       AND (m.until IS NULL OR m.until >= (${now}::timestamptz AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date)`;

/** CURRENT_MEMBER with `$2` now. */
export const CURRENT_MEMBER = currentMemberAt('$2');

/** Each asked client's current members' staff ids, as one column `team` (uuid[]), to join into a client read by `m.client_id`. */
export const CURRENT_TEAM_IDS = `SELECT m.client_id, array_agg(m.staff_member_id ORDER BY m.staff_member_id) AS team
                  FROM clients.case_team_member m
                  JOIN clients.client c ON c.id = m.client_id
                  LEFT JOIN clients.organization_setting s ON s.organization_id = c.organization_id
                 WHERE m.client_id = ANY($1::uuid[]) AND ${CURRENT_MEMBER}
                 GROUP BY m.client_id`;

export interface CurrentTeamRow {
  client_id: string;
  team: string[];
}

/** The current members' staff ids of each of the clients (clients without any are absent). */
export const currentTeamIds = (db: SqlRunner, clientIds: readonly string[], now: Date) =>
  db.query<CurrentTeamRow[]>(CURRENT_TEAM_IDS, [clientIds, now]);

export interface CaseTeamRow {
  id: string;
  client_id: string;
  staff_member_id: string;
  role: CaseTeamRole;
  until: string | null;
  added_at: Date;
  added_by: string;
}

const CURRENT_MEMBERS = `SELECT m.id, m.client_id, m.staff_member_id, m.role, m.until::text AS until, m.added_at, m.added_by
     FROM clients.case_team_member m
     JOIN clients.client c ON c.id = m.client_id
     LEFT JOIN clients.organization_setting s ON s.organization_id = c.organization_id
    WHERE m.client_id = ANY($1::uuid[]) AND ${CURRENT_MEMBER}
    ORDER BY m.client_id, m.added_at, m.id`;

/** The current members of each of the clients, oldest first (the Client.caseTeam loader). */
export const currentMembers = (db: SqlRunner, clientIds: readonly string[], now: Date) =>
  db.query<CaseTeamRow[]>(CURRENT_MEMBERS, [clientIds, now]);

/** The not-removed row of this staff member on this client's team (current or expired), under a write lock. */
export const openMembershipForUpdate = (db: SqlRunner, clientId: string, staffMemberId: string) =>
  db.query<Array<{ id: string }>>(
    `SELECT id FROM clients.case_team_member
      WHERE client_id = $1 AND staff_member_id = $2 AND removed_at IS NULL FOR UPDATE`,
    [clientId, staffMemberId],
  );

export interface TransferRow {
  id: string;
  organization_id: string;
  assigned_case_manager_id: string | null;
  status: 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';
}

/** The named clients under write locks (in id order, so that concurrent transfers never deadlock). */
export const lockClientsForTransfer = (db: SqlRunner, clientIds: readonly string[]) =>
  db.query<TransferRow[]>(
    `SELECT id, organization_id, assigned_case_manager_id, status FROM clients.client
      WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [clientIds],
  );

/** Every open (not CLOSED) client of the case manager in the agency, under write locks. */
export const lockOpenCaseload = (db: SqlRunner, caseManagerId: string, organizationId: string) =>
  db.query<TransferRow[]>(
    `SELECT id, organization_id, assigned_case_manager_id, status FROM clients.client
      WHERE assigned_case_manager_id = $1 AND organization_id = $2 AND status <> 'CLOSED' ORDER BY id FOR UPDATE`,
    [caseManagerId, organizationId],
  );

/** The reason kept on a membership that ends because its member became the assigned case manager. */
export const BECAME_CASE_MANAGER = 'Became the assigned case manager';

/** Ends the staff member's not-removed memberships on these clients' teams (they now hold the case itself). */
export const endMembershipsOf = (db: SqlRunner, clientIds: readonly string[], staffMemberId: string, byStaffId: string) =>
  db.query(
    `UPDATE clients.case_team_member SET removed_at = now(), removed_by = $3, removal_reason = $4
      WHERE client_id = ANY($1::uuid[]) AND staff_member_id = $2 AND removed_at IS NULL`,
    [clientIds, staffMemberId, byStaffId, BECAME_CASE_MANAGER],
  );

/** The clients (of the agency) on whose current team the staff member is (the case team index by staff). */
export const teamClientsOf = async (db: SqlRunner, staffMemberId: string, organizationId: string, now: Date): Promise<string[]> =>
  (
    await db.query<Array<{ client_id: string }>>(
      `SELECT m.client_id FROM clients.case_team_member m
         JOIN clients.client c ON c.id = m.client_id AND c.organization_id = $3
         LEFT JOIN clients.organization_setting s ON s.organization_id = c.organization_id
        WHERE m.staff_member_id = $1 AND ${CURRENT_MEMBER}`,
      [staffMemberId, now, organizationId],
    )
  ).map((r) => r.client_id);
