import type { DataSource } from 'typeorm';
import type { RequestContext } from '@caseflow/federation';
import { createResourcesLoaders, type ResourcesLoaders } from './loaders';
import { LocationService } from './location/location.service';
import { OrganizationService } from './organization/organization.service';
import { ServiceAtLocationService } from './service-at-location/service-at-location.service';
import { ServiceService } from './service/service.service';
import { TaxonomyTermService } from './taxonomy/taxonomy-term.service';

export interface ResourcesContext extends RequestContext {
  loaders: ResourcesLoaders;
  organizations: OrganizationService;
  services: ServiceService;
  locations: LocationService;
  serviceAtLocations: ServiceAtLocationService;
  taxonomyTerms: TaxonomyTermService;
}

export function createResourcesContext(dataSource: DataSource, base: RequestContext): ResourcesContext {
  const loaders = createResourcesLoaders(dataSource);
  return {
    ...base,
    loaders,
    organizations: new OrganizationService(loaders),
    services: new ServiceService(loaders),
    locations: new LocationService(loaders),
    serviceAtLocations: new ServiceAtLocationService(loaders),
    taxonomyTerms: new TaxonomyTermService(dataSource, loaders),
  };
}
