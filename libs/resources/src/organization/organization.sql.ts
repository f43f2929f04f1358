/**
 * The organization's prepared reads (on every request that shows an
 * organization): rows by id, shaped as `OrganizationEntity`. A service read
 * carries its organization's columns too (`service.sql.ts`), so the
 * `Service.organization` of a page sends nothing of its own.
 */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { OrganizationEntity } from './organization.entity';

export type OrganizationRow = Pick<OrganizationEntity, keyof OrganizationEntity>;

/** The organization's columns under `alias`, named as its entity's fields, each prefixed with `prefix`. */
export function organizationColumns(alias: string, prefix = ''): string {
  return [
    `${alias}.id AS "${prefix}id"`,
    `${alias}.name AS "${prefix}name"`,
    `${alias}.alternate_name AS "${prefix}alternateName"`,
    `${alias}.description AS "${prefix}description"`,
    `${alias}.email AS "${prefix}email"`,
    `${alias}.website AS "${prefix}website"`,
  ].join(', ');
}

export const ORGANIZATIONS_BY_ID = preparedRead<OrganizationRow, [string[]]>(
  'resources.organizations-by-id',
  `SELECT ${organizationColumns('o')} FROM resources.organization o WHERE o.id = ANY($1::uuid[])`,
);

/**
 * The words of an organization's names, accents removed: the expression of
 * the GIN index `organization_name_search_idx` (migration 1765152000092).
 */
const NAME_DOCUMENT = `to_tsvector('english', resources.unaccented(o.name || ' ' || coalesce(o.alternate_name, '')))`;
/**
 * The words ($1, text[]) as a tsquery, each accent-free, quoted (a quote or
 * backslash that `unaccent` yields, as from "ʼ", is escaped) and matching
 * as the start of a word: every one must match.
 */
const NAME_QUERY = `to_tsquery('english', (SELECT string_agg('''' || replace(replace(resources.unaccented(w), '\\', '\\\\'), '''', '''''') || ''':*', ' & ') FROM unnest($1::text[]) w))`;

/** A row of a name search: an organization with its rank and the count of all matches; an empty page is one row with only `total`. */
export type OrganizationHitRow = { [K in keyof OrganizationRow]: OrganizationRow[K] | null } & { rank: number | null; total: number };

/**
 * Organizations whose names hold every word ($1),
 * best rank first, then by name and id; after the keyset [rank, name, id]
 * ($2..$4, all null for the first page); at most $5 rows. The count and the
 * page come from the same matches.
 */
export const ORGANIZATION_SEARCH = preparedRead<
  OrganizationHitRow,
  [readonly string[], number | null, string | null, string | null, number]
>(
  'resources.organization-name-search',
  `WITH matched AS MATERIALIZED (
     SELECT o.id, o.name, ts_rank(${NAME_DOCUMENT}, ${NAME_QUERY}) AS rank
       FROM resources.organization o
      WHERE ${NAME_DOCUMENT} @@ ${NAME_QUERY}
   )
   SELECT counted.total, page.*
     FROM (SELECT count(*)::int AS total FROM matched) counted
     LEFT JOIN LATERAL (
       SELECT m.rank, ${organizationColumns('o')}
         FROM matched m JOIN resources.organization o ON o.id = m.id
        WHERE $2::real IS NULL OR (-m.rank, m.name, m.id) > (-$2::real, $3::text, $4::uuid)
        ORDER BY m.rank DESC, m.name, m.id
        LIMIT $5::int
     ) page ON true
    ORDER BY page.rank DESC, page.name, page.id`,
);

/** One page of a name search (ask one more row than the page to learn whether another follows). */
export const searchOrganizations = (
  dataSource: DataSource,
  words: readonly string[],
  after: readonly [number, string, string] | null,
  limit: number,
): Promise<OrganizationHitRow[]> =>
  runPrepared(dataSource, ORGANIZATION_SEARCH, [words, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit]);
