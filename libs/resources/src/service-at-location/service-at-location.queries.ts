import { type Actor, isUuid } from '@caseflow/auth';
import { notFound, uuid } from '@caseflow/core';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { toLocation } from '../location/location.mapper';
import type { Location } from '../location/location.type';
import { toPhone } from '../phone/phone.mapper';
import type { Phone } from '../phone/phone.type';
import { toSchedule } from '../schedule/schedule.mapper';
import type { Schedule } from '../schedule/schedule.type';
import { toService } from '../service/service.mapper';
import type { Service } from '../service/service.type';
import type { ServiceAtLocation } from './service-at-location.type';
import { toServiceAtLocation } from './service-at-location.mapper';

/** Service-at-location reads; the entry points check the caller, the rest follows through the request's loaders. */
export class ServiceAtLocationQueries {
  constructor(private readonly loaders: ResourcesLoaders) {}

  async get(actor: Actor, id: string, field = 'id'): Promise<ServiceAtLocation | null> {
    assertCanReadDirectory(actor);
    const entity = await this.loaders.serviceAtLocation.load(uuid(field, id));
    return entity ? toServiceAtLocation(entity) : null;
  }

  /** For `__resolveReference`: batched; unknown ids resolve to null. */
  async reference(actor: Actor, id: string): Promise<ServiceAtLocation | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.serviceAtLocation.load(id);
    return entity ? toServiceAtLocation(entity) : null;
  }

  // Both foreign keys are NOT NULL, so a missing row is unreachable; the schema promises non-null.
  async service(serviceAtLocation: ServiceAtLocation): Promise<Service> {
    const entity = await this.loaders.service.load(serviceAtLocation.serviceId);
    if (!entity) throw notFound('Service', serviceAtLocation.serviceId);
    return toService(entity);
  }

  async location(serviceAtLocation: ServiceAtLocation): Promise<Location> {
    const entity = await this.loaders.location.load(serviceAtLocation.locationId);
    if (!entity) throw notFound('Location', serviceAtLocation.locationId);
    return toLocation(entity);
  }

  async schedules(serviceAtLocationId: string): Promise<Schedule[]> {
    return (await this.loaders.schedulesOf.serviceAtLocation.load(serviceAtLocationId)).map(toSchedule);
  }

  async phones(serviceAtLocationId: string): Promise<Phone[]> {
    return (await this.loaders.phonesOf.serviceAtLocation.load(serviceAtLocationId)).map(toPhone);
  }
}
