/** The statements of calendar feed secrets (only their SHA-256 is stored). */
import type { SqlRunner } from '../shared/sql';

export interface FeedSecretRow {
  nonce: string;
  secret_hash: string;
}

const FEED_SQL = 'SELECT nonce, secret_hash FROM clients.calendar_feed WHERE staff_member_id = $1';
export const feedSecretOf = async (db: SqlRunner, staffId: string): Promise<FeedSecretRow | null> =>
  (await db.query<FeedSecretRow[]>(FEED_SQL, [staffId]))[0] ?? null;

const UPSERT_SQL = `INSERT INTO clients.calendar_feed (staff_member_id, nonce, secret_hash) VALUES ($1, $2, $3)
  ON CONFLICT (staff_member_id) DO UPDATE SET nonce = excluded.nonce, secret_hash = excluded.secret_hash, created_at = now()`;
/** Replaces the staff member's feed secret (the old one is gone with this statement). */
export const replaceFeedSecret = (db: SqlRunner, staffId: string, nonce: string, secretHash: string) =>
  db.query(UPSERT_SQL, [staffId, nonce, secretHash]);

export interface FeedOwnerRow {
  id: string;
  role: 'CASE_MANAGER' | 'SUPERVISOR' | 'PARTNER' | 'ANALYST' | 'ADMIN';
  organization_id: string;
}

const OWNER_SQL = `SELECT f.staff_member_id AS id, s.role, s.organization_id FROM clients.calendar_feed f
  JOIN clients.staff_member s ON s.id = f.staff_member_id WHERE f.secret_hash = $1 AND s.active`;
/** The active staff member whose feed secret hashes to `secretHash`. */
export const feedOwnerByHash = async (db: SqlRunner, secretHash: string): Promise<FeedOwnerRow | null> =>
  (await db.query<FeedOwnerRow[]>(OWNER_SQL, [secretHash]))[0] ?? null;
