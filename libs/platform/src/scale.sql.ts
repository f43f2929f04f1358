/**
 * The statements of the benchmark dataset's bookkeeping: its tables' sizes,
 * a VACUUM (ANALYZE) after loading, and the record of what was loaded
 * (`public.bench_dataset`, one row). Table and schema names come from the
 * code, never from a caller.
 */
import type { Client } from 'pg';

export const DATASET_TABLE = 'public.bench_dataset';

/** The tables of a schema. */
export async function schemaTables(client: Client, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [schema]);
  return rows.map((row) => row.tablename);
}

/** Refreshes a table's statistics after a bulk load. */
export async function vacuumAnalyzeTable(client: Client, schema: string, table: string): Promise<void> {
  await client.query(`VACUUM (ANALYZE) "${schema}"."${table}"`);
}

/** The rows of `table` (`schema.table`). */
export async function countRows(client: Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

/** Records (or replaces) the report of the dataset loaded. */
export async function saveDatasetReport(client: Client, report: unknown): Promise<void> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${DATASET_TABLE} (id int PRIMARY KEY, report jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  await client.query(
    `INSERT INTO ${DATASET_TABLE} (id, report) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET report = EXCLUDED.report, created_at = now()`,
    [report],
  );
}

/** The report recorded by `saveDatasetReport`, or null when none was. */
export async function readDatasetReport<T>(client: Client): Promise<T | null> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('${DATASET_TABLE}') AS t`);
  if (!rows[0].t) return null;
  const found = await client.query<{ report: T }>(`SELECT report FROM ${DATASET_TABLE} WHERE id = 1`);
  return found.rows[0]?.report ?? null;
}
