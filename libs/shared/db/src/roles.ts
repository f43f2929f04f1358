/**
 * Least privilege in PostgreSQL: each subgraph has an OWNER role, which owns
 * its schema and every table in it and runs its migrations, and a RUNTIME
 * role, which the service connects as. The runtime role is no superuser,
 * owns nothing, and holds only the privileges the service uses: SELECT,
 * INSERT and UPDATE (DELETE only for a subgraph that deletes rows), and on
 * append-only tables (the audit table, history tables) INSERT and SELECT
 * only. Without ownership it cannot `ALTER TABLE … DISABLE TRIGGER`; without
 * superuser it cannot `SET session_replication_role`: the database keeps
 * history as written.
 */
import { Client } from 'pg';

export interface SubgraphRoles {
  owner: string;
  runtime: string;
}

export interface RolePasswords {
  owner: string;
  runtime: string;
}

/** What the runtime role may do to the subgraph's ordinary tables. */
export interface RuntimePrivileges {
  /** Whether the service deletes rows (only the directory does). */
  deletes?: boolean;
}

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The rows of a query, whether `db` is a TypeORM query runner (rows) or a pg client (a result with rows). */
async function rowsOf<T>(db: Queryable, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await db.query(sql, parameters);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The extensions the migrations use. An extension belongs to the whole
 * database, so it is installed with the roles, by the admin: the owner roles
 * have no CREATE on the database (the migrations' `CREATE EXTENSION IF NOT
 * EXISTS` then finds it there).
 */
export const DATABASE_EXTENSIONS = ['pg_trgm', 'cube', 'earthdistance', 'unaccent'] as const;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a role or schema name after checking it is a plain lower-case identifier. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain PostgreSQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * The two roles of a subgraph. Roles belong to the whole server, not a
 * database, so several installations (or test databases) on one server give
 * a prefix of their own.
 */
export function subgraphRoles(schema: string, prefix = 'caseflow'): SubgraphRoles {
  const roles = { owner: `${prefix}_${schema}_owner`, runtime: `${prefix}_${schema}_runtime` };
  identifier(roles.owner);
  identifier(roles.runtime);
  return roles;
}

/** `url` with another user and password (the same server and database). */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The user name in a connection URL. */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

async function roleExists(client: Client, role: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  return rowCount === 1;
}

/**
 * Creates (or brings up to date) a subgraph's two roles and hands it its
 * schema, connected as a role that may create roles (the embedded server's
 * superuser, the test server's, or an operator's admin), with the
 * extensions the migrations use. An existing schema
 * made before roles existed is handed over whole: the owner role takes every
 * table, sequence and function in it.
 */
export async function provisionSubgraphRoles(
  adminUrl: string,
  schema: string,
  roles: SubgraphRoles,
  passwords: RolePasswords,
): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>('SELECT quote_ident(current_database()) AS db')).rows[0].db;
    const login = async (role: string, password: string) => {
      const verb = (await roleExists(client, role)) ? 'ALTER' : 'CREATE';
      const literal = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [password])).rows[0].q;
      await client.query(
        `${verb} ROLE ${identifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD ${literal}`,
      );
      await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${identifier(role)}`);
    };
    await login(roles.owner, passwords.owner);
    await login(roles.runtime, passwords.runtime);
    const owner = identifier(roles.owner);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(schema)} AUTHORIZATION ${owner}`);
    await client.query(`ALTER SCHEMA ${identifier(schema)} OWNER TO ${owner}`);
    // The runtime role may look into the schema (the check for pending migrations) before the first migration has run.
    await client.query(`GRANT USAGE ON SCHEMA ${identifier(schema)} TO ${identifier(roles.runtime)}`);
    for (const extension of DATABASE_EXTENSIONS) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
    // Tables first (their identity sequences follow), then any sequence standing alone.
    const owned = await client.query<{ kind: string; name: string }>(
      `SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> $2`,
      [schema, roles.owner],
    );
    for (const { kind, name } of owned.rows) await client.query(`ALTER ${kind} ${identifier(schema)}."${name}" OWNER TO ${owner}`);
    const sequences = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $2`,
      [schema, roles.owner],
    );
    for (const { name } of sequences.rows) await client.query(`ALTER SEQUENCE ${identifier(schema)}."${name}" OWNER TO ${owner}`);
    const functions = await client.query<{ signature: string }>(
      `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
      [schema, roles.owner],
    );
    for (const { signature } of functions.rows) await client.query(`ALTER FUNCTION ${signature} OWNER TO ${owner}`);
  } finally {
    await client.end();
  }
}

/**
 * The tables of `schema` that a trigger keeps append-only (by convention the
 * trigger or its function is named `…append_only`), and the migrations table.
 */
async function insertOnlyTables(db: Queryable, schema: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    `SELECT DISTINCT c.relname AS name FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = $1 AND NOT t.tgisinternal AND (t.tgname LIKE '%append\\_only%' OR p.proname LIKE '%append\\_only%')
      ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.name);
}

/**
 * Gives the runtime role exactly what it uses, run by the owner after every
 * migration (idempotent): SELECT, INSERT, UPDATE (and DELETE when the
 * subgraph deletes) on every table, USAGE on every sequence, INSERT and
 * SELECT only on append-only tables, SELECT only on the migrations table
 * (to see that none is pending). Default privileges give a table that a
 * later migration creates the same rights; this step takes an append-only
 * table's extra rights back.
 */
export async function grantRuntimePrivileges(
  db: Queryable,
  schema: string,
  runtimeRole: string,
  privileges: RuntimePrivileges = {},
): Promise<void> {
  const s = identifier(schema);
  const r = identifier(runtimeRole);
  const tableRights = privileges.deletes ? 'SELECT, INSERT, UPDATE, DELETE' : 'SELECT, INSERT, UPDATE';
  await db.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`);
  await db.query(`GRANT ${tableRights} ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
  await db.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
  await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON TABLES FROM ${r}`);
  await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT ${tableRights} ON TABLES TO ${r}`);
  await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE ON SEQUENCES TO ${r}`);
  for (const table of await insertOnlyTables(db, schema)) {
    await db.query(`REVOKE ALL ON ${s}.${identifier(table)} FROM ${r}`);
    await db.query(`GRANT INSERT, SELECT ON ${s}.${identifier(table)} TO ${r}`);
  }
  const migrations = await rowsOf<{ t: string | null }>(db, 'SELECT to_regclass($1) AS t', [`${schema}.migrations`]);
  if (migrations[0].t) {
    await db.query(`REVOKE ALL ON ${s}.migrations FROM ${r}`);
    await db.query(`GRANT SELECT ON ${s}.migrations TO ${r}`);
  }
}
