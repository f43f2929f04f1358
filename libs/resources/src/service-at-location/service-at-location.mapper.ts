import type { ServiceAtLocationEntity } from './service-at-location.entity';
import type { ServiceAtLocation } from './service-at-location.type';

export function toServiceAtLocation(entity: ServiceAtLocationEntity): ServiceAtLocation {
  return { id: entity.id, description: entity.description, serviceId: entity.serviceId, locationId: entity.locationId };
}
