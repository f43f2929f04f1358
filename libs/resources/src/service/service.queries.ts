import { type Actor, isUuid } from '@caseflow/auth';
import { notFound, uuid } from '@caseflow/core';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { toOrganization } from '../organization/organization.mapper';
import type { Organization } from '../organization/organization.type';
import { toPhone } from '../phone/phone.mapper';
import type { Phone } from '../phone/phone.type';
import { toSchedule } from '../schedule/schedule.mapper';
import type { Schedule } from '../schedule/schedule.type';
import { toServiceAtLocation } from '../service-at-location/service-at-location.mapper';
import type { ServiceAtLocation } from '../service-at-location/service-at-location.type';
import { toTaxonomyTerm } from '../taxonomy/taxonomy-term.mapper';
import type { TaxonomyTerm } from '../taxonomy/taxonomy-term.type';
import type { Service } from './service.type';
import { toService } from './service.mapper';

/**
 * Service reads. The entry points (`get`, `reference`) check the caller; what
 * hangs off a service is reached only through them, via the request's loaders.
 */
export class ServiceQueries {
  constructor(private readonly loaders: ResourcesLoaders) {}

  async get(actor: Actor, id: string, field = 'id'): Promise<Service | null> {
    assertCanReadDirectory(actor);
    const entity = await this.loaders.service.load(uuid(field, id));
    return entity ? toService(entity) : null;
  }

  /** For `__resolveReference` (e.g. `Referral.service`): batched; unknown ids resolve to null. */
  async reference(actor: Actor, id: string): Promise<Service | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.service.load(id);
    return entity ? toService(entity) : null;
  }

  async organization(service: Service): Promise<Organization> {
    const entity = await this.loaders.organization.load(service.organizationId);
    // The foreign key makes this unreachable; the schema promises a non-null organization.
    if (!entity) throw notFound('Organization', service.organizationId);
    return toOrganization(entity);
  }

  /** Language names (the code where a row has no name), without repeats. */
  async languages(serviceId: string): Promise<string[]> {
    const rows = await this.loaders.languagesOfService.load(serviceId);
    return [...new Set(rows.map((l) => l.name ?? l.code).filter((name): name is string => !!name))];
  }

  /** The service's categories: the terms of its service-category attributes, each once. */
  async taxonomyTerms(serviceId: string): Promise<TaxonomyTerm[]> {
    const attributes = await this.loaders.categoriesOfService.load(serviceId);
    const terms = new Map<string, TaxonomyTerm>();
    for (const attribute of attributes) {
      if (attribute.taxonomyTerm && !terms.has(attribute.taxonomyTermId))
        terms.set(attribute.taxonomyTermId, toTaxonomyTerm(attribute.taxonomyTerm));
    }
    return [...terms.values()];
  }

  async serviceAtLocations(serviceId: string): Promise<ServiceAtLocation[]> {
    return (await this.loaders.serviceAtLocationsOfService.load(serviceId)).map(toServiceAtLocation);
  }

  async phones(serviceId: string): Promise<Phone[]> {
    return (await this.loaders.phonesOf.service.load(serviceId)).map(toPhone);
  }

  async schedules(serviceId: string): Promise<Schedule[]> {
    return (await this.loaders.schedulesOf.service.load(serviceId)).map(toSchedule);
  }
}
