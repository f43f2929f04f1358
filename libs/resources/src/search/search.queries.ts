import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { decodeCursor, encodeCursor, pageSize, unprefixed } from '@caseflow/db';
import { assertCanReadDirectory } from '../access/directory.policy';
import type { LocationEntity } from '../location/location.entity';
import type { ResourcesLoaders } from '../loaders';
import type { OrganizationEntity } from '../organization/organization.entity';
import type { ServiceAtLocationEntity } from '../service-at-location/service-at-location.entity';
import type { ServiceEntity } from '../service/service.entity';
import { type GeoPoint, nearClientIdOf, SEARCH_CURSOR, searchFilters, searchKey, searchOrderOf } from './search.rules';
import { type HitRow, keyOf, searchHits } from './search.sql';
import type { SearchOrder, ServiceSearchConnection, ServiceSearchInput } from './search.type';

/** The point of a client's address for the caller, asked of the clients subgraph (refusals as errors naming `field`). */
export type ClientLocator = (clientId: string, field: string) => Promise<GeoPoint>;

/**
 * Directory search: every staff role may search. Near a client, the client's
 * point comes from the clients subgraph under its access rule (partners are
 * refused) and is used only for the search: never returned, never logged.
 */
export class SearchQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ResourcesLoaders,
    private readonly locateClient: ClientLocator,
  ) {}

  async search(
    actor: Actor,
    input: ServiceSearchInput,
    first: number | null | undefined,
    after: string | null | undefined,
    orderBy: SearchOrder | null | undefined = null,
    now = new Date(),
  ): Promise<ServiceSearchConnection> {
    assertCanReadDirectory(actor);
    const clientId = nearClientIdOf(input);
    // Every other field is checked before the clients subgraph is asked for the point.
    searchOrderOf(orderBy, searchFilters(input, now, clientId ? { latitude: 0, longitude: 0 } : null));
    const clientPoint = clientId ? await this.locateClient(clientId, 'input.nearClientId') : null;
    const filters = searchFilters(input, now, clientPoint);
    const size = pageSize(first, 20);
    const sort = searchOrderOf(orderBy, filters);
    const cursor = searchKey(decodeCursor(after, SEARCH_CURSOR), sort);
    const rows = await searchHits(this.dataSource, filters, sort, cursor, size + 1);
    const hits = rows.filter((row) => row.service_id !== null);
    const page = hits.slice(0, size);
    for (const hit of page) this.prime(hit);
    const edges = page.map((row) => ({
      cursor: encodeCursor(keyOf(row, sort)),
      node: { serviceId: row.service_id, serviceAtLocationId: row.sal_id, distanceKm: row.distance_km, openNow: row.open_now },
    }));
    return {
      edges,
      pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: rows[0]?.total ?? 0,
    };
  }

  /** The hit's service, organization, place and location, as the loaders would read them by id. */
  private prime(hit: HitRow): void {
    this.loaders.service.prime(hit.service_id, unprefixed<ServiceEntity>(hit, 's_'));
    this.loaders.organization.prime(hit.o_id, unprefixed<OrganizationEntity>(hit, 'o_'));
    if (hit.sal_id === null) return;
    this.loaders.serviceAtLocation.prime(hit.sal_id, unprefixed<ServiceAtLocationEntity>(hit, 'p_'));
    if (hit.l_id) this.loaders.location.prime(hit.l_id, unprefixed<LocationEntity>(hit, 'l_'));
  }
}
