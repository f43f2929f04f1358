/**
 * The benchmark's PostgreSQL: its own embedded server (data in
 * .data/bench/postgres, port 54339), never the demo's, or BENCH_DATABASE_URL
 * (a database the benchmark may drop and recreate). Loading runs it with
 * durability off and room for large WAL; measuring runs it with normal
 * durability and pg_stat_statements preloaded, to count the statements each
 * request causes.
 */
import { mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedUrl, ensureDatabasePasswords, startEmbeddedPostgres, withDatabase } from '@caseflow/db';
import { DATA_DIR, answers } from '../lib/local';

export const BENCH_DIR = join(DATA_DIR, 'bench');
export const BENCH_DATABASE = 'caseflow_bench';
export const DEFAULT_BENCH_PG_PORT = 54339;

export interface BenchServerOptions {
  /** Where the embedded server keeps its data (default .data/bench/postgres). */
  dataDir?: string;
  port?: number;
  /** An existing server's URL to use instead of the embedded one (its database `database` is the benchmark's). */
  externalUrl?: string;
  /** Durability off and large WAL: for generating a dataset, never for measuring. */
  bulkLoad?: boolean;
  /** Preload pg_stat_statements (measuring). */
  statements?: boolean;
  /** The embedded server's passwords file, made on first use with mode 0600 (default .data/bench/keys/db-passwords.json). */
  passwordsFile?: string;
  /** Keep the data directory when stopped (default true; tests use throw-away ones). */
  persistent?: boolean;
  log?: (line: string) => void;
}

export interface BenchServer {
  /** The maintenance database's URL. */
  adminUrl: string;
  /** The benchmark database's URL. */
  url: string;
  embedded: boolean;
  /** The embedded server's data directory (for its CPU time); undefined for an external server. */
  dataDir?: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL's buffer cache as a database host is given one: a quarter of the
 * memory (at most 4 GB, at least 128 MB). The operating system's page cache
 * is no substitute on every machine: some reclaim pages nobody touched for a
 * few seconds (this one's kernel pages them out after six, docs/performance.md),
 * and the next read of them goes to the disk; the buffer cache is shared
 * memory, which stays.
 */
export function sharedBuffersMb(memoryBytes = totalmem()): number {
  return Math.min(4096, Math.max(128, Math.floor(memoryBytes / 4 / 2 ** 20)));
}

export async function startBenchServer(options: BenchServerOptions, database = BENCH_DATABASE): Promise<BenchServer> {
  if (options.externalUrl) {
    return {
      adminUrl: options.externalUrl,
      url: withDatabase(options.externalUrl, database),
      embedded: false,
      stop: async () => undefined,
    };
  }
  const port = options.port ?? DEFAULT_BENCH_PG_PORT;
  const dataDir = options.dataDir ?? join(BENCH_DIR, 'postgres');
  const { superuser } = ensureDatabasePasswords(options.passwordsFile ?? join(BENCH_DIR, 'keys', 'db-passwords.json'), []);
  const adminUrl = embeddedUrl(port, superuser);
  if (await answers(adminUrl)) {
    options.log?.(`using the PostgreSQL already running on port ${port}`);
    return { adminUrl, url: withDatabase(adminUrl, database), embedded: true, dataDir, stop: async () => undefined };
  }
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const flags = [
    '-c',
    `shared_buffers=${sharedBuffersMb()}MB`,
    '-c',
    'effective_cache_size=4GB',
    '-c',
    'work_mem=16MB',
    '-c',
    'max_wal_size=8GB',
    '-c',
    'maintenance_work_mem=256MB',
  ];
  if (options.bulkLoad)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'checkpoint_timeout=30min');
  if (options.statements)
    flags.push(
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'pg_stat_statements.max=10000',
      '-c',
      'pg_stat_statements.track=top',
    );
  options.log?.(`starting PostgreSQL for the benchmark (data in ${dataDir}, port ${port})`);
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    persistent: options.persistent ?? true,
    extraFlags: flags,
    password: superuser,
  });
  return { adminUrl, url: withDatabase(adminUrl, database), embedded: true, dataDir, stop: () => server.stop() };
}

/** Drops and recreates the benchmark database (a dataset is always generated into an empty one). */
export async function recreateDatabase(adminUrl: string, database = BENCH_DATABASE): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}
