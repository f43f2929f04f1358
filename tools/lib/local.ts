/**
 * What the local tools share: the git-ignored `.data/` folder (embedded
 * PostgreSQL data and the development keys) and the database to use —
 * DATABASE_URL when set, otherwise the embedded server (started if needed).
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfigOrExit, setting } from '@caseflow/config';
import { startEmbeddedPostgres, withDatabase } from '@caseflow/db';

export const ROOT = join(__dirname, '..', '..');
export const DATA_DIR = join(ROOT, '.data');
export const KEYS_DIR = join(DATA_DIR, 'keys');
export const PG_DIR = join(DATA_DIR, 'postgres');
export const DATABASE_NAME = 'caseflow';

export function localConfig() {
  return loadConfigOrExit({
    NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
    DATABASE_URL: setting.optionalUrl(),
    CLIENTS_DATABASE_URL: setting.optionalUrl(),
    PLANS_DATABASE_URL: setting.optionalUrl(),
    REFERRALS_DATABASE_URL: setting.optionalUrl(),
    RESOURCES_DATABASE_URL: setting.optionalUrl(),
    EMBEDDED_PG_PORT: setting.port(54329),
    HOST: setting.string('127.0.0.1'),
    GATEWAY_PORT: setting.port(4000),
    CLIENTS_PORT: setting.port(4001),
    PLANS_PORT: setting.port(4002),
    REFERRALS_PORT: setting.port(4003),
    RESOURCES_PORT: setting.port(4004),
    AUTH_ISSUER: setting.string('caseflow-dev'),
    AUTH_AUDIENCE: setting.string('caseflow'),
    LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'warn'),
  });
}

export type LocalConfig = ReturnType<typeof localConfig>;

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** True when a PostgreSQL server answers at `url` within a second. */
export async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** DATABASE_URL, or the embedded server under .data/postgres (reused when already running), with a `caseflow` database. */
export async function localDatabase(config: LocalConfig, log: (line: string) => void = () => undefined): Promise<LocalDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  const adminUrl = `postgres://postgres:caseflow-local@127.0.0.1:${config.EMBEDDED_PG_PORT}/postgres`;
  let stop = async () => undefined as void;
  if (!(await answers(adminUrl))) {
    log(`starting the embedded PostgreSQL (data in ${PG_DIR}) on port ${config.EMBEDDED_PG_PORT}`);
    const server = await startEmbeddedPostgres({ dataDir: PG_DIR, port: config.EMBEDDED_PG_PORT, persistent: true });
    stop = () => server.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(adminUrl, DATABASE_NAME), embedded: true, stop };
}

/** Each subgraph's database URL: its own setting, else the shared one. */
export function databaseUrlFor(config: LocalConfig, shared: string) {
  const own: Record<string, string | undefined> = {
    clients: config.CLIENTS_DATABASE_URL,
    plans: config.PLANS_DATABASE_URL,
    referrals: config.REFERRALS_DATABASE_URL,
    resources: config.RESOURCES_DATABASE_URL,
  };
  return (name: string) => own[name] ?? shared;
}
