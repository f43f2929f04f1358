/**
 * The agency's time zone, kept in clients.organization_setting: what
 * "today" means for its due dates, follow-ups and reminders. An agency that
 * has not set one works in UTC (DEFAULT_TIME_ZONE).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, isUuid } from '@caseflow/core';
import { allTimeZones, timeZonesOf } from './organization-setting.sql';

/**
 * Each asked agency's time zone, UTC for those that have set none (and for
 * ids that are not UUIDs). One statement however many are asked.
 */
export async function organizationTimeZones(
  db: DataSource | EntityManager,
  organizationIds: readonly string[],
): Promise<Map<string, string>> {
  const zones = new Map(organizationIds.map((id) => [id, DEFAULT_TIME_ZONE]));
  const uuids = [...new Set(organizationIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (uuids.length === 0) return zones;
  const rows = await timeZonesOf(db, uuids);
  const byId = new Map(rows.map((r) => [r.organization_id, r.time_zone]));
  for (const id of organizationIds) {
    const zone = isUuid(id) ? byId.get(id.toLowerCase()) : undefined;
    if (zone) zones.set(id, zone);
  }
  return zones;
}

/** Every agency's time zone that has set one (for the daily jobs that walk all agencies). */
export async function allOrganizationTimeZones(db: DataSource | EntityManager): Promise<Map<string, string>> {
  const rows = await allTimeZones(db);
  return new Map(rows.map((r) => [r.organization_id, r.time_zone]));
}
