/** The notification recipients' reads: clients' agencies and case managers, and staff by id or by agency. */
import type { DataSource } from 'typeorm';
import type { Role } from '@caseflow/auth';

export interface ClientRecipientRow {
  id: string;
  organization_id: string;
  assigned_case_manager_id: string | null;
}

export interface StaffRecipientRow {
  id: string;
  email: string;
  role: Role;
  organization_id: string;
  active: boolean;
}

const CLIENTS = 'SELECT id, organization_id, assigned_case_manager_id FROM clients.client WHERE id = ANY($1::uuid[])';
const STAFF = `SELECT id, email, role, organization_id, active FROM clients.staff_member
  WHERE id = ANY($1::uuid[]) OR (active AND organization_id = ANY($2::uuid[]))`;

export const clientRecipientRows = (dataSource: DataSource, clientIds: string[]) =>
  dataSource.query<ClientRecipientRow[]>(CLIENTS, [clientIds]);

/** The staff with these ids (active or not) and the active staff of these agencies. */
export const staffRecipientRows = (dataSource: DataSource, staffIds: string[], organizationIds: string[]) =>
  dataSource.query<StaffRecipientRow[]>(STAFF, [staffIds, organizationIds]);
