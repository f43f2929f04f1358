/**
 * The prepared reads of services at locations, shaped as the entities:
 * by id with their location's columns (one read serves the location loader
 * too, so a search hit's `serviceAtLocation { location }` is one statement),
 * and the services at locations of services, with their locations too (a
 * service's `serviceAtLocations { location }` is one statement).
 */
import { preparedRead } from '@caseflow/db';
import { locationColumns, type LocationRow } from '../location/location.sql';
import type { ServiceAtLocationEntity } from './service-at-location.entity';

export type ServiceAtLocationRow = Pick<ServiceAtLocationEntity, keyof ServiceAtLocationEntity>;

/** A service at a location with its location's columns, prefixed `loc_`. */
export type ServiceAtLocationWithLocationRow = ServiceAtLocationRow & { [K in keyof LocationRow as `loc_${K}`]: LocationRow[K] };

/** The service at a location's columns under `alias`, named as its entity's fields, each prefixed with `prefix`. */
export function serviceAtLocationColumns(alias: string, prefix = ''): string {
  return `${alias}.id AS "${prefix}id", ${alias}.service_id AS "${prefix}serviceId", ${alias}.location_id AS "${prefix}locationId", ${alias}.description AS "${prefix}description"`;
}

const COLUMNS = serviceAtLocationColumns('sal');

/** Every read of services at locations brings their locations: a place is never shown without its address. */
const WITH_LOCATION = `SELECT ${COLUMNS}, ${locationColumns('l', 'loc_')}
   FROM resources.service_at_location sal JOIN resources.location l ON l.id = sal.location_id`;

export const SERVICE_AT_LOCATIONS_WITH_LOCATION_BY_ID = preparedRead<ServiceAtLocationWithLocationRow, [string[]]>(
  'resources.service-at-locations-by-id',
  `${WITH_LOCATION} WHERE sal.id = ANY($1::uuid[])`,
);

export const SERVICE_AT_LOCATIONS_WITH_LOCATION_OF_SERVICES = preparedRead<ServiceAtLocationWithLocationRow, [string[]]>(
  'resources.service-at-locations-of-services',
  `${WITH_LOCATION} WHERE sal.service_id = ANY($1::uuid[]) ORDER BY sal.id`,
);

/** Splits a row into the service at a location and its location. */
export function serviceAtLocationAndLocation(row: ServiceAtLocationWithLocationRow): {
  serviceAtLocation: ServiceAtLocationRow;
  location: LocationRow;
} {
  const { loc_id, loc_organizationId, loc_name, loc_locationType, loc_description, loc_latitude, loc_longitude, ...serviceAtLocation } =
    row;
  return {
    serviceAtLocation,
    location: {
      id: loc_id,
      organizationId: loc_organizationId,
      name: loc_name,
      locationType: loc_locationType,
      description: loc_description,
      latitude: loc_latitude,
      longitude: loc_longitude,
    },
  };
}
