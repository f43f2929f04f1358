import type { DataSource } from 'typeorm';
import {
  isRole,
  MAX_INTERNAL_BATCH,
  type NotificationRecipients,
  type Role,
  ROLES,
  SERVICE_ACTOR,
  type StaffRecipient,
} from '@caseflow/auth';
import { badInput, forbidden, isUuid } from '@caseflow/core';
import type { InternalRoute } from '@caseflow/federation';
import { clientRecipientRows, staffRecipientRows } from './recipients.sql';

/**
 * The answering side of the notifications subgraph's recipients question:
 * POST {clientIds?, organizations?, staffIds?} over the internal channel →
 * each client's agency and case team, each agency's active staff by role,
 * and every person named (address, agency, whether active). Two statements.
 * Unknown clients and people are left out; an unknown agency has no staff.
 * Only a service asking for itself gets an answer (staff addresses are not
 * for a person's request, even forwarded by another subgraph).
 */
export function notificationRecipientsRoute(dataSource: DataSource): InternalRoute {
  return async (body, caller) => {
    if (caller.actor.staffId !== SERVICE_ACTOR.staffId) throw forbidden('Only Caseflow services ask for notification recipients');
    return notificationRecipients(dataSource, checkQuery(body));
  };
}

function idList(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) throw badInput(field, 'must be a list of ids');
  if (value.length > MAX_INTERNAL_BATCH) throw badInput(field, `must hold at most ${MAX_INTERNAL_BATCH} ids`);
  return value as string[];
}

interface RecipientsQuery {
  clientIds: string[];
  staffIds: string[];
  organizations: Array<{ organizationId: string; roles: readonly Role[] }>;
}

/** One asked agency: `{organizationId, roles?}`, or its id alone; without roles, every role. */
function agencyRoles(entry: unknown): { organizationId: string; roles: readonly Role[] } {
  const asked = (typeof entry === 'string' ? { organizationId: entry } : (entry ?? {})) as Record<string, unknown>;
  const { organizationId, roles = ROLES } = asked;
  if (typeof organizationId !== 'string') throw badInput('organizations', 'each must name an organizationId');
  if (!Array.isArray(roles) || !roles.every(isRole)) throw badInput('organizations', 'each must list roles');
  return { organizationId, roles };
}

function checkQuery(body: unknown): RecipientsQuery {
  const query = (body ?? {}) as Record<string, unknown>;
  const organizations = query.organizations ?? [];
  if (!Array.isArray(organizations) || organizations.length > MAX_INTERNAL_BATCH) {
    throw badInput('organizations', `must be a list of at most ${MAX_INTERNAL_BATCH} agencies`);
  }
  return {
    clientIds: idList('clientIds', query.clientIds),
    staffIds: idList('staffIds', query.staffIds),
    organizations: organizations.map(agencyRoles),
  };
}

export async function notificationRecipients(dataSource: DataSource, query: RecipientsQuery): Promise<NotificationRecipients> {
  const clientIds = [...new Set(query.clientIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const clientRows = clientIds.length === 0 ? [] : await clientRecipientRows(dataSource, clientIds);
  const clients: NotificationRecipients['clients'] = {};
  for (const row of clientRows) {
    clients[row.id] = { organizationId: row.organization_id, assignedCaseManagerId: row.assigned_case_manager_id, caseTeam: row.case_team };
  }

  const orgIds = [
    ...new Set(
      query.organizations
        .map((o) => o.organizationId)
        .filter(isUuid)
        .map((id) => id.toLowerCase()),
    ),
  ];
  const named = [...query.staffIds, ...clientRows.flatMap((r) => [r.assigned_case_manager_id ?? '', ...r.case_team])];
  const staffIds = [...new Set(named.filter(isUuid).map((id) => id.toLowerCase()))];
  const staffRows = staffIds.length === 0 && orgIds.length === 0 ? [] : await staffRecipientRows(dataSource, staffIds, orgIds);

  const organizations: NotificationRecipients['organizations'] = {};
  const mentioned = new Set(staffIds);
  for (const { organizationId, roles } of query.organizations) {
    const byRole: Partial<Record<Role, string[]>> = (organizations[organizationId] ??= {});
    for (const role of roles) {
      const ids = staffRows
        .filter((s) => s.active && s.role === role && s.organization_id === organizationId.toLowerCase())
        .map((s) => s.id)
        .sort();
      byRole[role] = ids;
      for (const id of ids) mentioned.add(id);
    }
  }
  const staff: Record<string, StaffRecipient> = {};
  for (const row of staffRows) {
    if (mentioned.has(row.id)) staff[row.id] = { email: row.email, organizationId: row.organization_id, active: row.active };
  }
  return { clients, organizations, staff };
}
