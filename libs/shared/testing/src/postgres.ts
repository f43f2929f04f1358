/**
 * A real PostgreSQL for the test run: one server per jest run (started in
 * globalSetup, or TEST_DATABASE_URL when set), and a fresh database per suite.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { provisionSubgraphRoles, type SubgraphRoles, subgraphRoles, withCredentials, withDatabase } from '@caseflow/db';

import { TEST_SERVER_URL_ENV } from './env';

export { TEST_SERVER_URL_ENV };

/** The maintenance URL of the run's test server (set by globalSetup). */
export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_ENV];
  if (!url) throw new Error(`${TEST_SERVER_URL_ENV} is not set: run tests through jest with the workspace preset`);
  return url;
}

/** Creates an empty database for one suite and returns its URL. */
export async function createTestDatabase(prefix = 'suite'): Promise<string> {
  const name = `cf_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(testServerUrl(), name);
}

/** Drops a suite's database (needed when TEST_DATABASE_URL points at a shared server). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rows } = await admin.query<{ role: string }>(`SELECT rolname AS role FROM pg_roles WHERE starts_with(rolname, $1)`, [
      `${rolePrefix(name)}_`,
    ]);
    for (const { role } of rows) await admin.query(`DROP ROLE "${role}"`);
  } finally {
    await admin.end();
  }
}

export interface TestSubgraphRoles {
  roles: SubgraphRoles;
  /** The suite's database as the subgraph's owner role (migrations, seeding). */
  ownerUrl: string;
  /** The suite's database as the subgraph's runtime role (what the service connects as). */
  runtimeUrl: string;
}

/** Roles belong to the whole server: a suite's are named after its database, so that suites running at once never share one. */
function rolePrefix(database: string): string {
  const plain = database.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return plain.length <= 40 && /^[a-z_]/.test(plain) ? plain : `cf_${createHash('sha256').update(database).digest('hex').slice(0, 16)}`;
}

/**
 * Makes (or finds) the owner and runtime roles of `schema` in the suite's
 * database at `databaseUrl` (a superuser's URL of that database), exactly as
 * an installation has them. Their passwords are derived from the server's
 * own, so that a second subgraph on the same database (a replica) gets the
 * same ones; nothing is a constant.
 */
export async function testSubgraphRoles(databaseUrl: string, schema: string): Promise<TestSubgraphRoles> {
  const url = new URL(databaseUrl);
  const roles = subgraphRoles(schema, rolePrefix(decodeURIComponent(url.pathname.slice(1))));
  const secret = decodeURIComponent(url.password);
  const password = (role: string) => createHash('sha256').update(`${secret}:${role}`).digest('base64url');
  const passwords = { owner: password(roles.owner), runtime: password(roles.runtime) };
  await provisionSubgraphRoles(databaseUrl, schema, roles, passwords);
  return {
    roles,
    ownerUrl: withCredentials(databaseUrl, roles.owner, passwords.owner),
    runtimeUrl: withCredentials(databaseUrl, roles.runtime, passwords.runtime),
  };
}

/**
 * The role of the domain events' queue in the suite's database: it owns the
 * `events` schema (pg-boss's tables), as `EVENTS_DATABASE_URL` does in an
 * installation; its `ownerUrl` is that URL.
 */
export function testEventsRole(databaseUrl: string): Promise<TestSubgraphRoles> {
  return testSubgraphRoles(databaseUrl, 'events');
}

export interface TestPlatformRoles<N extends string> {
  migrationUrlFor(name: N): string;
  runtimeUrlFor(name: N): string;
}

/** The roles of several subgraphs (by name, with their schema) in one suite's database. */
export async function testPlatformRoles<N extends string>(databaseUrl: string, schemas: Record<N, string>): Promise<TestPlatformRoles<N>> {
  const byName = {} as Record<N, TestSubgraphRoles>;
  for (const name of Object.keys(schemas) as N[]) byName[name] = await testSubgraphRoles(databaseUrl, schemas[name]);
  return { migrationUrlFor: (name) => byName[name].ownerUrl, runtimeUrlFor: (name) => byName[name].runtimeUrl };
}

/** Runs `work` on a connection of its own to `databaseUrl` (e.g. as the database's owner, past the subgraph's role), closed after. */
export async function withConnection<T>(databaseUrl: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
