/**
 * The location's statements: an edit's address lock (inside its
 * transaction), and the prepared reads of the request's loaders, shaped as
 * the entities (locations by id and of organizations, addresses of
 * locations). `locationColumns` is shared with the read of services at
 * locations, which carries their location.
 */
import type { EntityManager } from 'typeorm';
import { preparedRead } from '@caseflow/db';
import type { AddressEntity } from './address.entity';
import type { LocationEntity } from './location.entity';

export type LocationRow = Pick<LocationEntity, keyof LocationEntity>;
export type AddressRow = Pick<AddressEntity, keyof AddressEntity>;

/** The location's columns under `alias`, named as its entity's fields, each prefixed with `prefix`. */
export function locationColumns(alias: string, prefix = ''): string {
  return [
    `${alias}.id AS "${prefix}id"`,
    `${alias}.organization_id AS "${prefix}organizationId"`,
    `${alias}.name AS "${prefix}name"`,
    `${alias}.location_type AS "${prefix}locationType"`,
    `${alias}.description AS "${prefix}description"`,
    `${alias}.latitude AS "${prefix}latitude"`,
    `${alias}.longitude AS "${prefix}longitude"`,
  ].join(', ');
}

export const LOCATIONS_BY_ID = preparedRead<LocationRow, [string[]]>(
  'resources.locations-by-id',
  `SELECT ${locationColumns('l')} FROM resources.location l WHERE l.id = ANY($1::uuid[])`,
);

export const LOCATIONS_OF_ORGANIZATIONS = preparedRead<LocationRow, [string[]]>(
  'resources.locations-of-organizations',
  `SELECT ${locationColumns('l')} FROM resources.location l WHERE l.organization_id = ANY($1::uuid[]) ORDER BY l.name, l.id`,
);

export const ADDRESSES_OF_LOCATIONS = preparedRead<AddressRow, [string[]]>(
  'resources.addresses-of-locations',
  `SELECT id, location_id AS "locationId", attention, address_1 AS "address1", address_2 AS "address2", city, region,
     state_province AS "stateProvince", postal_code AS "postalCode", country, address_type AS "addressType"
   FROM resources.address WHERE location_id = ANY($1::uuid[]) ORDER BY address_type, id`,
);

const ADDRESS_OF_TYPE_SQL = 'SELECT id FROM resources.address WHERE location_id = $1 AND address_type = $2 ORDER BY id LIMIT 1 FOR UPDATE';

/** The location's address of this type (one per type), locked for the rest of the transaction; null when it has none. */
export async function addressIdOfType(tx: EntityManager, locationId: string, addressType: string): Promise<string | null> {
  const rows = await tx.query<Array<{ id: string }>>(ADDRESS_OF_TYPE_SQL, [locationId, addressType]);
  return rows[0]?.id ?? null;
}
