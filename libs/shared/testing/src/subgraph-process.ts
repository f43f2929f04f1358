import { Client } from 'pg';
import { createTestDatabase, testEventsRole, testSubgraphRoles } from './postgres';
import { freePort } from './ports';
import { errorCodes, postGraphQL } from './http';
import { spawnService } from './process';

/**
 * The checks every subgraph app's own test makes of its process: bad
 * configuration is refused with every problem listed and exit 1; a good one
 * starts, answers /health and /ready, refuses GraphQL without the internal
 * token, and exits 0 on SIGTERM. It works as the subgraph's runtime role,
 * migrating at boot (development) as its owner role.
 */
export function describeSubgraphProcess(name: string, entry: string): void {
  const prefix = name.toUpperCase();

  it('refuses a bad configuration, listing every problem, with exit code 1', async () => {
    const service = spawnService(entry, { [`${prefix}_PORT`]: 'not-a-port', [`${prefix}_METRICS_PORT`]: '70000', DB_POOL_MAX: '0' });
    expect(await service.exited).toBe(1);
    const output = service.output();
    expect(output).toContain(`${prefix}_PORT must be a whole number, got "not-a-port"`);
    expect(output).toContain(`${prefix}_METRICS_PORT must be between 0 and 65535, got 70000`);
    expect(output).toContain('DB_POOL_MAX must be between 1 and 200, got 0');
    expect(output).toContain(`${prefix}_DATABASE_URL or DATABASE_URL is required`);
    expect(output).toContain('INTERNAL_TOKEN_SECRET is required');
  });

  it('starts, answers health and readiness, refuses GraphQL without the internal token, serves metrics on their own port only, and stops on SIGTERM', async () => {
    // Port 0 for both: the system chooses them as it binds, and the service's log line names them. A port picked
    // here and bound later in the child can be taken in between by a parallel project's outgoing connection.
    const secret = 'test-secret-for-process-check';
    const databaseUrl = await createTestDatabase(`${name}_process`);
    const roles = await testSubgraphRoles(databaseUrl, name);
    const service = spawnService(entry, {
      [`${prefix}_PORT`]: '0',
      METRICS_PORT: '0',
      [`${prefix}_DATABASE_URL`]: roles.runtimeUrl,
      [`${prefix}_MIGRATION_DATABASE_URL`]: roles.ownerUrl,
      EVENTS_DATABASE_URL: (await testEventsRole(databaseUrl)).ownerUrl,
      INTERNAL_TOKEN_SECRET: secret,
      LOG_LEVEL: 'info',
    });
    try {
      await service.waitFor(/subgraph listening/, 60_000);
      const { base, metricsUrl } = listeningAddresses(service.output());
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${base}/ready`)).json()).toEqual({ ready: true });
      const res = await postGraphQL(`${base}/graphql`, '{ _service { sdl } }');
      expect({ status: res.status, codes: errorCodes(res) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
      expect(service.output()).not.toContain(secret);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const metrics = await (await fetch(metricsUrl)).text();
      expect(metrics).toContain(`caseflow_errors_total{operation="(refused)",code="UNAUTHENTICATED",service="${name}"} 1\n`);
      expect(metrics).toMatch(new RegExp(`caseflow_db_pool_connections\\{state="total",service="${name}"\\} [1-9]`));
    } finally {
      service.child.kill('SIGTERM');
    }
    expect(await service.exited).toBe(0);
  });
}

/** The GraphQL base and metrics addresses a service's listening log line ("subgraph listening", "gateway listening") names. */
export function listeningAddresses(output: string, message = 'subgraph listening'): { base: string; metricsUrl: string } {
  const line = output.split('\n').find((l) => l.includes(message));
  const fields = line ? (JSON.parse(line.slice(line.indexOf('{'))) as { url?: unknown; metrics?: unknown }) : {};
  if (typeof fields.url !== 'string' || typeof fields.metrics !== 'string') throw new Error(`no listening addresses in:\n${output}`);
  return { base: fields.url.replace(/\/graphql$/, ''), metricsUrl: fields.metrics };
}

/**
 * In production a service never migrates at boot: with migrations pending
 * (even given its owner role's URL) it refuses to start, says what to run,
 * and leaves the schema as it was.
 */
export function describePendingMigrationsRefusal(name: string, entry: string): void {
  const prefix = name.toUpperCase();

  it('refuses to start in production while migrations are pending, and migrates nothing', async () => {
    const databaseUrl = await createTestDatabase(`${name}_pending`);
    const roles = await testSubgraphRoles(databaseUrl, name);
    const service = spawnService(entry, {
      NODE_ENV: 'production',
      [`${prefix}_PORT`]: String(await freePort()),
      [`${prefix}_DATABASE_URL`]: roles.runtimeUrl,
      [`${prefix}_MIGRATION_DATABASE_URL`]: roles.ownerUrl,
      EVENTS_DATABASE_URL: (await testEventsRole(databaseUrl)).ownerUrl,
      INTERNAL_TOKEN_SECRET: 'test-secret-for-pending-check',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(new RegExp(`schema "${name}" has \\d+ pending migration\\(s\\).*run \`npm run migrate\``));
    expect(service.output()).not.toMatch(/subgraph listening/);
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = $1`, [name]);
      expect(rows).toEqual([{ tables: 0 }]);
    } finally {
      await admin.end();
    }
  });
}
