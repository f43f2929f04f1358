/** The agencies' settings (clients.organization_setting): hand-written reads and the upsert. */
import type { DataSource, EntityManager } from 'typeorm';

export interface TimeZoneRow {
  organization_id: string;
  time_zone: string;
}

const TIME_ZONES_OF = 'SELECT organization_id, time_zone FROM clients.organization_setting WHERE organization_id = ANY($1::uuid[])';
const ALL_TIME_ZONES = 'SELECT organization_id, time_zone FROM clients.organization_setting';
const SET_TIME_ZONE = `INSERT INTO clients.organization_setting AS s (organization_id, time_zone, updated_by, updated_at)
  VALUES ($1, $2, $3, now())
  ON CONFLICT (organization_id) DO UPDATE SET time_zone = excluded.time_zone, updated_by = excluded.updated_by, updated_at = excluded.updated_at`;

/** The set time zones of these agencies (lower-case UUIDs). */
export const timeZonesOf = (db: DataSource | EntityManager, ids: string[]) => db.query<TimeZoneRow[]>(TIME_ZONES_OF, [ids]);

/** Every set time zone. */
export const allTimeZones = (db: DataSource | EntityManager) => db.query<TimeZoneRow[]>(ALL_TIME_ZONES);

/** Sets an agency's time zone (inside the caller's transaction). */
export async function upsertTimeZone(tx: EntityManager, organizationId: string, timeZone: string, staffId: string): Promise<void> {
  await tx.query(SET_TIME_ZONE, [organizationId, timeZone, staffId]);
}
