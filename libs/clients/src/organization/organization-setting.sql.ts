/** The agencies' settings (clients.organization_setting): hand-written reads and the upsert. */
import type { DataSource, EntityManager } from 'typeorm';

export interface TimeZoneRow {
  organization_id: string;
  time_zone: string;
}

// A row may hold other settings without a time zone (closure approval): those agencies work in UTC as without a row.
const TIME_ZONES_OF =
  'SELECT organization_id, time_zone FROM clients.organization_setting WHERE organization_id = ANY($1::uuid[]) AND time_zone IS NOT NULL';
const ALL_TIME_ZONES = 'SELECT organization_id, time_zone FROM clients.organization_setting WHERE time_zone IS NOT NULL';
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

const CLOSURE_APPROVALS_OF =
  'SELECT organization_id, closure_needs_approval FROM clients.organization_setting WHERE organization_id = ANY($1::uuid[])';
const SET_CLOSURE_APPROVAL = `INSERT INTO clients.organization_setting AS s (organization_id, closure_needs_approval, updated_by, updated_at)
  VALUES ($1, $2, $3, now())
  ON CONFLICT (organization_id) DO UPDATE
  SET closure_needs_approval = excluded.closure_needs_approval, updated_by = excluded.updated_by, updated_at = excluded.updated_at`;

/** The closure-approval setting of these agencies that have a settings row (lower-case UUIDs). */
export const closureApprovalsOf = (db: DataSource | EntityManager, ids: string[]) =>
  db.query<Array<{ organization_id: string; closure_needs_approval: boolean }>>(CLOSURE_APPROVALS_OF, [ids]);

/** True when the agency's case managers' closures need a supervisor's approval (false without a settings row). */
export async function closureNeedsApproval(db: DataSource | EntityManager, organizationId: string): Promise<boolean> {
  const [row] = await closureApprovalsOf(db, [organizationId.toLowerCase()]);
  return row?.closure_needs_approval === true;
}

/** Sets whether the agency's closures need approval (inside the caller's transaction). */
export async function upsertClosureApproval(tx: EntityManager, organizationId: string, required: boolean, staffId: string): Promise<void> {
  await tx.query(SET_CLOSURE_APPROVAL, [organizationId, required, staffId]);
}
