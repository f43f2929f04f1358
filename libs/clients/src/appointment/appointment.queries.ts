/**
 * Appointments as read. An appointment is shown to whoever has case access
 * to its client (the assigned case manager, the agency's supervisors) and to
 * the staff member the client meets; to anyone else it does not exist. Each
 * read is audited under its client.
 */
import DataLoader from 'dataloader';
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, isUuid } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import { hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import type { Client } from '../client/client.type';
import { days } from '../shared/validation';
import { teamFor } from '../team/team.access';
import { toAppointment } from './appointment.mapper';
import { checkOptionalWindow, checkWindow, NO_SHOW_DAYS } from './appointment.rules';
import {
  type AppointmentRow,
  appointmentsByIds,
  CLIENT_CURSOR,
  clientAppointmentCount,
  clientAppointmentPage,
  noShowCounts,
  STAFF_CURSOR,
  staffAppointmentCount,
  staffAppointmentPage,
} from './appointment.sql';
import type { Appointment, AppointmentConnection } from './appointment.type';
import type { ClientsDeps } from '../deps';

export class AppointmentQueries {
  private readonly byId: DataLoader<string, AppointmentRow | null>;
  private readonly noShows: DataLoader<string, Array<{ client_id: string; n: number }>>;

  constructor(private readonly deps: ClientsDeps) {
    this.byId = rowLoader(
      (ids) => appointmentsByIds(deps.dataSource, ids),
      (row) => row.id,
    );
    this.noShows = groupLoader(
      (ids) => noShowCounts(deps.dataSource, ids, new Date(Date.now() - days(NO_SHOW_DAYS))),
      (row) => row.client_id,
    );
  }

  async get(actor: Actor, id: string): Promise<Appointment | null> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const row = await this.byId.load(id);
    if (!row) return null;
    if (!(await this.mayRead(actor, row))) {
      this.deps.audit.note({ action: 'READ', entityType: 'Appointment', entityId: id, clientId: row.client_id, outcome: 'DENIED' });
      throw forbidden('You may not see this appointment');
    }
    this.deps.audit.note({ action: 'READ', entityType: 'Appointment', entityId: id, clientId: row.client_id });
    return toAppointment(row);
  }

  /** For `__resolveReference`: the appointment if the caller may see it, else null (the denial is audited). */
  async reference(actor: Actor, id: string): Promise<Appointment | null> {
    if (!isUuid(id)) return null;
    try {
      return await this.get(actor, id);
    } catch {
      return null;
    }
  }

  /** The caller's own appointments (as the staff member met) in a window of at most 92 days, by start. */
  async mine(
    actor: Actor,
    from: Date,
    to: Date,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AppointmentConnection> {
    checkWindow(from, to);
    const size = pageSize(first, 50);
    const cursor = decodeCursor(after, STAFF_CURSOR);
    if (!mayHoldCaseload(actor)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const rows = await staffAppointmentPage(this.deps.dataSource, {
      staffMemberId: actor.staffId,
      from,
      to,
      limit: size + 1,
      after: cursor ? [String(cursor[0]), String(cursor[1])] : null,
    });
    const page = rows.slice(0, size);
    for (const row of page) this.deps.audit.note({ action: 'READ', entityType: 'Appointment', entityId: row.id, clientId: row.client_id });
    const edges = page.map((row) => ({ cursor: encodeCursor([row.starts_at.toISOString(), row.id]), node: toAppointment(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: await staffAppointmentCount(this.deps.dataSource, actor.staffId, from, to),
    };
  }

  /** A client's appointments, soonest upcoming first and then the past ones, latest first (case access only). */
  async ofClient(
    client: Client,
    from: Date | null | undefined,
    to: Date | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AppointmentConnection> {
    if (!client.access.caseRecord) throw forbidden("The client's appointments are part of the case record");
    checkOptionalWindow(from ?? null, to ?? null);
    const size = pageSize(first, 20);
    const cursor = decodeCursor(after, CLIENT_CURSOR);
    const pivot = cursor ? new Date(String(cursor[0])) : new Date();
    const rows = await clientAppointmentPage(this.deps.dataSource, {
      clientId: client.id,
      pivot,
      from: from ?? null,
      to: to ?? null,
      limit: size + 1,
      after: cursor ? [Number(cursor[1]), String(cursor[2])] : null,
    });
    const page = rows.slice(0, size);
    this.deps.audit.noteReads('Appointment', page, client.id);
    const edges = page.map((row) => ({ cursor: encodeCursor([pivot.toISOString(), row.rank, row.id]), node: toAppointment(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: await clientAppointmentCount(this.deps.dataSource, client.id, from ?? null, to ?? null),
    };
  }

  /** How many of the client's appointments of the last 90 days were missed (case access only). */
  async recentNoShows(client: Client): Promise<number> {
    if (!client.access.caseRecord) throw forbidden("The client's appointments are part of the case record");
    return (await this.noShows.load(client.id))[0]?.n ?? 0;
  }

  private async mayRead(actor: Actor, row: AppointmentRow): Promise<boolean> {
    if (row.staff_member_id === actor.staffId && row.organization_id === actor.organizationId) return true;
    const client = await this.deps.loaders.client.load(row.client_id);
    return !!client && hasCaseAccess(actor, { ...client, caseTeam: await teamFor(actor, client, this.deps.loaders) });
  }
}
