/**
 * A cheap digest of everything the subgraphs hold — each table's row count,
 * and its latest `updated_at` and summed `version` where it has them — to show
 * that a refused write changed nothing. Audit tables are left out: a refusal
 * for lack of rights is itself recorded there, by design. With `settle`, each
 * read first waits for the domain events in flight to be applied, so that
 * what an earlier change set off is not taken for the refused one's doing.
 */
import { Client } from 'pg';

const SCHEMAS = ['clients', 'plans', 'referrals', 'resources', 'notifications'];

export type Digest = Record<string, string>;

export interface Digester {
  read(): Promise<Digest>;
  close(): Promise<void>;
}

/** Opens one connection and builds the digest's query from the catalogue once. */
export async function openDigester(databaseUrl: string, settle?: () => Promise<void>): Promise<Digester> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ table_schema: string; table_name: string; columns: string[] }>(
    `SELECT t.table_schema, t.table_name, array_agg(c.column_name || ':' || c.data_type) AS columns
       FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
      WHERE t.table_schema = ANY($1) AND t.table_type = 'BASE TABLE' AND t.table_name NOT IN ('audit_event', 'migrations')
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [SCHEMAS],
  );
  const sql = rows
    .map(({ table_schema: schema, table_name: table, columns }) => {
      const parts = ['count(*)::text'];
      if (columns.some((c) => c.startsWith('updated_at:'))) parts.push(`coalesce(max(updated_at)::text, '-')`);
      if (columns.includes('version:integer') || columns.includes('version:bigint')) parts.push(`coalesce(sum(version)::text, '-')`);
      return `SELECT '${schema}.${table}' AS t, concat_ws('/', ${parts.join(', ')}) AS d FROM ${schema}.${table}`;
    })
    .join(' UNION ALL ');
  return {
    read: async () => {
      await settle?.();
      return Object.fromEntries((await client.query<{ t: string; d: string }>(sql)).rows.map((r) => [r.t, r.d]));
    },
    close: () => client.end(),
  };
}
