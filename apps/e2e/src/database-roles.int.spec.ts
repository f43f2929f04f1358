/**
 * Least privilege in the database: each subgraph's runtime role (what its
 * service connects as) may append to and read its audit table and nothing
 * more — no UPDATE, DELETE, TRUNCATE, no disabling the append-only
 * triggers, no `session_replication_role` — is no superuser and owns
 * nothing; and the migration step runs once when started twice at once.
 */
import { Client } from 'pg';
import { grantRuntimePrivileges } from '@caseflow/db';
import { SUBGRAPHS, SUBGRAPH_NAMES, SUBGRAPH_SCHEMAS, type SubgraphName, migrateSubgraphs } from '@caseflow/platform';
import { createTestDatabase, type TestPlatformRoles, testPlatformRoles } from '@caseflow/testing';
import { platformRoles } from './harness';

let databaseUrl: string;
let roles: TestPlatformRoles<SubgraphName>;

beforeAll(async () => {
  databaseUrl = await createTestDatabase('roles');
  roles = await platformRoles(databaseUrl);
});

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const EVENT = `(actor_id, actor_role, actor_organization_id, action, entity_type, entity_id, outcome, request_id)
  VALUES (gen_random_uuid(), 'CASE_MANAGER', gen_random_uuid(), 'READ', 'Client', 'c1', 'ALLOWED', 'roles-test')`;

