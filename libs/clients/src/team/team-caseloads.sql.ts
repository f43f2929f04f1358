/**
 * A supervisor's team caseloads: per case manager of the agency (active, or
 * inactive with open clients still to hand over), their open clients, how
 * many are of high priority (the stored caseload priority), how many have a
 * follow-up past (the priority rule's overdue follow-up: `next_follow_up_at`
 * before now), and the open clients' ids. `$4` null for every case manager,
 * or the ids of those asked for.
 */
import type { SqlRunner } from '../shared/sql';
import type { Role } from '@caseflow/auth';

export interface TeamCaseloadRow {
  id: string;
  display_name: string;
  email: string;
  role: Role;
  organization_id: string;
  active: boolean;
  open_clients: number;
  high_priority: number;
  overdue_follow_ups: number;
  client_ids: string[];
}

const TEAM_CASELOADS_SQL = `SELECT s.id, s.display_name, s.email, s.role, s.organization_id, s.active,
       count(c.id)::int AS open_clients,
       count(c.id) FILTER (WHERE c.priority_level = ANY($2::text[]))::int AS high_priority,
       count(c.id) FILTER (WHERE c.next_follow_up_at < $3)::int AS overdue_follow_ups,
       coalesce(array_agg(c.id ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS client_ids
  FROM clients.staff_member s
  LEFT JOIN clients.client c ON c.organization_id = s.organization_id AND c.assigned_case_manager_id = s.id AND c.status <> 'CLOSED'
 WHERE s.organization_id = $1 AND s.role = 'CASE_MANAGER' AND ($4::uuid[] IS NULL OR s.id = ANY($4::uuid[]))
 GROUP BY s.id
HAVING s.active OR count(c.id) > 0
 ORDER BY lower(s.display_name), s.id`;

export const teamCaseloads = (
  db: SqlRunner,
  organizationId: string,
  highLevels: readonly string[],
  now: Date,
  staffIds: readonly string[] | null,
) => db.query<TeamCaseloadRow[]>(TEAM_CASELOADS_SQL, [organizationId, highLevels, now, staffIds]);
