import type { DataSource } from 'typeorm';
import type { RequestContext } from '@caseflow/federation';
import { EditScope } from './edit/edit-scope';
import { LocationEditService } from './edit/location-edit.service';
import { PhoneScheduleEditService } from './edit/phone-schedule-edit.service';
import { ServiceEditService } from './edit/service-edit.service';
import { createResourcesLoaders, type ResourcesLoaders } from './loaders';
import { LocationService } from './location/location.service';
import { OrganizationService } from './organization/organization.service';
import { ServiceAtLocationService } from './service-at-location/service-at-location.service';
import { SearchService } from './search/search.service';
import { ServiceService } from './service/service.service';
import { TaxonomyTermService } from './taxonomy/taxonomy-term.service';

export interface ResourcesContext extends RequestContext {
  loaders: ResourcesLoaders;
  organizations: OrganizationService;
  services: ServiceService;
  locations: LocationService;
  serviceAtLocations: ServiceAtLocationService;
  taxonomyTerms: TaxonomyTermService;
  search: SearchService;
  edits: { services: ServiceEditService; locations: LocationEditService; phonesAndSchedules: PhoneScheduleEditService };
}

export function createResourcesContext(dataSource: DataSource, base: RequestContext): ResourcesContext {
  const loaders = createResourcesLoaders(dataSource);
  const scope = new EditScope(dataSource, base.audit);
  return {
    ...base,
    loaders,
    organizations: new OrganizationService(loaders),
    services: new ServiceService(loaders),
    locations: new LocationService(loaders),
    serviceAtLocations: new ServiceAtLocationService(loaders),
    taxonomyTerms: new TaxonomyTermService(dataSource, loaders),
    search: new SearchService(dataSource),
    edits: {
      services: new ServiceEditService(scope),
      locations: new LocationEditService(scope),
      phonesAndSchedules: new PhoneScheduleEditService(scope),
    },
  };
}
