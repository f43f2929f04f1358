/**
 * The prepared reads of the schedules of services, locations and services
 * at locations (one per owner column), shaped as the entity: `time` as the
 * driver's `HH:MM:SS` string, `date` as `YYYY-MM-DD` (what TypeORM made of
 * them).
 */
import { preparedRead, type PreparedRead } from '@caseflow/db';
import type { ScheduleEntity } from './schedule.entity';

export type ScheduleRow = Pick<ScheduleEntity, keyof ScheduleEntity>;

const schedulesOf = (owner: 'service' | 'location' | 'service_at_location'): PreparedRead<ScheduleRow, [string[]]> =>
  preparedRead(
    `resources.schedules-of-${owner.replace(/_/g, '-')}`,
    `SELECT id, service_id AS "serviceId", location_id AS "locationId", service_at_location_id AS "serviceAtLocationId",
       freq, wkst, byday, bymonthday, opens_at AS "opensAt", closes_at AS "closesAt",
       to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", timezone, description
     FROM resources.schedule WHERE ${owner}_id = ANY($1::uuid[]) ORDER BY opens_at, id`,
  );

/** The schedules of each kind of owner, by the owners' ids. */
export const SCHEDULES_OF = {
  service: schedulesOf('service'),
  location: schedulesOf('location'),
  serviceAtLocation: schedulesOf('service_at_location'),
} as const;
