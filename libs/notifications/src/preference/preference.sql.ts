/** The statements of a person's notification preferences: one row per (staff member, kind) they set; defaults are not stored. */
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface PreferenceRow {
  staff_id: string;
  kind: string;
  channels: string[];
  daily_digest: boolean;
}

const SELECT_SQL = `SELECT staff_id, kind, channels, daily_digest FROM notifications.notification_preference
  WHERE staff_id = ANY($1::uuid[])`;

/** The stored preferences of these staff members. */
export function selectPreferences(db: Db, staffIds: readonly string[]): Promise<PreferenceRow[]> {
  return db.query(SELECT_SQL, [[...staffIds]]);
}

const UPSERT_SQL = `INSERT INTO notifications.notification_preference (staff_id, kind, channels, daily_digest)
  VALUES ($1, $2, $3::text[], $4)
  ON CONFLICT (staff_id, kind) DO UPDATE SET channels = EXCLUDED.channels, daily_digest = EXCLUDED.daily_digest, updated_at = now()`;

/** Stores one preference of a staff member. */
export async function upsertPreference(
  db: Db,
  staffId: string,
  p: { kind: string; channels: string[]; dailyDigest: boolean },
): Promise<void> {
  await db.query(UPSERT_SQL, [staffId, p.kind, p.channels, p.dailyDigest]);
}
