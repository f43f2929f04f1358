import type { GraphQLSchema } from 'graphql';
import { SERVICE_NAMES_PATH } from '@caseflow/auth';
import { buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { createResourcesContext, type ResourcesContext } from './context';
import { DirectoryEditResolver } from './directory-edit/directory-edit.resolver';
import { HSDS_PREFIX, HsdsApi } from './hsds/api/routes';
import { startPullJob } from './hsds/pull/pull.job';
import { loadPullSettings } from './hsds/pull/pull.settings';
import { AddressEntity } from './location/address.entity';
import { LocationEntity } from './location/location.entity';
import { resolveLocationReference } from './location/location.reference';
import { LocationResolver } from './location/location.resolver';
import { InitResources1763856000003 } from './migrations/1763856000003-InitResources';
import { HsdsDirectory1763856000013 } from './migrations/1763856000013-HsdsDirectory';
import { CoveringSearchIndexes1763856000023 } from './migrations/1763856000023-CoveringSearchIndexes';
import { OrganizationNameSearch1765152000092 } from './migrations/1765152000092-OrganizationNameSearch';
import { AccentInsensitiveServiceSearch1765152000093 } from './migrations/1765152000093-AccentInsensitiveServiceSearch';
import { HsdsSources1765238400101 } from './migrations/1765238400101-HsdsSources';
import { SearchPlaces1765411200101 } from './migrations/1765411200101-SearchPlaces';
import { OrganizationEntity } from './organization/organization.entity';
import { resolveOrganizationReference } from './organization/organization.reference';
import { OrganizationResolver } from './organization/organization.resolver';
import { PhoneEntity } from './phone/phone.entity';
import { ScheduleEntity } from './schedule/schedule.entity';
import { SearchResolver } from './search/search.resolver';
import { ServiceAtLocationEntity } from './service-at-location/service-at-location.entity';
import { resolveServiceAtLocationReference } from './service-at-location/service-at-location.reference';
import { ServiceAtLocationResolver } from './service-at-location/service-at-location.resolver';
import { LanguageEntity } from './service/language.entity';
import { ServiceEntity } from './service/service.entity';
import { resolveServiceReference } from './service/service.reference';
import { ServiceResolver } from './service/service.resolver';
import { serviceNamesRoute } from './service/service-names.route';
import { AttributeEntity } from './taxonomy/attribute.entity';
import { TaxonomyEntity } from './taxonomy/taxonomy.entity';
import { TaxonomyTermEntity } from './taxonomy/taxonomy-term.entity';
import { resolveTaxonomyTermReference } from './taxonomy/taxonomy-term.reference';
import { TaxonomyTermResolver } from './taxonomy/taxonomy-term.resolver';

export function buildResourcesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      OrganizationResolver,
      ServiceResolver,
      LocationResolver,
      ServiceAtLocationResolver,
      TaxonomyTermResolver,
      SearchResolver,
      DirectoryEditResolver,
    ],
    referenceResolvers: {
      Organization: resolveOrganizationReference,
      Service: resolveServiceReference,
      Location: resolveLocationReference,
      ServiceAtLocation: resolveServiceAtLocationReference,
      TaxonomyTerm: resolveTaxonomyTermReference,
    },
  });
}

/** The resources subgraph: the HSDS 3.0 community-resource directory and its taxonomy. */
export const resourcesSubgraph: SubgraphDefinition<ResourcesContext> = {
  name: 'resources',
  // Search near a client asks the clients subgraph for the client's point.
  peers: { clients: 'http://127.0.0.1:4001' },
  dbSchema: 'resources',
  entities: [
    OrganizationEntity,
    ServiceEntity,
    LocationEntity,
    AddressEntity,
    ServiceAtLocationEntity,
    PhoneEntity,
    ScheduleEntity,
    LanguageEntity,
    TaxonomyEntity,
    TaxonomyTermEntity,
    AttributeEntity,
  ],
  migrations: [
    InitResources1763856000003,
    HsdsDirectory1763856000013,
    CoveringSearchIndexes1763856000023,
    OrganizationNameSearch1765152000092,
    AccentInsensitiveServiceSearch1765152000093,
    HsdsSources1765238400101,
    SearchPlaces1765411200101,
  ],
  // Partners remove phones, schedules, languages and attributes of their entries: the only subgraph that deletes rows.
  runtimePrivileges: { deletes: true },
  // The directory is what machine clients and (DIRECTORY_PUBLIC) anonymous readers come for; no other subgraph answers them.
  directoryClients: true,
  buildSchema: buildResourcesSchema,
  createContext: (dataSource, base, options) => createResourcesContext(dataSource, base, options),
  // The directory's names read whole, for the referrals subgraph's referrals (it provides their service's names).
  internalRoutes: (dataSource) => ({ [SERVICE_NAMES_PATH]: serviceNamesRoute(dataSource) }),
  // The HSDS REST API; the gateway passes GET /hsds/… through with the caller's internal token.
  internalGetRoutes: (dataSource) => {
    const api = new HsdsApi(dataSource);
    return { [HSDS_PREFIX]: (url, caller, headers) => api.handle(url, caller, headers) };
  },
  // Mirrors the HSDS directories HSDS_PULL_SOURCES lists, every HSDS_PULL_INTERVAL_MS (off by default).
  start: (dataSource, options) => startPullJob(dataSource, loadPullSettings(), options.logger, options.metrics),
};
