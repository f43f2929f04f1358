/**
 * The SQL of the HSDS API: which rows an endpoint's query parameters select
 * (all of them combine with AND), in which order, and the statements that
 * read them and their related rows, every HSDS field as text. Every filter
 * and key is a parameter of the statement; the text written into it (table,
 * column and relation names, the select list) is code.
 */
import type { EntityManager } from 'typeorm';
import { hsdsTable, type HsdsTable, selectList, type TableName } from '../package';
import { SERVICE_DOCUMENT, serviceWordsQuery } from '../../search/search.sql';

/** A stored row with every HSDS field as text. */
export type TextRow = Record<string, string | null>;

export interface ListFilters {
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: string;
  postcode?: string;
  proximityMeters?: number;
  topOnly?: boolean;
  parentId?: string;
}

export interface ListQuery {
  table: TableName;
  alias: string;
  ctes: string[];
  from: string;
  where: string[];
  params: unknown[];
  /** Sort for pages (ends with the id, so it is total). */
  order: string;
}

/** `%` and `_` match themselves in an ILIKE pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function builder(table: TableName, alias: string, from: string): ListQuery & { param(value: unknown, cast?: string): string } {
  const query = {
    table,
    alias,
    ctes: [] as string[],
    from,
    where: [] as string[],
    params: [] as unknown[],
    order: '',
    param(value: unknown, cast = '') {
      query.params.push(value);
      return `$${query.params.length}${cast}`;
    },
  };
  return query;
}

/** Services (or, with `serviceAtLocations`, services at locations) selected by the HSDS parameters. */
export function serviceQuery(filters: ListFilters, serviceAtLocations: boolean): ListQuery {
  const q = serviceAtLocations
    ? builder(
        'service_at_location',
        'sal',
        'resources.service_at_location sal JOIN resources.service s ON s.id = sal.service_id JOIN resources.location l ON l.id = sal.location_id',
      )
    : builder('service', 's', 'resources.service s');
  let rank = '';
  if (filters.search) {
    const tsquery = serviceWordsQuery(q.param(filters.search));
    q.where.push(`${SERVICE_DOCUMENT} @@ ${tsquery}`);
    rank = `ts_rank(${SERVICE_DOCUMENT}, ${tsquery}) DESC, `;
  }
  if (filters.taxonomyTermId) {
    // The term and its descendants.
    q.where
      .push(`EXISTS (SELECT 1 FROM resources.attribute a WHERE a.link_id = s.id AND a.link_entity = 'service' AND a.taxonomy_term_id IN (
      WITH RECURSIVE tree(id) AS (SELECT ${q.param(filters.taxonomyTermId, '::uuid')} UNION SELECT c.id FROM resources.taxonomy_term c JOIN tree ON c.parent_id = tree.id)
      SELECT id FROM tree))`);
  }
  if (filters.taxonomyId) {
    q.where.push(`EXISTS (SELECT 1 FROM resources.attribute a JOIN resources.taxonomy_term tt ON tt.id = a.taxonomy_term_id
      WHERE a.link_id = s.id AND a.link_entity = 'service' AND tt.taxonomy_id = ${q.param(filters.taxonomyId, '::uuid')})`);
  }
  if (filters.organizationId) q.where.push(`s.organization_id = ${q.param(filters.organizationId, '::uuid')}`);
  if (filters.modifiedAfter) q.where.push(`s.last_modified >= ${q.param(filters.modifiedAfter, '::timestamptz')}`);
  if (serviceAtLocations && filters.postcode) {
    const postcode = q.param(filters.postcode.replace(/\s+/g, '').toUpperCase());
    if (filters.proximityMeters) {
      // Within the distance of the centroid of the directory's addresses with that postal code.
      q.ctes.push(`centroid AS (
        SELECT avg(l2.latitude) AS latitude, avg(l2.longitude) AS longitude FROM resources.address a2 JOIN resources.location l2 ON l2.id = a2.location_id
        WHERE upper(replace(a2.postal_code, ' ', '')) = ${postcode} AND l2.latitude BETWEEN -90 AND 90 AND l2.longitude BETWEEN -180 AND 180
        HAVING count(*) > 0)`);
      q.from += ' CROSS JOIN centroid';
      const origin = 'public.ll_to_earth(centroid.latitude, centroid.longitude)';
      const radius = q.param(filters.proximityMeters, '::float8');
      q.where.push('l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180');
      q.where.push(`public.earth_box(${origin}, ${radius}) @> public.ll_to_earth(l.latitude, l.longitude)`);
      q.where.push(`public.earth_distance(${origin}, public.ll_to_earth(l.latitude, l.longitude)) <= ${radius}`);
    } else {
      q.where.push(
        `EXISTS (SELECT 1 FROM resources.address a WHERE a.location_id = l.id AND upper(replace(a.postal_code, ' ', '')) = ${postcode})`,
      );
    }
  }
  q.order = `${rank}s.name, ${q.alias}.id`;
  return q;
}

export function organizationQuery(filters: ListFilters): ListQuery {
  const q = builder('organization', 'o', 'resources.organization o');
  let rank = '';
  if (filters.search) {
    const tsquery = `websearch_to_tsquery('english', ${q.param(filters.search)})`;
    q.where.push(`o.search_vector @@ ${tsquery}`);
    rank = `ts_rank(o.search_vector, ${tsquery}) DESC, `;
  }
  q.order = `${rank}o.name, o.id`;
  return q;
}

