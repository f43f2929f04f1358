import 'reflect-metadata';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { RequestTransactionGuard } from './request-transactions';
import { SqlCounter } from './sql-counter';

export interface DatabaseOptions {
  url: string;
  /** The PostgreSQL schema this subgraph owns; every table and the migrations table live in it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export interface Database {
  dataSource: DataSource;
  counter: SqlCounter;
}

/**
 * A TypeORM DataSource for one subgraph's schema: `synchronize` off (schema
 * changes are checked-in migrations), a bounded pool whose connections time
 * out instead of hanging, a statement timeout, a statement counter, and the
 * guard that lets no transaction of a stopped request commit.
 */
export function createDatabase(options: DatabaseOptions): Database {
  const counter = new SqlCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    subscribers: [RequestTransactionGuard],
    synchronize: false,
    migrationsRun: false,
    logger: counter,
    applicationName: options.applicationName ?? `caseflow-${options.schema}`,
    extra: {
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      statement_timeout: options.statementTimeoutMs ?? 10000,
      idle_in_transaction_session_timeout: 30000,
      idleTimeoutMillis: 30000,
    },
  });
  return { dataSource, counter };
}

/** A service started while its schema has migrations that have not run. */
export class PendingMigrationsError extends Error {
  constructor(
    readonly schema: string,
    readonly pending: string[],
  ) {
    super(
      `schema "${schema}" has ${pending.length} pending migration(s) (${pending.join(', ')}): run \`npm run migrate\` (as the schema's owner role) before starting the service`,
    );
    this.name = 'PendingMigrationsError';
  }
}

/**
 * Creates the schema if needed and runs every pending migration, each in its
 * own transaction, under a PostgreSQL advisory lock on the schema: of two
 * processes that start together, one migrates and the other waits, then
 * finds nothing to do. `afterMigrations` runs under the same lock (the grants
 * of the runtime role).
 */
export async function migrate(
  dataSource: DataSource,
  schema: string,
  afterMigrations?: (db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }) => Promise<void>,
): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  const key = `caseflow-migrations:${schema}`;
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      const exists = await lock.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (exists.length === 0) await lock.query(`CREATE SCHEMA "${schema}"`);
      await dataSource.runMigrations({ transaction: 'each' });
      if (afterMigrations) {
        // One transaction, so that a replica still running never sees its grants half-applied.
        await lock.startTransaction();
        try {
          await afterMigrations(lock);
          await lock.commitTransaction();
        } catch (error) {
          await lock.rollbackTransaction();
          throw error;
        }
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    await lock.release();
  }
}

/** The names of the migrations that have not run in `schema` (read-only: the runtime role may ask). */
export async function pendingMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const [{ table }] = await dataSource.query('SELECT to_regclass($1) AS table', [`"${schema}".migrations`]);
  const done = new Set<string>(
    table ? (await dataSource.query(`SELECT name FROM "${schema}".migrations`)).map((r: { name: string }) => r.name) : [],
  );
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !done.has(name));
}

/** Connects, migrates, and returns the ready database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = createDatabase({ ...options, poolMax: Math.max(options.poolMax ?? 10, 2) });
  await db.dataSource.initialize();
  await migrate(db.dataSource, options.schema);
  return db;
}

/** True when the database answers a trivial query within the pool's timeouts. */
export async function isDatabaseReady(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True for errors that mean "the database is unreachable", as opposed to a bad statement. */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    // graphql-js wraps a thrown non-Error (pg throws plain objects for refused connections) as NonErrorThrown with `thrownValue`.
    const e = current as { code?: string; message?: string; driverError?: unknown; cause?: unknown; thrownValue?: unknown };
    if (e.code && connectionErrorCodes.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(e.message)
    ) {
      return true;
    }
    current = e.driverError ?? e.cause ?? e.thrownValue;
  }
  return false;
}
