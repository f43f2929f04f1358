import type DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { anyOf } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import { AddressEntity } from './location/address.entity';
import { LocationEntity } from './location/location.entity';
import { OrganizationEntity } from './organization/organization.entity';
import { PhoneEntity } from './phone/phone.entity';
import { ScheduleEntity } from './schedule/schedule.entity';
import { ServiceAtLocationEntity } from './service-at-location/service-at-location.entity';
import { LanguageEntity } from './service/language.entity';
import { ServiceEntity } from './service/service.entity';
import { AttributeEntity, SERVICE_CATEGORY } from './taxonomy/attribute.entity';
import { TaxonomyTermEntity } from './taxonomy/taxonomy-term.entity';

/**
 * Per-request loaders: every lookup by id, and every list under a parent, is
 * gathered across the request and fetched with one SQL statement per batch,
 * so N parents cost one statement per level of the query.
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

type StringColumnOf<E> = { [K in keyof E]: E[K] extends string | null ? K : never }[keyof E] & string;

/** The rows of `entity` whose `key` column is one of the asked ids, grouped by it, in `order`. */
function childrenLoader<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  key: StringColumnOf<E>,
  order: FindOptionsOrder<E>,
): DataLoader<string, E[]> {
  return groupLoader(
    (ids) => dataSource.getRepository(entity).find({ where: { [key]: anyOf(ids) } as FindOptionsWhere<E>, order }),
    (row) => row[key] as string,
  );
}

function byId<E extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<E>): DataLoader<string, E | null> {
  return rowLoader(
    (ids) => dataSource.getRepository(entity).findBy({ id: anyOf(ids) } as FindOptionsWhere<E>),
    (row) => row.id,
  );
}

export function createResourcesLoaders(dataSource: DataSource): ResourcesLoaders {
  const phones = (key: StringColumnOf<PhoneEntity>) =>
    childrenLoader(dataSource, PhoneEntity, key, { type: 'ASC', number: 'ASC', id: 'ASC' });
  const schedules = (key: StringColumnOf<ScheduleEntity>) => childrenLoader(dataSource, ScheduleEntity, key, { opensAt: 'ASC', id: 'ASC' });
  return {
    organization: byId(dataSource, OrganizationEntity),
    service: byId(dataSource, ServiceEntity),
    location: byId(dataSource, LocationEntity),
    serviceAtLocation: byId(dataSource, ServiceAtLocationEntity),
    taxonomyTerm: rowLoader(
      (ids) => dataSource.getRepository(TaxonomyTermEntity).find({ where: { id: anyOf(ids) }, relations: { taxonomy: true } }),
      (term) => term.id,
    ),
    servicesOfOrganization: childrenLoader(dataSource, ServiceEntity, 'organizationId', { name: 'ASC', id: 'ASC' }),
    locationsOfOrganization: childrenLoader(dataSource, LocationEntity, 'organizationId', { name: 'ASC', id: 'ASC' }),
    addressesOfLocation: childrenLoader(dataSource, AddressEntity, 'locationId', { addressType: 'ASC', id: 'ASC' }),
    serviceAtLocationsOfService: childrenLoader(dataSource, ServiceAtLocationEntity, 'serviceId', { id: 'ASC' }),
    languagesOfService: childrenLoader(dataSource, LanguageEntity, 'serviceId', { name: 'ASC', id: 'ASC' }),
    categoriesOfService: groupLoader(
      (ids) =>
        dataSource.getRepository(AttributeEntity).find({
          where: { linkEntity: SERVICE_CATEGORY.linkEntity, linkId: anyOf(ids) },
          relations: { taxonomyTerm: { taxonomy: true } },
          order: { taxonomyTerm: { name: 'ASC' }, id: 'ASC' },
        }),
      (attribute) => attribute.linkId,
    ),
    phonesOf: {
      organization: phones('organizationId'),
      service: phones('serviceId'),
      location: phones('locationId'),
      serviceAtLocation: phones('serviceAtLocationId'),
    },
    schedulesOf: {
      service: schedules('serviceId'),
      location: schedules('locationId'),
      serviceAtLocation: schedules('serviceAtLocationId'),
    },
  };
}
