/**
 * The DDL idioms the subgraphs' migrations share. A table is declared (or
 * altered) in one place with its indexes, and the migration still lists
 * every column: the helpers write only what every table has (the generated
 * uuid key `id`), the plain index on a column a table is looked up by, and
 * the triggers that make a history table append-only. Migrations run on
 * existing databases by name, so what a helper writes must never change
 * (ddl.spec.ts pins it): a new idiom is a new helper.
 */
import type { MigrationInterface } from 'typeorm';

export interface IndexSpec {
  /** Columns that get a plain index each, named `<table>_<column without _id>_idx`. */
  indexed?: readonly string[];
  /**
   * Any other index (composite, partial, unique, covering), as SQL
   * statements each ended by `;`; a line starting with `--` is a comment.
   */
  indexes?: string;
}

export interface TableSpec extends IndexSpec {
  /**
   * For a table whose rows are an ordered list under a parent row (a plan's
   * goals, a goal's tasks): the parent's key `column` (`NOT NULL`,
   * referencing `parent`'s `id`) and `position` (from 0) come first after
   * `id`, and the index `<table>_<column without _id>_position_idx` on both
   * reads a parent's list in order.
   */
  orderedUnder?: { column: string; parent: string };
  /**
   * Every column after `id`, then any table constraints, in order, as the SQL
   * between the parentheses of `CREATE TABLE` (a column a line reads best).
   */
  columns: string;
  /**
   * For a history table: the database refuses UPDATE, DELETE and TRUNCATE
   * on it with `<appendOnly> (<operation> refused)` (function
   * `<table>_append_only()`, triggers `<name>_no_update_delete` and `<name>_no_truncate`).
   */
  appendOnly?: string;
}

export interface AlterSpec extends IndexSpec {
  /** What `ALTER TABLE` does (ADD COLUMN, DROP CONSTRAINT, ...), in order, as SQL separated by commas. */
  changes: string;
}

interface Queryable {
  query(sql: string): Promise<unknown>;
}

/**
 * The statements that make `table` (schema-qualified): `CREATE TABLE` with
 * the generated uuid primary key `id` and `spec.columns`, then the plain
 * indexes of `spec.indexed` (`indexed: ['service_id']` on `resources.phone`
 * is `CREATE INDEX phone_service_idx ON resources.phone (service_id)`), then
 * `spec.indexes`, then the append-only triggers. With `spec.orderedUnder`, its
 * two columns come first and its index straight after `CREATE TABLE`.
 */
export function tableSql(table: string, spec: TableSpec): string[] {
  const ordered = spec.orderedUnder;
  const columns = [
    'id uuid PRIMARY KEY DEFAULT gen_random_uuid()',
    ...(ordered === undefined
      ? []
      : [`${ordered.column} uuid NOT NULL REFERENCES ${ordered.parent} (id)`, 'position int NOT NULL CHECK (position >= 0)']),
    ...columnList(spec.columns),
  ];
  return [
    `CREATE TABLE ${table} (\n  ${columns.join(',\n  ')}\n)`,
    ...(ordered === undefined
      ? []
      : [`CREATE INDEX ${indexName(table, ordered.column)}_position_idx ON ${table} (${ordered.column}, position)`]),
    ...indexSql(table, spec),
    ...(spec.appendOnly === undefined ? [] : appendOnlySql(table, spec.appendOnly)),
  ];
}

/** `ALTER TABLE` with `spec.changes` as one statement, then the indexes of `spec`, as in `tableSql`. */
export function alterTableSql(table: string, spec: AlterSpec): string[] {
  return [`ALTER TABLE ${table}\n  ${columnList(spec.changes).join(',\n  ')}`, ...indexSql(table, spec)];
}

/** Runs `tableSql(table, spec)` in order. */
export async function createTable(q: Queryable, table: string, spec: TableSpec): Promise<void> {
  for (const statement of tableSql(table, spec)) await q.query(statement);
}

/** Runs the indexes of `spec` on `table`, as in `tableSql`. */
export async function createIndexes(q: Queryable, table: string, spec: IndexSpec): Promise<void> {
  for (const statement of indexSql(table, spec)) await q.query(statement);
}

/** Runs `alterTableSql(table, spec)` in order. */
export async function alterTable(q: Queryable, table: string, spec: AlterSpec): Promise<void> {
  for (const statement of alterTableSql(table, spec)) await q.query(statement);
}

/**
 * A migration that is fixed lists of statements: `up` runs `upSql` in order,
 * `down` runs `downSql`. For a migration that only makes (or drops) what a
 * shared builder writes, such as a subgraph's outbox or scheduled-job table:
 *
 *     export class PlansOutbox1764892800051 extends StatementsMigration {
 *       name = 'PlansOutbox1764892800051';
 *       protected upSql = outboxTablesSql('plans');
 *       protected downSql = dropOutboxTablesSql('plans');
 *     }
 */
export abstract class StatementsMigration implements MigrationInterface {
  abstract name: string;
  protected abstract upSql: readonly string[];
  protected abstract downSql: readonly string[];

  async up(q: Queryable): Promise<void> {
    for (const statement of this.upSql) await q.query(statement);
  }

  async down(q: Queryable): Promise<void> {
    for (const statement of this.downSql) await q.query(statement);
  }
}

const unqualified = (table: string) => table.slice(table.indexOf('.') + 1);

/** `<table>_<column without _id>`, the start of the name of an index on `column`. */
const indexName = (table: string, column: string) => `${unqualified(table)}_${column.replace(/_id$/, '')}`;

/** The column definitions of `sql`: split at the commas outside parentheses and quotes, each trimmed. */
export function columnList(sql: string): string[] {
  return splitOutside(sql, ',');
}

/** The statements of `sql`: split at the semicolons outside parentheses and quotes, `--` comment lines left out. */
export function statementList(sql: string): string[] {
  const uncommented = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return splitOutside(uncommented, ';');
}

function splitOutside(sql: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === separator && depth === 0) {
      parts.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(sql.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function indexSql(table: string, spec: IndexSpec): string[] {
  const plain = (spec.indexed ?? []).map((column) => `CREATE INDEX ${indexName(table, column)}_idx ON ${table} (${column})`);
  return [...plain, ...statementList(spec.indexes ?? '')];
}

// The function's body is kept to the letter: PostgreSQL stores it as written.
function appendOnlySql(table: string, message: string): string[] {
  const name = unqualified(table);
  const refuse = `${table}_append_only()`;
  return [
    `CREATE FUNCTION ${refuse} RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${message} (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER ${name}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${refuse}`,
    `CREATE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${refuse}`,
  ];
}
