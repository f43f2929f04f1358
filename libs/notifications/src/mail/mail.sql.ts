/**
 * The e-mail queue is a table (`mail_delivery`): a delivery is written in the
 * transaction that creates its notification, so it exists exactly when the
 * notification does, and survives any restart. Senders lease due rows with
 * FOR UPDATE SKIP LOCKED (two replicas never take the same row; a sender
 * that dies mid-send leaves its lease to run out and the row is due again),
 * and record the outcome: sent, or another attempt after an exponential
 * backoff, or failed for good after the last attempt.
 */
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface DeliveryRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

const INSERT_SQL = `INSERT INTO notifications.mail_delivery (recipient_id, to_address, kind, subject, body, notification_id, digest_key)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT DO NOTHING`;

export async function insertDelivery(
  db: Db,
  d: { recipientId: string; to: string; kind: string; subject: string; body: string; notificationId?: string; digestKey?: string },
): Promise<void> {
  await db.query(INSERT_SQL, [d.recipientId, d.to, d.kind, d.subject, d.body, d.notificationId ?? null, d.digestKey ?? null]);
}

const LEASE_SQL = `WITH leased AS (
  UPDATE notifications.mail_delivery d SET next_attempt_at = $1::timestamptz + make_interval(secs => $3)
  FROM (
    SELECT id FROM notifications.mail_delivery
     WHERE status = 'PENDING' AND next_attempt_at <= $1::timestamptz
     ORDER BY next_attempt_at
     LIMIT $2
     FOR UPDATE SKIP LOCKED
  ) due
  WHERE d.id = due.id
  RETURNING d.id, d.to_address, d.subject, d.body, d.attempts
) SELECT id, to_address, subject, body, attempts FROM leased`;

/** Leases up to `batch` deliveries due at `now` for `leaseSeconds`; what to send. */
export function leaseDue(db: Db, now: Date, batch: number, leaseSeconds: number): Promise<DeliveryRow[]> {
  return db.query(LEASE_SQL, [now.toISOString(), batch, leaseSeconds]);
}

const SENT_SQL = `UPDATE notifications.mail_delivery SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL
  WHERE id = $1 AND status = 'PENDING'`;

export async function markSent(db: Db, id: string): Promise<void> {
  await db.query(SENT_SQL, [id]);
}

const RETRY_SQL = `UPDATE notifications.mail_delivery
  SET attempts = attempts + 1, last_error = left($2, 500),
      status = CASE WHEN attempts + 1 >= $4 THEN 'FAILED' ELSE 'PENDING' END,
      next_attempt_at = $3::timestamptz
  WHERE id = $1 AND status = 'PENDING'`;

/** Records a failed attempt: tried again at `retryAt`, or FAILED once `maxAttempts` is reached. */
export async function markAttemptFailed(db: Db, id: string, error: string, retryAt: Date, maxAttempts: number): Promise<void> {
  await db.query(RETRY_SQL, [id, error, retryAt.toISOString(), maxAttempts]);
}

export interface DigestGroup {
  recipient_id: string;
  kind: string;
  to_address: string;
  n: number;
}

const TAKE_DIGESTS_SQL = `WITH due AS (
   SELECT id, digest_email FROM notifications.notification
    WHERE digest_email IS NOT NULL AND organization_id = $2 AND created_at < $1::timestamptz
    FOR UPDATE SKIP LOCKED
 ), taken AS (
   UPDATE notifications.notification n SET digest_email = NULL
     FROM due WHERE n.id = due.id
   RETURNING n.recipient_id, n.kind, due.digest_email AS to_address
 )
 SELECT recipient_id, kind, max(to_address) AS to_address, count(*)::int AS n FROM taken GROUP BY recipient_id, kind`;

/** Takes one agency's notifications created before `before` that wait for a digest, grouped by (recipient, kind). */
export function takeDigests(db: Db, organizationId: string, before: Date): Promise<DigestGroup[]> {
  return db.query(TAKE_DIGESTS_SQL, [before.toISOString(), organizationId]);
}

const DIGEST_AGENCIES_SQL = `SELECT DISTINCT organization_id FROM notifications.notification WHERE digest_email IS NOT NULL`;

/** The agencies whose people have notifications waiting for a digest. */
export async function digestAgencies(db: Db): Promise<string[]> {
  const rows = (await db.query(DIGEST_AGENCIES_SQL)) as Array<{ organization_id: string }>;
  return rows.map((r) => r.organization_id);
}
