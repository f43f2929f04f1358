import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { assertCanReadDirectory } from '../access/directory.policy';
import { searchFilters, searchKey } from './search.rules';
import { keyOf, searchHits } from './search.sql';
import type { ServiceSearchConnection, ServiceSearchInput } from './search.type';

/** Directory search: every staff role may search; no client data is involved. */
export class SearchQueries {
  constructor(private readonly dataSource: DataSource) {}

  async search(
    actor: Actor,
    input: ServiceSearchInput,
    first: number | null | undefined,
    after: string | null | undefined,
    now = new Date(),
  ): Promise<ServiceSearchConnection> {
    assertCanReadDirectory(actor);
    const filters = searchFilters(input, now);
    const size = pageSize(first, 20);
    const byDistance = filters.near !== null;
    const cursor = searchKey(decodeCursor(after, byDistance ? ['number', 'uuid'] : ['number', 'text', 'uuid']), byDistance);
    const rows = await searchHits(this.dataSource.manager, filters, cursor, size + 1);
    const hits = rows.filter((row) => row.service_id !== null);
    const page = hits.slice(0, size);
    const edges = page.map((row) => ({
      cursor: encodeCursor(keyOf(row, byDistance)),
      node: { serviceId: row.service_id, serviceAtLocationId: row.sal_id, distanceKm: row.distance_km, openNow: row.open_now },
    }));
    return {
      edges,
      pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: rows[0]?.total ?? 0,
    };
  }
}
