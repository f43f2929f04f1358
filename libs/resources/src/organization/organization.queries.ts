import { type Actor, isUuid } from '@caseflow/auth';
import { uuid } from '@caseflow/core';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { toLocation } from '../location/location.mapper';
import type { Location } from '../location/location.type';
import { toPhone } from '../phone/phone.mapper';
import type { Phone } from '../phone/phone.type';
import type { Service } from '../service/service.type';
import { toService } from '../service/service.mapper';
import type { Organization } from './organization.type';
import { toOrganization } from './organization.mapper';

/**
 * Organization reads. The entry points (`get`, `reference`) check the
 * caller; the lists under an organization are reached only through them and
 * read through the request's loaders.
 */
export class OrganizationQueries {
  constructor(private readonly loaders: ResourcesLoaders) {}

  async get(actor: Actor, id: string, field = 'id'): Promise<Organization | null> {
    assertCanReadDirectory(actor);
    const entity = await this.loaders.organization.load(uuid(field, id));
    return entity ? toOrganization(entity) : null;
  }

  /** For `__resolveReference`: batched; unknown ids and callers who may not read resolve to null. */
  async reference(actor: Actor, id: string): Promise<Organization | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.organization.load(id);
    return entity ? toOrganization(entity) : null;
  }

  async phones(organizationId: string): Promise<Phone[]> {
    return (await this.loaders.phonesOf.organization.load(organizationId)).map(toPhone);
  }

  async locations(organizationId: string): Promise<Location[]> {
    return (await this.loaders.locationsOfOrganization.load(organizationId)).map(toLocation);
  }

  async services(organizationId: string): Promise<Service[]> {
    return (await this.loaders.servicesOfOrganization.load(organizationId)).map(toService);
  }
}
