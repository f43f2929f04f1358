import type { EntityManager } from 'typeorm';
import { type EventType, recordEvents } from '@caseflow/events';
import type { AppointmentRow } from './appointment.sql';

type AppointmentEventType = Extract<EventType, `appointment.${string}`>;

/** The facts every appointment event carries: identifiers, kind and times (never the purpose or place: free text). */
export function appointmentFacts(row: AppointmentRow) {
  return {
    appointmentId: row.id,
    clientId: row.client_id,
    organizationId: row.organization_id,
    staffMemberId: row.staff_member_id,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
  };
}

/** Records one appointment event in the clients outbox, in the transaction of the change (`tx`). */
export function recordAppointmentEvent(
  tx: EntityManager,
  type: AppointmentEventType,
  row: AppointmentRow,
  extra: { reason?: string; onceKey?: string } = {},
): Promise<number> {
  const payload = { ...appointmentFacts(row), ...(extra.reason !== undefined ? { reason: extra.reason } : {}) };
  return recordEvents(tx, 'clients', [
    {
      type,
      aggregateType: 'Appointment',
      aggregateId: row.id,
      organizationId: row.organization_id,
      payload: payload as never,
      ...(extra.onceKey ? { onceKey: extra.onceKey } : {}),
    },
  ]);
}
