import type DataLoader from 'dataloader';
import type { QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { runPrepared, type PreparedRead } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import type { AddressEntity } from './location/address.entity';
import type { LocationEntity } from './location/location.entity';
import { ADDRESSES_OF_LOCATIONS, LOCATIONS_BY_ID, LOCATIONS_OF_ORGANIZATIONS } from './location/location.sql';
import type { OrganizationEntity } from './organization/organization.entity';
import { ORGANIZATIONS_BY_ID } from './organization/organization.sql';
import type { PhoneEntity } from './phone/phone.entity';
import { PHONES_OF } from './phone/phone.sql';
import type { ScheduleEntity } from './schedule/schedule.entity';
import { SCHEDULES_OF } from './schedule/schedule.sql';
import type { ServiceAtLocationEntity } from './service-at-location/service-at-location.entity';
import {
  SERVICE_AT_LOCATIONS_WITH_LOCATION_OF_SERVICES,
  SERVICE_AT_LOCATIONS_WITH_LOCATION_BY_ID,
  serviceAtLocationAndLocation,
  type ServiceAtLocationWithLocationRow,
} from './service-at-location/service-at-location.sql';
import type { LanguageEntity } from './service/language.entity';
import type { ServiceEntity } from './service/service.entity';
import {
  CATEGORIES_OF_SERVICES,
  LANGUAGES_OF_SERVICES,
  SERVICES_OF_ORGANIZATIONS,
  SERVICES_WITH_ORGANIZATION_BY_ID,
  serviceAndOrganization,
  toCategoryAttribute,
} from './service/service.sql';
import type { AttributeEntity } from './taxonomy/attribute.entity';
import type { TaxonomyTermEntity } from './taxonomy/taxonomy-term.entity';
import { TAXONOMY_TERMS_BY_ID, toTaxonomyTermEntity } from './taxonomy/taxonomy-term.sql';

/**
 * Per-request loaders: every lookup by id, and every list under a parent, is
 * gathered across the request and fetched with one SQL statement per batch,
 * so N parents cost one statement per level of the query. Each is a prepared
 * read (`*.sql.ts`) on every request's path, with the ids as one array. A
 * service read carries its organization and a service-at-location read its
 * location: they prime those loaders, which keep their own reads for ids
 * reached another way.
 */
export interface ResourcesLoaders {
  organization: DataLoader<string, OrganizationEntity | null>;
  service: DataLoader<string, ServiceEntity | null>;
  location: DataLoader<string, LocationEntity | null>;
  serviceAtLocation: DataLoader<string, ServiceAtLocationEntity | null>;
  /** Terms with their taxonomy joined (for `TaxonomyTerm.taxonomy`). */
  taxonomyTerm: DataLoader<string, TaxonomyTermEntity | null>;
  servicesOfOrganization: DataLoader<string, ServiceEntity[]>;
  locationsOfOrganization: DataLoader<string, LocationEntity[]>;
  addressesOfLocation: DataLoader<string, AddressEntity[]>;
  serviceAtLocationsOfService: DataLoader<string, ServiceAtLocationEntity[]>;
  languagesOfService: DataLoader<string, LanguageEntity[]>;
  /** The service-category attributes of each service, with their term and its taxonomy joined. */
  categoriesOfService: DataLoader<string, AttributeEntity[]>;
  phonesOf: Record<'organization' | 'service' | 'location' | 'serviceAtLocation', DataLoader<string, PhoneEntity[]>>;
  schedulesOf: Record<'service' | 'location' | 'serviceAtLocation', DataLoader<string, ScheduleEntity[]>>;
}

type Ids = [string[]];

/** The rows of a prepared read over the batch's ids. */
function rowsOf<Row extends QueryResultRow>(dataSource: DataSource, statement: PreparedRead<Row, Ids>): (ids: string[]) => Promise<Row[]> {
  return (ids) => runPrepared(dataSource, statement, [ids]);
}

export function createResourcesLoaders(dataSource: DataSource): ResourcesLoaders {
  const read = <Row extends QueryResultRow>(statement: PreparedRead<Row, Ids>) => rowsOf(dataSource, statement);
  const organization = rowLoader<string, OrganizationEntity>(read(ORGANIZATIONS_BY_ID), (row) => row.id);
  const location = rowLoader<string, LocationEntity>(read(LOCATIONS_BY_ID), (row) => row.id);
  const service = rowLoader<string, ServiceEntity>(
    async (ids) =>
      (await runPrepared(dataSource, SERVICES_WITH_ORGANIZATION_BY_ID, [ids])).map((row) => {
        const split = serviceAndOrganization(row);
        organization.prime(split.organization.id, split.organization);
        return split.service;
      }),
    (row) => row.id,
  );
  // A service at a location is read with its location's columns, which prime the location loader.
  const withLocations = (statement: PreparedRead<ServiceAtLocationWithLocationRow, Ids>) => async (ids: string[]) =>
    (await runPrepared(dataSource, statement, [ids])).map((row) => {
      const split = serviceAtLocationAndLocation(row);
      location.prime(split.location.id, split.location);
      return split.serviceAtLocation;
    });
  const serviceAtLocation = rowLoader<string, ServiceAtLocationEntity>(
    withLocations(SERVICE_AT_LOCATIONS_WITH_LOCATION_BY_ID),
    (row) => row.id,
  );
  const phones = (owner: keyof typeof PHONES_OF, key: 'organizationId' | 'serviceId' | 'locationId' | 'serviceAtLocationId') =>
    groupLoader<string, PhoneEntity>(read(PHONES_OF[owner]), (row) => row[key] as string);
  const schedules = (owner: keyof typeof SCHEDULES_OF, key: 'serviceId' | 'locationId' | 'serviceAtLocationId') =>
    groupLoader<string, ScheduleEntity>(read(SCHEDULES_OF[owner]), (row) => row[key] as string);
  return {
    organization,
    service,
    location,
    serviceAtLocation,
    taxonomyTerm: rowLoader<string, TaxonomyTermEntity>(
      async (ids) => (await runPrepared(dataSource, TAXONOMY_TERMS_BY_ID, [ids])).map((row) => toTaxonomyTermEntity(row, '')),
      (term) => term.id,
    ),
    servicesOfOrganization: groupLoader<string, ServiceEntity>(read(SERVICES_OF_ORGANIZATIONS), (row) => row.organizationId),
    locationsOfOrganization: groupLoader<string, LocationEntity>(read(LOCATIONS_OF_ORGANIZATIONS), (row) => row.organizationId as string),
    addressesOfLocation: groupLoader<string, AddressEntity>(read(ADDRESSES_OF_LOCATIONS), (row) => row.locationId),
    serviceAtLocationsOfService: groupLoader<string, ServiceAtLocationEntity>(
      withLocations(SERVICE_AT_LOCATIONS_WITH_LOCATION_OF_SERVICES),
      (row) => row.serviceId,
    ),
    languagesOfService: groupLoader<string, LanguageEntity>(read(LANGUAGES_OF_SERVICES), (row) => row.serviceId as string),
    categoriesOfService: groupLoader<string, AttributeEntity>(
      async (ids) => (await runPrepared(dataSource, CATEGORIES_OF_SERVICES, [ids])).map(toCategoryAttribute),
      (attribute) => attribute.linkId,
    ),
    phonesOf: {
      organization: phones('organization', 'organizationId'),
      service: phones('service', 'serviceId'),
      location: phones('location', 'locationId'),
      serviceAtLocation: phones('serviceAtLocation', 'serviceAtLocationId'),
    },
    schedulesOf: {
      service: schedules('service', 'serviceId'),
      location: schedules('location', 'locationId'),
      serviceAtLocation: schedules('serviceAtLocation', 'serviceAtLocationId'),
    },
  };
}