export function taxonomyQuery(filters: ListFilters): ListQuery {
  const q = builder('taxonomy', 'x', 'resources.taxonomy x');
  if (filters.search) {
    const pattern = q.param(likePattern(filters.search));
    q.where.push(`(x.name ILIKE ${pattern} OR x.description ILIKE ${pattern})`);
  }
  q.order = 'x.name, x.id';
  return q;
}

export function taxonomyTermQuery(filters: ListFilters): ListQuery {
  const q = builder('taxonomy_term', 'x', 'resources.taxonomy_term x');
  if (filters.search) {
    const pattern = q.param(likePattern(filters.search));
    q.where.push(`(x.name ILIKE ${pattern} OR x.description ILIKE ${pattern} OR x.code = ${q.param(filters.search)})`);
  }
  if (filters.taxonomyId) q.where.push(`x.taxonomy_id = ${q.param(filters.taxonomyId, '::uuid')}`);
  if (filters.topOnly) q.where.push('x.parent_id IS NULL');
  if (filters.parentId) q.where.push(`x.parent_id = ${q.param(filters.parentId, '::uuid')}`);
  q.order = 'x.name, x.id';
  return q;
}

function base(q: ListQuery): string {
  return `${q.ctes.length ? `WITH ${q.ctes.join(', ')} ` : ''}FROM ${q.from}${q.where.length ? ` WHERE ${q.where.join(' AND ')}` : ''}`;
}

/** How many rows the query selects. */
function countSql(q: ListQuery): { sql: string; params: unknown[] } {
  const cte = q.ctes.length ? `WITH ${q.ctes.join(', ')} ` : '';
  return { sql: `${cte}SELECT count(*)::int AS n ${base({ ...q, ctes: [] })}`, params: q.params };
}

/** One page of the rows, every HSDS field as text (`selectList`), by the query's order. */
function pageSql(q: ListQuery, select: string, limit: number, offset: number): { sql: string; params: unknown[] } {
  const params = [...q.params, limit, offset];
  const cte = q.ctes.length ? `WITH ${q.ctes.join(', ')} ` : '';
  return {
    sql: `${cte}SELECT ${select} ${base({ ...q, ctes: [] })} ORDER BY ${q.order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  };
}

/** The next batch after `afterId`, by id (for streaming every row). */
function batchSql(q: ListQuery, select: string, limit: number, afterId: string | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [...q.params, limit];
  const where = [...q.where];
  if (afterId) {
    params.push(afterId);
    where.push(`${q.alias}.id > $${params.length}::uuid`);
  }
  const cte = q.ctes.length ? `WITH ${q.ctes.join(', ')} ` : '';
  return { sql: `${cte}SELECT ${select} ${base({ ...q, ctes: [], where })} ORDER BY ${q.alias}.id LIMIT $${q.params.length + 1}`, params };
}

/** The row of `table` with this id (none when there is no such row). */
export function rowById(m: EntityManager, table: TableName, id: string): Promise<TextRow[]> {
  return m.query<TextRow[]>(`SELECT ${selectList(hsdsTable(table), 't')} FROM resources.${table} t WHERE t.id = $1`, [id]);
}

/**
 * The rows of `table` whose `match` column (`t.id` or `t."<column>"`) is one
 * of `keys`, by id; `where` is an extra condition written in code. Asked even
 * with no keys, so that a shape always costs the same statements.
 */
export function relatedRows(m: EntityManager, table: HsdsTable, match: string, keys: string[], where?: string): Promise<TextRow[]> {
  return m.query<TextRow[]>(
    `SELECT ${selectList(table, 't')} FROM resources.${table.name} t WHERE ${match} = ANY($1::uuid[])${where ? ` AND ${where}` : ''} ORDER BY t.id`,
    [keys],
  );
}

/** How many rows the list selects. */
export async function listCount(m: EntityManager, q: ListQuery): Promise<number> {
  const { sql, params } = countSql(q);
  const [{ n }] = await m.query<Array<{ n: number }>>(sql, params);
  return n;
}

/** One page of the list, by its order. */
export function listPage(m: EntityManager, q: ListQuery, limit: number, offset: number): Promise<TextRow[]> {
  const { sql, params } = pageSql(q, selectList(hsdsTable(q.table), q.alias), limit, offset);
  return m.query<TextRow[]>(sql, params);
}

/** The next batch of the list after `afterId`, by id (for streaming every row). */
export function listBatch(m: EntityManager, q: ListQuery, limit: number, afterId: string | null): Promise<TextRow[]> {
  const { sql, params } = batchSql(q, selectList(hsdsTable(q.table), q.alias), limit, afterId);
  return m.query<TextRow[]>(sql, params);
}

/** When the newest HSDS metadata row about any of `ids` was recorded (the exact instant, not the day); null when none is. */
export async function newestChange(m: EntityManager, ids: string[]): Promise<Date | null> {
  const [{ at }] = await m.query<Array<{ at: Date | null }>>(
    'SELECT max(recorded_at) AS at FROM resources.metadata WHERE resource_id = ANY($1::uuid[])',
    [ids],
  );
  return at;
}
