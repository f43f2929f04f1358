import { refOf } from '../refs/entity-refs';
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
    client: refOf(row.client_id),
    referral: refOf(row.referral_id),
    appointment: refOf(row.appointment_id),
  };
}
