/**
 * What the local tools share: the git-ignored `.data/` folder (embedded
 * PostgreSQL data, its passwords and the development keys) and the database
 * to use, as each subgraph's runtime role and owner role — DATABASE_URL and
 * MIGRATION_DATABASE_URL (or their per-subgraph variants) when set,
 * otherwise the embedded server (started if needed), whose roles are made here;
 * and the queue of the domain events (EVENTS_DATABASE_URL, or the embedded
 * server's `events` schema as its own role).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { z } from 'zod';
import { loadConfigOrExit, setting } from '@caseflow/config';
import {
  embeddedUrl,
  ensureDatabasePasswords,
  provisionSubgraphRoles,
  startEmbeddedPostgres,
  subgraphRoles,
  withCredentials,
  withDatabase,
} from '@caseflow/db';
import { EVENTS_SCHEMA } from '@caseflow/events';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from '@caseflow/platform';

export const ROOT = join(__dirname, '..', '..');
export const DATA_DIR = join(ROOT, '.data');
export const KEYS_DIR = join(DATA_DIR, 'keys');
export const PG_DIR = join(DATA_DIR, 'postgres');
export const DATABASE_NAME = 'caseflow';
/** The embedded server's passwords (superuser, and each subgraph's owner and runtime roles), mode 0600. */
export const PASSWORDS_FILE = join(KEYS_DIR, 'db-passwords.json');

export function localConfig() {
  return loadConfigOrExit(
    z.object({
      NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
      DATABASE_URL: setting.optionalUrl(),
      CLIENTS_DATABASE_URL: setting.optionalUrl(),
      PLANS_DATABASE_URL: setting.optionalUrl(),
      REFERRALS_DATABASE_URL: setting.optionalUrl(),
      RESOURCES_DATABASE_URL: setting.optionalUrl(),
      NOTIFICATIONS_DATABASE_URL: setting.optionalUrl(),
      MIGRATION_DATABASE_URL: setting.optionalUrl(),
      CLIENTS_MIGRATION_DATABASE_URL: setting.optionalUrl(),
      PLANS_MIGRATION_DATABASE_URL: setting.optionalUrl(),
      REFERRALS_MIGRATION_DATABASE_URL: setting.optionalUrl(),
      RESOURCES_MIGRATION_DATABASE_URL: setting.optionalUrl(),
      NOTIFICATIONS_MIGRATION_DATABASE_URL: setting.optionalUrl(),
      EVENTS_DATABASE_URL: setting.optionalUrl(),
      EMBEDDED_PG_PORT: setting.port(54329),
      HOST: setting.string('127.0.0.1'),
      GATEWAY_PORT: setting.port(4000),
      CLIENTS_PORT: setting.port(4001),
      PLANS_PORT: setting.port(4002),
      REFERRALS_PORT: setting.port(4003),
      RESOURCES_PORT: setting.port(4004),
      NOTIFICATIONS_PORT: setting.port(4005),
      AUTH_ISSUER: setting.string('caseflow-dev'),
      AUTH_AUDIENCE: setting.string('caseflow'),
      // The gateway's public directory (anonymous readers of the HSDS API and the directory queries); off by default.
      DIRECTORY_PUBLIC: setting.boolean(false),
      LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'warn'),
    }),
  );
}

export type LocalConfig = ReturnType<typeof localConfig>;

