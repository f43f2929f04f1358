import type { ServiceEntity } from './service.entity';
import type { Service } from './service.type';

export function toService(entity: ServiceEntity): Service {
  return {
    id: entity.id,
    name: entity.name,
    alternateName: entity.alternateName,
    description: entity.description,
    url: entity.url,
    email: entity.email,
    status: entity.status,
    applicationProcess: entity.applicationProcess,
    feesDescription: entity.feesDescription,
    eligibilityDescription: entity.eligibilityDescription,
    minimumAge: entity.minimumAge,
    maximumAge: entity.maximumAge,
    organizationId: entity.organizationId,
  };
}
