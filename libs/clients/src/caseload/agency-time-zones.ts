/**
 * The agencies' days for the caseload priority: their time zones are the
 * agency settings' (organization/time-zone.ts), and each agency's midnight
 * is computed here with the runtime's time-zone data — the one every day is
 * counted with (PostgreSQL's own may differ).
 */
import { localDay } from '@caseflow/core';

export { allOrganizationTimeZones as allAgencyTimeZones, organizationTimeZones as agencyTimeZones } from '../organization/time-zone';

/** The instant `instant`'s day began in `timeZone` (its local midnight). */
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