describe.each(SUBGRAPH_NAMES)('the %s runtime role', (name) => {
  const schema = () => SUBGRAPH_SCHEMAS[name];
  const auditRows = () => withClient(databaseUrl, async (c) => (await c.query(`SELECT * FROM "${schema()}".audit_event ORDER BY id`)).rows);

  it('appends to and reads its audit table, and can neither change, remove nor unprotect a row', async () => {
    await withClient(roles.runtimeUrlFor(name), async (runtime) => {
      await runtime.query(`INSERT INTO "${schema()}".audit_event ${EVENT}`);
      await runtime.query(`INSERT INTO "${schema()}".audit_event ${EVENT}`);
      const read = await runtime.query(`SELECT count(*)::int AS n FROM "${schema()}".audit_event WHERE request_id = 'roles-test'`);
      expect(read.rows).toEqual([{ n: 2 }]);
      const before = await auditRows();

      const attempts: Record<string, string> = {
        update: `UPDATE "${schema()}".audit_event SET outcome = 'DENIED'`,
        delete: `DELETE FROM "${schema()}".audit_event`,
        truncate: `TRUNCATE "${schema()}".audit_event`,
        disableTrigger: `ALTER TABLE "${schema()}".audit_event DISABLE TRIGGER ALL`,
        replicaRole: 'SET session_replication_role = replica',
        replicaRoleLocal: `BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM "${schema()}".audit_event; COMMIT`,
        ownTheTable: `ALTER TABLE "${schema()}".audit_event OWNER TO CURRENT_USER`,
      };
      const outcomes: Record<string, string> = {};
      for (const [attempt, sql] of Object.entries(attempts)) {
        outcomes[attempt] = await runtime.query(sql).then(
          () => 'allowed',
          (error: { code?: string }) => error.code ?? 'unknown',
        );
        await runtime.query('ROLLBACK').catch(() => undefined);
      }
      // 42501 insufficient_privilege: refused by the database's privileges, not by the triggers.
      expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((attempt) => [attempt, '42501'])));
      expect(await auditRows()).toEqual(before);
      expect((await runtime.query('SHOW session_replication_role')).rows).toEqual([{ session_replication_role: 'origin' }]);
    });
  });

  it('is no superuser, owns nothing, and may not write the migrations table', async () => {
    await withClient(roles.runtimeUrlFor(name), async (runtime) => {
      const { rows } = await runtime.query(`SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
          (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS relations,
          (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
          (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS functions
        FROM pg_roles r WHERE r.rolname = current_user`);
      expect(rows).toEqual([
        { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, relations: 0, schemas: 0, functions: 0 },
      ]);
      await expect(runtime.query(`DELETE FROM "${schema()}".migrations`)).rejects.toMatchObject({ code: '42501' });
      await expect(runtime.query(`CREATE TABLE "${schema()}".sneaky (id int)`)).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('deletes rows only in the subgraph that deletes (the directory)', async () => {
    const rights = await withClient(
      roles.runtimeUrlFor(name),
      async (runtime) =>
        (
          await runtime.query(
            `SELECT bool_or(has_table_privilege(c.oid, 'DELETE')) AS deletes, bool_and(has_table_privilege(c.oid, 'SELECT')) AS reads
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname NOT IN ('audit_event', 'migrations')`,
            [schema()],
          )
        ).rows[0],
    );
    expect(rights).toEqual({ deletes: name === 'resources', reads: true });
  });
});

describe('tables a later migration adds', () => {
  it('get the runtime rights by default, and an append-only one INSERT and SELECT only once the grants are applied', async () => {
    const runtimeRole = new URL(roles.runtimeUrlFor('plans')).username;
    await withClient(roles.migrationUrlFor('plans'), async (owner) => {
      await owner.query('CREATE TABLE plans.later_table (id int PRIMARY KEY, note text)');
      await owner.query(`CREATE TABLE plans.later_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)`);
      await owner.query(
        `CREATE FUNCTION plans.later_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$`,
      );
      await owner.query(
        `CREATE TRIGGER later_history_append_only BEFORE UPDATE OR DELETE ON plans.later_history FOR EACH ROW EXECUTE FUNCTION plans.later_history_append_only()`,
      );
      await grantRuntimePrivileges(owner, 'plans', runtimeRole);
    });
    await withClient(roles.runtimeUrlFor('plans'), async (runtime) => {
      await runtime.query(`INSERT INTO plans.later_table VALUES (1, 'a')`);
      await runtime.query(`UPDATE plans.later_table SET note = 'b' WHERE id = 1`);
      expect((await runtime.query('SELECT note FROM plans.later_table')).rows).toEqual([{ note: 'b' }]);
      await runtime.query(`INSERT INTO plans.later_history (note) VALUES ('kept')`);
      await expect(runtime.query(`UPDATE plans.later_history SET note = 'changed'`)).rejects.toMatchObject({ code: '42501' });
      await expect(runtime.query('TRUNCATE plans.later_history')).rejects.toMatchObject({ code: '42501' });
      expect((await runtime.query('SELECT note FROM plans.later_history')).rows).toEqual([{ note: 'kept' }]);
    });
  });
});

describe('an installation migrated before roles existed', () => {
  it('is handed over whole: the owner roles take every table, sequence and function, the runtime roles own nothing', async () => {
    const url = await createTestDatabase('legacy');
    // As before: every subgraph migrated by the server's superuser.
    await migrateSubgraphs({ migrationUrlFor: () => url, runtimeUrlFor: () => url });
    const upgraded = await testPlatformRoles(url, SUBGRAPH_SCHEMAS);
    await migrateSubgraphs(upgraded);
    const owners = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT n.nspname AS schema, array_agg(DISTINCT pg_get_userbyid(o.owner))::text[] AS owners FROM (
             SELECT relnamespace AS ns, relowner AS owner FROM pg_class WHERE relkind IN ('r', 'S', 'i')
             UNION ALL SELECT pronamespace, proowner FROM pg_proc
             UNION ALL SELECT oid, nspowner FROM pg_namespace) o
           JOIN pg_namespace n ON n.oid = o.ns WHERE n.nspname = ANY($1) GROUP BY 1 ORDER BY 1`,
            [Object.values(SUBGRAPH_SCHEMAS)],
          )
        ).rows,
    );
    const ownerRole = (name: SubgraphName) => new URL(upgraded.migrationUrlFor(name)).username;
    expect(owners).toEqual([...SUBGRAPH_NAMES].sort().map((name) => ({ schema: SUBGRAPH_SCHEMAS[name], owners: [ownerRole(name)] })));
    await withClient(upgraded.runtimeUrlFor('clients'), async (runtime) => {
      await expect(runtime.query('DELETE FROM clients.audit_event')).rejects.toMatchObject({ code: '42501' });
      await expect(runtime.query('SET session_replication_role = replica')).rejects.toMatchObject({ code: '42501' });
    });
  });
});

describe('the migration step', () => {
  it('run twice at once migrates once: no error from either, each migration recorded once', async () => {
    const url = await createTestDatabase('migrate_twice');
    const fresh = await testPlatformRoles(url, SUBGRAPH_SCHEMAS);
    await Promise.all([migrateSubgraphs(fresh), migrateSubgraphs(fresh)]);
    const counts = await withClient(url, async (c) => {
      const out: Record<string, { total: number; distinct: number }> = {};
      for (const name of SUBGRAPH_NAMES) {
        out[name] = (
          await c.query(`SELECT count(*)::int AS total, count(DISTINCT name)::int AS distinct FROM "${SUBGRAPH_SCHEMAS[name]}".migrations`)
        ).rows[0];
      }
      return out;
    });
    const defined = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, (SUBGRAPHS[name].migrations as unknown[]).length]));
    expect(counts).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { total: defined[name], distinct: defined[name] }])));
  });
});
