/**
 * The one SQL statement behind a page of search hits. It reads the places a
 * service is delivered from `resources.search_place` (migration
 * SearchPlaces1765411200101), where the database keeps, per place, what a
 * search filters on. Only the filters a search uses are written into it, so
 * that each drives its own index on that one table and PostgreSQL can AND
 * them: the GIN index on the words (a service's and its organization's), the
 * GiST index on the place's point (an `earth_box` test, then the exact
 * distance), the GIN index on the categories. One hit per service: its
 * nearest matching place (an open one when `openAt` filters). Ordered by
 * relevance (full-text rank, then distance, name, id) or by distance (then
 * rank, name, id); keyset cursors carry the order and the sort values of the
 * last hit. Opening hours, the costliest test, are checked last, on the
 * places every other filter kept (a materialized step). The page's hits come
 * with their service, organization, place and location, so the hits' nested
 * fields start from the request's loaders, primed (search.queries.ts). The
 * statement is prepared under a name per text (one per combination of
 * filters and order), so that each connection plans it once.
 */

import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type PreparedRead, type Prefixed, preparedRead, runPrepared } from '@caseflow/db';
import { locationColumns, type LocationRow } from '../location/location.sql';
import { organizationColumns, type OrganizationRow } from '../organization/organization.sql';
import { serviceAtLocationColumns, type ServiceAtLocationRow } from '../service-at-location/service-at-location.sql';
import { serviceColumns, type ServiceRow } from '../service/service.sql';

/** A service's words and its organization's, as the GIN index `service_search_idx` covers them (alias `s` for the service). */
export const SERVICE_DOCUMENT = '(s.search_vector || s.organization_vector)';

/** The query for words typed by a person (quotes, OR, -), accent-insensitive as the service's words are (see migration 1765152000093). */
export function serviceWordsQuery(param: string): string {
  return `websearch_to_tsquery('english', resources.unaccented(${param}))`;
}

export interface SearchFilters {
  text: string | null;
  termIds: string[] | null;
  near: { latitude: number; longitude: number; radiusMeters: number } | null;
  /** Only services open at this instant. */
  openAt: Date | null;
  /** When `openNow` is computed (openAt, or now). */
  at: Date;
  language: string | null;
  age: number | null;
  timezone: string;
}

/** The order of the hits: by full-text rank first, or by distance first. */
export type SearchSort = 'relevance' | 'distance';

/**
 * The order and the sort values of a hit: [sort, rank, distanceKm (0 without
 * a point), name, serviceId]. Both orders use the same values, in another order.
 */
export type SearchKey = [SearchSort, number, number, string, string];

/** The key and sort values of a hit. */
interface HitKeys {
  service_id: string;
  sal_id: string | null;
  distance_km: number | null;
  /** distance_km, or 0 without a point. */
  distance_key: number;
  rank: number;
  name: string;
  open_now: boolean | null;
  total: number;
}

/**
 * A row of the statement; an empty page is one row with only `total`. Each hit
 * carries its service's (`s_`), organization's (`o_`), place's (`p_`, the
 * service at a location) and location's (`l_`) columns, as the by-id reads
 * shape them, so the hit's `service` and `serviceAtLocation` read nothing more.
 */
export type HitRow = HitKeys &
  Prefixed<ServiceRow, 's_'> &
  Prefixed<OrganizationRow, 'o_'> &
  Prefixed<Partial<ServiceAtLocationRow>, 'p_'> &
  Prefixed<Partial<LocationRow>, 'l_'>;

