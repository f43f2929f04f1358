import type { DataSource } from 'typeorm';
import { fetchClientLocation } from '@caseflow/auth';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';
import { EditScope } from './directory-edit/edit-scope';
import { createResourcesLoaders, type ResourcesLoaders } from './loaders';
import { LocationCommands } from './location/location.commands';
import { LocationQueries } from './location/location.queries';
import { OrganizationQueries } from './organization/organization.queries';
import { PhoneCommands } from './phone/phone.commands';
import { ScheduleCommands } from './schedule/schedule.commands';
import { SearchQueries } from './search/search.queries';
import { ServiceAtLocationCommands } from './service-at-location/service-at-location.commands';
import { ServiceAtLocationQueries } from './service-at-location/service-at-location.queries';
import { ServiceCommands } from './service/service.commands';
import { ServiceQueries } from './service/service.queries';
import { TaxonomyTermQueries } from './taxonomy/taxonomy-term.queries';

export interface ResourcesContext extends RequestContext {
  loaders: ResourcesLoaders;
  organizations: OrganizationQueries;
  services: ServiceQueries;
  locations: LocationQueries;
  serviceAtLocations: ServiceAtLocationQueries;
  taxonomyTerms: TaxonomyTermQueries;
  search: SearchQueries;
  serviceCommands: ServiceCommands;
  locationCommands: LocationCommands;
  serviceAtLocationCommands: ServiceAtLocationCommands;
  phoneCommands: PhoneCommands;
  scheduleCommands: ScheduleCommands;
}

export function createResourcesContext(
  dataSource: DataSource,
  base: RequestContext,
  options: Pick<SubgraphRuntimeOptions, 'peerUrls' | 'peerTimeoutMs'> = {},
): ResourcesContext {
  const clients = { clientsUrl: options.peerUrls?.clients ?? '', timeoutMs: options.peerTimeoutMs };
  const loaders = createResourcesLoaders(dataSource);
  const scope = new EditScope(dataSource, base.audit);
  return {
    ...base,
    loaders,
    organizations: new OrganizationQueries(loaders, dataSource),
    services: new ServiceQueries(loaders),
    locations: new LocationQueries(loaders),
    serviceAtLocations: new ServiceAtLocationQueries(loaders),
    taxonomyTerms: new TaxonomyTermQueries(dataSource, loaders),
    search: new SearchQueries(dataSource, loaders, (clientId, field) =>
      fetchClientLocation(clients, base.internalToken, base.requestId, clientId, field),
    ),
    serviceCommands: new ServiceCommands(scope),
    locationCommands: new LocationCommands(scope),
    serviceAtLocationCommands: new ServiceAtLocationCommands(scope),
    phoneCommands: new PhoneCommands(scope),
    scheduleCommands: new ScheduleCommands(scope),
  };
}
