/**
 * A cheap digest of everything the subgraphs hold — each table's row count,
 * and its latest `updated_at` and summed `version` where it has them — to show
 * that a refused write changed nothing. Audit tables are left out: a refusal
 * for lack of rights is itself recorded there, by design.
 */
import type { TestStack } from './harness';

const SCHEMAS = ['clients', 'plans', 'referrals', 'resources'];

export type Digest = Record<string, string>;

export async function digestQuery(stack: TestStack): Promise<string> {
  const columns = await stack.sql<{ table_schema: string; table_name: string; columns: string[] }>(
    `SELECT t.table_schema, t.table_name, array_agg(c.column_name || ':' || c.data_type) AS columns
       FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
      WHERE t.table_schema = ANY($1) AND t.table_type = 'BASE TABLE' AND t.table_name NOT IN ('audit_event', 'migrations')
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [SCHEMAS],
  );
  return columns
    .map(({ table_schema: schema, table_name: table, columns: cols }) => {
      const parts = ['count(*)::text'];
      if (cols.some((c) => c.startsWith('updated_at:'))) parts.push(`coalesce(max(updated_at)::text, '-')`);
      if (cols.includes('version:integer') || cols.includes('version:bigint')) parts.push(`coalesce(sum(version)::text, '-')`);
      return `SELECT '${schema}.${table}' AS t, concat_ws('/', ${parts.join(', ')}) AS d FROM ${schema}.${table}`;
    })
    .join(' UNION ALL ');
}

export async function digest(stack: TestStack, query: string): Promise<Digest> {
  const rows = await stack.sql<{ t: string; d: string }>(query);
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}
