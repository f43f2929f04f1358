/**
 * The agencies' time zones, for the days of the caseload priority. The
 * agency settings (libs/clients/src/organization/time-zone.ts,
 * `organizationTimeZones`) are their owner; until they are part of this
 * subgraph every agency is read as being in UTC, and this is the one place
 * that changes when they are.
 */
import type { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, localDay } from '@caseflow/core';

export async function agencyTimeZones(_manager: Pick<EntityManager, 'query'>, organizationIds: string[]): Promise<Map<string, string>> {
  return new Map(organizationIds.map((id) => [id, DEFAULT_TIME_ZONE]));
}

/**
 * The instant `instant`'s day began in `timeZone` (its local midnight), from
 * the runtime's time-zone data — the one the rest of the code counts days
 * with (PostgreSQL's own may differ).
 */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const midnight = Date.parse(`${localDay(instant, timeZone)}T00:00:00Z`);
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(midnight));
  const part = (type: string) => wall.find((p) => p.type === type)?.value ?? '00';
  const wallAsUtc = Date.parse(`${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}Z`);
  return new Date(midnight - (wallAsUtc - midnight));
}
