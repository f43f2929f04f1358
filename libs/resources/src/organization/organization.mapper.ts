import type { OrganizationEntity } from './organization.entity';
import type { Organization } from './organization.type';

export function toOrganization(entity: OrganizationEntity): Organization {
  return {
    id: entity.id,
    name: entity.name,
    alternateName: entity.alternateName,
    description: entity.description,
    email: entity.email,
    website: entity.website,
  };
}
