/**
 * The DDL idioms the subgraphs' migrations share. A table is declared in one
 * place with its indexes, and the migration still lists every column: the
 * helper writes only what every table has (the generated uuid key `id`) and
 * the plain index on each reference column a table is looked up by.
 * Migrations run on existing databases by name, so what a helper writes must
 * never change (ddl.spec.ts pins it): a new idiom is a new helper.
 */

export interface TableSpec {
  /** Every column after `id`, then any table constraints, in order, as SQL. */
  columns: readonly string[];
  /** Columns that get a plain index each, named `<table>_<column without _id>_idx`. */
  indexed?: readonly string[];
  /** Any other index (composite, partial, unique, covering), as SQL. */
  indexes?: readonly string[];
}

interface Queryable {
  query(sql: string): Promise<unknown>;
}

/**
 * The statements that make `table` (schema-qualified): `CREATE TABLE` with
 * the generated uuid primary key `id`, then the plain indexes of
 * `spec.indexed`, then `spec.indexes`. `indexed: ['service_id']` on
 * `resources.phone` is `CREATE INDEX phone_service_idx ON resources.phone (service_id)`.
 */
export function tableSql(table: string, spec: TableSpec): string[] {
  const name = table.slice(table.indexOf('.') + 1);
  const columns = ['id uuid PRIMARY KEY DEFAULT gen_random_uuid()', ...spec.columns];
  return [
    `CREATE TABLE ${table} (\n  ${columns.join(',\n  ')}\n)`,
    ...(spec.indexed ?? []).map((column) => `CREATE INDEX ${name}_${column.replace(/_id$/, '')}_idx ON ${table} (${column})`),
    ...(spec.indexes ?? []),
  ];
}

/** Runs `tableSql(table, spec)` in order. */
export async function createTable(q: Queryable, table: string, spec: TableSpec): Promise<void> {
  for (const statement of tableSql(table, spec)) await q.query(statement);
}
