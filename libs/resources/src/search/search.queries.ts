import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { assertCanReadDirectory } from '../access/directory.policy';
import { type GeoPoint, nearClientIdOf, SEARCH_CURSOR, searchFilters, searchKey, searchOrderOf } from './search.rules';
import { keyOf, searchHits } from './search.sql';
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
    const rows = await searchHits(this.dataSource.manager, filters, sort, cursor, size + 1);
    const hits = rows.filter((row) => row.service_id !== null);
    const page = hits.slice(0, size);
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
}
