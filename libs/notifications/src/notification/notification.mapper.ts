import type { NotificationKind } from './notification.kinds';
import type { NotificationRow } from './notification.sql';
import type { Notification } from './notification.type';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    message: row.message,
    createdAt: row.created_at,
    readAt: row.read_at,
    clientId: row.client_id,
    referralId: row.referral_id,
    appointmentId: row.appointment_id,
    client: null,
    referral: null,
    appointment: null,
  };
}
