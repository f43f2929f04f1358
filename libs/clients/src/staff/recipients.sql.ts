/** The notification recipients' reads: clients' agencies and case managers, and staff by id or by agency. */
import type { DataSource } from 'typeorm';
import type { Role } from '@caseflow/auth';
import { CURRENT_TEAM_IDS } from '../team/team.sql';

export interface ClientRecipientRow {
  id: string;
  organization_id: string;
  assigned_case_manager_id: string | null;
  /** The current case team's staff ids. */
  case_team: string[];
}

export interface StaffRecipientRow {
  id: string;
  email: string;
  role: Role;
  organization_id: string;
  active: boolean;
}

const CLIENTS = `SELECT c.id, c.organization_id, c.assigned_case_manager_id, coalesce(t.team, '{}'::uuid[]) AS case_team
  FROM clients.client c LEFT JOIN (${CURRENT_TEAM_IDS}) t ON t.client_id = c.id WHERE c.id = ANY($1::uuid[])`;
const STAFF = `SELECT id, email, role, organization_id, active FROM clients.staff_member
  WHERE id = ANY($1::uuid[]) OR (active AND organization_id = ANY($2::uuid[]))`;

export const clientRecipientRows = (dataSource: DataSource, clientIds: string[]) =>
  dataSource.query<ClientRecipientRow[]>(CLIENTS, [clientIds, new Date()]);

/** The staff with these ids (active or not) and the active staff of these agencies. */
export const staffRecipientRows = (dataSource: DataSource, staffIds: string[], organizationIds: string[]) =>
  dataSource.query<StaffRecipientRow[]>(STAFF, [staffIds, organizationIds]);
