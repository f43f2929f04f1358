/**
 * Hot reads as named prepared statements. TypeORM sends every statement
 * unnamed (parse, plan, execute each time); a `PreparedRead` is sent by the
 * `pg` driver under its name, so each pooled connection parses it once and
 * PostgreSQL can keep its plan. For the reads on every request's path (the
 * caseload's loaders and the access decision); everything else stays on
 * TypeORM or `*.sql.ts` statements through it.
 *
 * The statement is still counted by the DataSource's logger (the
 * `SqlCounter`), runs on the same pool with the same statement timeout, and
 * fails as any other read does (a lost connection is UNAVAILABLE).
 */
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

export interface PreparedRead<Row extends QueryResultRow, Params extends readonly unknown[]> {
  readonly name: string;
  readonly text: string;
  /** Never set: carries the row and parameter types. */
  readonly types?: { row: Row; params: Params };
}

const registered = new Map<string, string>();

/**
 * A read prepared under `name` on each connection that runs it. A name is one
 * text for the whole process: registering it again with another text throws,
 * since PostgreSQL would answer the first text for the second.
 */
export function preparedRead<Row extends QueryResultRow, Params extends readonly unknown[]>(
  name: string,
  text: string,
): PreparedRead<Row, Params> {
  if (!/^[a-z][a-z0-9_.-]{2,62}$/.test(name)) throw new Error(`prepared statement name "${name}" must be 3–63 of a-z, 0-9, _ . -`);
  const known = registered.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement "${name}" is already registered with another text`);
  registered.set(name, text);
  return { name, text };
}

/** Runs a prepared read outside any transaction, on the DataSource's pool. */
export async function runPrepared<Row extends QueryResultRow, Params extends readonly unknown[]>(
  dataSource: DataSource,
  statement: PreparedRead<Row, Params>,
  params: Params,
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the DataSource is not initialized');
  dataSource.logger.logQuery(statement.text, params as unknown as unknown[]);
  const result = await pool.query<Row>({ name: statement.name, text: statement.text, values: params as unknown as unknown[] });
  return result.rows;
}

/** `T` with each field named with `prefix` first: the columns of a joined table in a read that returns several. */
export type Prefixed<T, P extends string> = { [K in keyof T & string as `${P}${K}`]: T[K] };

/** The fields of `row` named with `prefix`, without it: one joined table's columns out of a read that returns several. */
export function unprefixed<T>(row: object, prefix: string): T {
  const part: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith(prefix)) part[key.slice(prefix.length)] = value;
  return part as T;
}