export interface LocalDatabase {
  /** Each subgraph's database as its runtime role (what the services connect as). */
  runtimeUrlFor(name: SubgraphName): string;
  /** Each subgraph's database as its owner role (migrations, seeding, imports). */
  migrationUrlFor(name: SubgraphName): string;
  /** The queue of the domain events, as the role owning the `events` schema (EVENTS_DATABASE_URL; without it, beside DATABASE_URL, events are off). */
  eventsUrl?: string;
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

/** A subgraph's own `<NAME>_DATABASE_URL` or `<NAME>_MIGRATION_DATABASE_URL`, when set. */
function configured(config: LocalConfig, name: SubgraphName, kind: 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'): string | undefined {
  const own: Record<SubgraphName, Record<typeof kind, string | undefined>> = {
    clients: { DATABASE_URL: config.CLIENTS_DATABASE_URL, MIGRATION_DATABASE_URL: config.CLIENTS_MIGRATION_DATABASE_URL },
    plans: { DATABASE_URL: config.PLANS_DATABASE_URL, MIGRATION_DATABASE_URL: config.PLANS_MIGRATION_DATABASE_URL },
    referrals: { DATABASE_URL: config.REFERRALS_DATABASE_URL, MIGRATION_DATABASE_URL: config.REFERRALS_MIGRATION_DATABASE_URL },
    resources: { DATABASE_URL: config.RESOURCES_DATABASE_URL, MIGRATION_DATABASE_URL: config.RESOURCES_MIGRATION_DATABASE_URL },
    notifications: {
      DATABASE_URL: config.NOTIFICATIONS_DATABASE_URL,
      MIGRATION_DATABASE_URL: config.NOTIFICATIONS_MIGRATION_DATABASE_URL,
    },
  };
  return own[name][kind];
}

/**
 * DATABASE_URL's server (the operator made the roles; see docs/operations.md),
 * or the embedded server under .data/postgres (reused when already running)
 * with a `caseflow` database and each subgraph's roles, their random
 * passwords kept in .data/keys/db-passwords.json.
 */
export async function localDatabase(config: LocalConfig, log: (line: string) => void = () => undefined): Promise<LocalDatabase> {
  if (config.DATABASE_URL) {
    const shared = config.DATABASE_URL;
    return {
      runtimeUrlFor: (name) => configured(config, name, 'DATABASE_URL') ?? shared,
      migrationUrlFor: (name) => {
        const url = configured(config, name, 'MIGRATION_DATABASE_URL') ?? config.MIGRATION_DATABASE_URL;
        if (!url)
          throw new Error(
            `${name.toUpperCase()}_MIGRATION_DATABASE_URL or MIGRATION_DATABASE_URL (the ${name} owner role) is required to migrate`,
          );
        return url;
      },
      eventsUrl: config.EVENTS_DATABASE_URL,
      embedded: false,
      stop: async () => undefined,
    };
  }
  if (existsSync(join(PG_DIR, 'PG_VERSION')) && !existsSync(PASSWORDS_FILE)) {
    throw new Error(
      `${PG_DIR} was made before the embedded PostgreSQL had a password of its own: remove that folder to start afresh (the demo data is loaded again)`,
    );
  }
  const schemas = [...SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name].dbSchema), EVENTS_SCHEMA];
  const passwords = ensureDatabasePasswords(PASSWORDS_FILE, schemas);
  const adminUrl = embeddedUrl(config.EMBEDDED_PG_PORT, passwords.superuser);
  let stop = async () => undefined as void;
  if (!(await answers(adminUrl))) {
    log(`starting the embedded PostgreSQL (data in ${PG_DIR}) on port ${config.EMBEDDED_PG_PORT}`);
    const server = await startEmbeddedPostgres({
      dataDir: PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      persistent: true,
      password: passwords.superuser,
    });
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
  const databaseUrl = withDatabase(adminUrl, DATABASE_NAME);
  const urls = {} as Record<SubgraphName, { owner: string; runtime: string }>;
  for (const name of SUBGRAPH_NAMES) {
    const schema = SUBGRAPHS[name].dbSchema;
    const roles = subgraphRoles(schema);
    await provisionSubgraphRoles(databaseUrl, schema, roles, passwords.roles[schema]);
    urls[name] = {
      owner: withCredentials(databaseUrl, roles.owner, passwords.roles[schema].owner),
      runtime: withCredentials(databaseUrl, roles.runtime, passwords.roles[schema].runtime),
    };
  }
  // The queue's role owns its schema, as a broker's own credentials would (its runtime role stays unused).
  const eventsRoles = subgraphRoles(EVENTS_SCHEMA);
  await provisionSubgraphRoles(databaseUrl, EVENTS_SCHEMA, eventsRoles, passwords.roles[EVENTS_SCHEMA]);
  return {
    runtimeUrlFor: (name) => configured(config, name, 'DATABASE_URL') ?? urls[name].runtime,
    migrationUrlFor: (name) => configured(config, name, 'MIGRATION_DATABASE_URL') ?? urls[name].owner,
    eventsUrl: config.EVENTS_DATABASE_URL ?? withCredentials(databaseUrl, eventsRoles.owner, passwords.roles[EVENTS_SCHEMA].owner),
    embedded: true,
    stop,
  };
}