export function buildSearchSql(
  filters: SearchFilters,
  sort: SearchSort,
  after: SearchKey | null,
  limit: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const ctes: string[] = [];
  const where = [`p.status IN ('active', 'temporarily closed')`];

  if (filters.termIds) {
    ctes.push(`terms(id) AS (
      SELECT id FROM resources.taxonomy_term WHERE id = ANY(${p(filters.termIds, '::uuid[]')})
      UNION
      SELECT child.id FROM resources.taxonomy_term child JOIN terms ON child.parent_id = terms.id)`);
    where.push(`p.term_ids && ARRAY(SELECT id FROM terms)`);
  }
  let rank = '0::real';
  if (filters.text) {
    const query = serviceWordsQuery(p(filters.text));
    where.push(`p.document @@ ${query}`);
    // The service's own name (weight A) counts most, its organization's words (C) least.
    rank = `ts_rank(p.document, ${query})`;
  }

  let distance = 'NULL::float8';
  if (filters.near) {
    const origin = `public.ll_to_earth(${p(filters.near.latitude, '::float8')}, ${p(filters.near.longitude, '::float8')})`;
    const radius = p(filters.near.radiusMeters, '::float8');
    distance = `public.earth_distance(${origin}, p.earth) / 1000.0`;
    // A place without a valid point has no earth and is never near; earth_box uses the index, earth_distance trims its corners.
    where.push(`public.earth_box(${origin}, ${radius}) @> p.earth`);
    where.push(`public.earth_distance(${origin}, p.earth) <= ${radius}`);
  }
  if (filters.language) {
    const language = p(filters.language);
    where.push(
      `EXISTS (SELECT 1 FROM resources.language lg WHERE lg.service_id = p.service_id AND (lower(lg.code) = lower(${language}) OR lower(lg.name) = lower(${language})))`,
    );
  }
  if (filters.age !== null) {
    const age = p(filters.age, '::numeric');
    where.push(`(p.minimum_age IS NULL OR p.minimum_age <= ${age}) AND (p.maximum_age IS NULL OR p.maximum_age >= ${age})`);
  }
  const timezone = p(filters.timezone);
  // Opening hours are the costliest test (a PL/pgSQL call per place): they are checked last, on what every other filter kept.
  const openTest = filters.openAt
    ? `resources.open_at(sal_id, service_id, location_id, ${p(filters.openAt, '::timestamptz')}, ${timezone}) IS TRUE`
    : null;
  if (filters.openAt) where.push(`p.status = 'active'`);

  // Without a point every distance is 0: the order falls through to the next key. The keyset compares the same row as the order.
  const keys = (t: string) =>
    sort === 'relevance'
      ? [`-${t}.rank`, `${t}.distance_key`, `${t}.name`, `${t}.service_id`]
      : [`${t}.distance_key`, `-${t}.rank`, `${t}.name`, `${t}.service_id`];
  const order = (t: string) => keys(t).join(', ');
  let keyset = '';
  if (after) {
    const [, afterRank, afterDistance, afterName, afterId] = after;
    const rankValue = `-${p(afterRank, '::real')}`;
    const distanceValue = p(afterDistance, '::float8');
    const values = sort === 'relevance' ? [rankValue, distanceValue] : [distanceValue, rankValue];
    keyset = `WHERE (${keys('candidates').join(', ')}) > (${values.join(', ')}, ${p(afterName)}, ${p(afterId, '::uuid')})`;
  }

  // The count and the page come from the same candidates; an empty page still carries the count.
  const sql = `
    WITH RECURSIVE ${[
      ...ctes,
      `matched AS MATERIALIZED (
        SELECT p.service_id, p.name, p.status, p.service_at_location_id AS sal_id, p.location_id,
          ${distance} AS distance_km, coalesce(${distance}, 0) AS distance_key, ${rank} AS rank
        FROM resources.search_place p
        WHERE ${where.join('\n          AND ')}
      )`,
      `candidates AS (
        SELECT DISTINCT ON (service_id) * FROM matched
        ${openTest ? `WHERE ${openTest}` : ''}
        ORDER BY service_id, distance_km NULLS LAST, sal_id
      )`,
    ].join(',\n    ')}
    SELECT counted.total, page.service_id, page.sal_id, page.distance_km, page.distance_key, page.rank, page.name,
      CASE WHEN page.service_id IS NULL THEN NULL
        WHEN page.status = 'temporarily closed' THEN false
        ${filters.openAt && filters.at.getTime() === filters.openAt.getTime() ? 'ELSE true' : `ELSE resources.open_at(page.sal_id, page.service_id, page.location_id, ${p(filters.at, '::timestamptz')}, ${timezone})`} END AS open_now,
      ${serviceColumns('hs', 's_')}, ${organizationColumns('ho', 'o_')},
      ${serviceAtLocationColumns('hp', 'p_')}, ${locationColumns('hl', 'l_')}
    FROM (SELECT count(*)::int AS total FROM candidates) counted
    LEFT JOIN LATERAL (
      SELECT * FROM candidates
      ${keyset}
      ORDER BY ${order('candidates')}
      LIMIT ${p(limit, '::int')}
    ) page ON true
    LEFT JOIN resources.service hs ON hs.id = page.service_id
    LEFT JOIN resources.organization ho ON ho.id = hs.organization_id
    LEFT JOIN resources.service_at_location hp ON hp.id = page.sal_id
    LEFT JOIN resources.location hl ON hl.id = hp.location_id
    ORDER BY ${order('page')}`;
  return { sql, params };
}

export function keyOf(row: HitRow, sort: SearchSort): SearchKey {
  return [sort, row.rank, row.distance_key, row.name, row.service_id];
}

/** The page of hits (one more than `limit` asks for tells whether there is a next page), each row with the total. */
export function searchHits(
  dataSource: DataSource,
  filters: SearchFilters,
  sort: SearchSort,
  after: SearchKey | null,
  limit: number,
): Promise<HitRow[]> {
  const { sql, params } = buildSearchSql(filters, sort, after, limit);
  return runPrepared(dataSource, searchStatement(sql), params);
}

const statements = new Map<string, PreparedRead<HitRow, unknown[]>>();

/** The statement of a text, named after it: a handful of texts (one per combination of filters and order). */
function searchStatement(sql: string): PreparedRead<HitRow, unknown[]> {
  let statement = statements.get(sql);
  if (!statement) {
    statement = preparedRead(`resources.search.${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`, sql);
    statements.set(sql, statement);
  }
  return statement;
}
