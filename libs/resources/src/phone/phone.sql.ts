/**
 * The phone's statements: an edit's language count (inside its
 * transaction), and the prepared reads of the phones of organizations,
 * services, locations and services at locations (one per owner column),
 * shaped as the entity.
 */
import type { EntityManager } from 'typeorm';
import { preparedRead, type PreparedRead } from '@caseflow/db';
import type { PhoneEntity } from './phone.entity';

export type PhoneRow = Pick<PhoneEntity, keyof PhoneEntity>;

const phonesOf = (owner: 'organization' | 'service' | 'location' | 'service_at_location'): PreparedRead<PhoneRow, [string[]]> =>
  preparedRead(
    `resources.phones-of-${owner.replace(/_/g, '-')}`,
    `SELECT id, organization_id AS "organizationId", service_id AS "serviceId", location_id AS "locationId",
       service_at_location_id AS "serviceAtLocationId", number, extension, type, description
     FROM resources.phone WHERE ${owner}_id = ANY($1::uuid[]) ORDER BY type, number, id`,
  );

/** The phones of each kind of owner, by the owners' ids. */
export const PHONES_OF = {
  organization: phonesOf('organization'),
  service: phonesOf('service'),
  location: phonesOf('location'),
  serviceAtLocation: phonesOf('service_at_location'),
} as const;

const LANGUAGES_OF_PHONE_SQL = 'SELECT count(*)::int AS n FROM resources.language WHERE phone_id = $1';

/** How many `language` rows name the phone (HSDS lets a language belong to a phone; TypeORM's entity does not map it). */
export async function languagesOfPhone(tx: EntityManager, phoneId: string): Promise<number> {
  const [row] = await tx.query<Array<{ n: number }>>(LANGUAGES_OF_PHONE_SQL, [phoneId]);
  return row.n;
}
