/**
 * Every statement of the notification aggregate: a person's list (keyset,
 * newest first) with its counts, marking read (only the reader's own rows: the
 * recipient is in every WHERE), and the consumer's insert, once per
 * (event, recipient).
 */
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface NotificationRow {
  id: string;
  recipient_id: string;
  organization_id: string;
  kind: string;
  message: string;
  client_id: string | null;
  referral_id: string | null;
  appointment_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'id, recipient_id, organization_id, kind, message, client_id, referral_id, appointment_id, created_at, read_at';

/**
 * A page and the counts of the whole list in one statement, so that they come
 * from one snapshot: a notification recorded while the list is read is in both
 * or in neither (the badge never disagrees with the list). An empty page is
 * one row with only the counts.
 */
const PAGE_SQL = `SELECT c.total, c.unread, p.*
  FROM (SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
          FROM notifications.notification WHERE recipient_id = $1 AND in_app) c
  LEFT JOIN LATERAL (
    SELECT ${COLUMNS} FROM notifications.notification
     WHERE recipient_id = $1 AND in_app AND ($2::boolean = false OR read_at IS NULL)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $5) p ON true
  ORDER BY p.created_at DESC, p.id DESC`;

/** One page of a person's notifications, newest first, after the keyset position (created_at, id) when given; and how many they have, and how many unread. */
export async function selectPage(
  db: Db,
  p: { recipientId: string; unreadOnly: boolean; after: [string, string] | null; limit: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const found = (await db.query(PAGE_SQL, [p.recipientId, p.unreadOnly, p.after?.[0] ?? null, p.after?.[1] ?? null, p.limit])) as Array<
    { total: number; unread: number } & (NotificationRow | { [K in keyof NotificationRow]: null })
  >;
  const rows = found.flatMap(({ total: _total, unread: _unread, ...row }) => (row.id === null ? [] : [row as NotificationRow]));
  return { rows, total: found[0].total, unread: found[0].unread };
}

const MARK_READ_SQL = `WITH marked AS (
   UPDATE notifications.notification SET read_at = now()
    WHERE recipient_id = $1 AND in_app AND id = ANY($2::uuid[]) AND read_at IS NULL
   RETURNING id
 ) SELECT id FROM marked`;

/** Marks those of `ids` that are the recipient's and unread as read; the ids it changed. */
export async function markRead(db: Db, recipientId: string, ids: readonly string[]): Promise<string[]> {
  const rows = (await db.query(MARK_READ_SQL, [recipientId, [...ids]])) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

const MARK_ALL_READ_SQL = `WITH marked AS (
   UPDATE notifications.notification SET read_at = now() WHERE recipient_id = $1 AND in_app AND read_at IS NULL RETURNING id
 ) SELECT count(*)::int AS n FROM marked`;

/** Marks every unread notification of the recipient read; how many. */
export async function markAllRead(db: Db, recipientId: string): Promise<number> {
  const [row] = (await db.query(MARK_ALL_READ_SQL, [recipientId])) as Array<{ n: number }>;
  return row.n;
}

export interface NewNotification {
  recipientId: string;
  organizationId: string;
  kind: string;
  message: string;
  clientId: string | null;
  referralId: string | null;
  appointmentId: string | null;
  eventId: string;
  /** Whether it is listed in the app (false: kept only as an e-mail's origin). */
  inApp: boolean;
  /** Set when the notification waits for its recipient's daily digest: the address to send it to. */
  digestEmail: string | null;
}

const INSERT_SQL = `INSERT INTO notifications.notification
    (recipient_id, organization_id, kind, message, client_id, referral_id, appointment_id, event_id, in_app, digest_email)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (event_id, recipient_id) DO NOTHING
  RETURNING id`;

/** Inserts one notification; its id, or null when this event already notified this recipient. */
export async function insertNotification(db: Db, n: NewNotification): Promise<string | null> {
  const rows = (await db.query(INSERT_SQL, [
    n.recipientId,
    n.organizationId,
    n.kind,
    n.message,
    n.clientId,
    n.referralId,
    n.appointmentId,
    n.eventId,
    n.inApp,
    n.digestEmail,
  ])) as Array<{ id: string }>;
  return rows[0]?.id ?? null;
}
