import type { AppointmentRow } from './appointment.sql';
import type { Appointment } from './appointment.type';

export function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    clientId: row.client_id,
    organizationId: row.organization_id,
    staffMemberId: row.staff_member_id,
    kind: row.kind,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    purpose: row.purpose,
    referralId: row.referral_id,
    statusChangedAt: row.status_changed_at,
    statusReason: row.status_reason,
    createdById: row.created_by,
    createdAt: row.created_at,
    version: row.version,
  };
}
