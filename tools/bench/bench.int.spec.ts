/**
 * The benchmark's pieces, against a PostgreSQL of their own (started with
 * pg_stat_statements, as the benchmark starts it): the statement counter,
 * and a short smoke run of the whole benchmark on a tiny dataset. No timing
 * is asserted: only that it runs, measures and reports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedUrl, ensureDatabasePasswords } from '@caseflow/db';
import { createTestIssuer, freePort, type ServiceProcess, spawnService } from '@caseflow/testing';
import { parseBenchArguments } from './main';
import { OPERATION_NAMES } from './operations';
import { formatTable, writeResult } from './report';
import { runBench } from './run';
import { ownerOf, StatementCounter } from './statements';

let dir: string;
let pgDir: string;
let postgres: ServiceProcess;
const server = { adminUrl: '' };

// The embedded server cannot start inside a jest worker: it runs as a process of its own, as for the benchmark.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caseflow-bench-test-'));
  // Its own temporary folder, as the test run's server has: PostgreSQL runs as another user and must reach it.
  pgDir = mkdtempSync(join(tmpdir(), 'caseflow-bench-test-pg-'));
  const port = await freePort();
  const passwords = join(dir, 'db-passwords.json');
  postgres = spawnService('tools/bench/postgres-server.ts', {
    BENCH_PG_DIR: pgDir,
    BENCH_PG_PORT: String(port),
    BENCH_PG_EPHEMERAL: '1',
    BENCH_PG_BULK_LOAD: '1',
    BENCH_PG_PASSWORDS: passwords,
  });
  await postgres.waitFor(/bench postgres ready/, 60_000);
  server.adminUrl = embeddedUrl(port, ensureDatabasePasswords(passwords, []).superuser);
}, 90_000);

afterAll(async () => {
  if (postgres && postgres.child.exitCode === null) {
    postgres.child.kill('SIGTERM');
    await postgres.exited;
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
});

describe('the statement counter', () => {
  it('attributes a statement to the subgraph whose schema it names first', () => {
    expect(ownerOf('SELECT "c"."id" FROM "clients"."client" "c" JOIN plans.goal g ON true')).toBe('clients');
    expect(ownerOf('INSERT INTO referrals.referral_event (id) VALUES ($1)')).toBe('referrals');
    expect(ownerOf('COMMIT')).toBe('other');
  });

  it('counts the statements run in one database between two snapshots, by owner, and none of its own', async () => {
    const admin = new Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE counted');
    await admin.end();
    const url = server.adminUrl.replace(/\/postgres$/, '/counted');
    const counter = await StatementCounter.open(server.adminUrl, url, 'counted');
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      await db.query('CREATE SCHEMA clients');
      await db.query('CREATE TABLE clients.t (id int)');
      const before = await counter.snapshot();
      for (let i = 0; i < 3; i += 1) await db.query('INSERT INTO clients.t (id) VALUES ($1)', [i]);
      await db.query('SELECT count(*) FROM clients.t');
      await db.query('SELECT 1');
      await counter.snapshot();
      const delta = StatementCounter.delta(before, await counter.snapshot());
      expect(delta.total).toBe(5);
      expect(delta.byOwner).toEqual({ clients: 4, other: 1 });
      expect(delta.top.find((t) => t.query.startsWith('INSERT INTO clients.t'))?.calls).toBe(3);
      expect(StatementCounter.delta(await counter.snapshot(), await counter.snapshot())).toEqual({ total: 0, byOwner: {}, top: [] });
    } finally {
      await db.end();
      await counter.close();
    }
  });
});

describe('the benchmark command', () => {
  it('reads its options, refusing what it cannot run', () => {
    expect(parseBenchArguments([])).toMatchObject({
      concurrency: [1, 8, 32],
      gateways: ['apollo', 'hive'],
      operations: OPERATION_NAMES,
      durationSeconds: 10,
      warmupSeconds: 2,
      primeSeconds: 8,
      code: 'compiled',
      otel: false,
    });
    expect(parseBenchArguments(['--source'])).toMatchObject({ code: 'source' });
    expect(parseBenchArguments(['--otel'])).toMatchObject({ otel: true });
    expect(parseBenchArguments(['--prime', '0'])).toMatchObject({ primeSeconds: 0 });
    expect(() => parseBenchArguments(['--prime', '-1'])).toThrow('--prime must be a number from 0 to 600, got -1');
    expect(parseBenchArguments([]).node).toBeUndefined();
    expect(parseBenchArguments(['--node', 'current'])).toMatchObject({ node: 'current' });
    expect(
      parseBenchArguments(['--scale', '100', '--duration', '30', '--concurrency', '1,4', '--gateway', 'hive', '--ops', 'caseload,search']),
    ).toMatchObject({
      scale: 100,
      durationSeconds: 30,
      concurrency: [1, 4],
      gateways: ['hive'],
      operations: ['caseload', 'search'],
    });
    expect(() => parseBenchArguments(['--gateway', 'nginx'])).toThrow('--gateway is apollo, hive or both');
    expect(() => parseBenchArguments(['--ops', 'caseload,dance'])).toThrow('unknown operation(s) dance');
    expect(() => parseBenchArguments(['--concurrency', '0'])).toThrow('--concurrency');
  });

  it('runs every operation through the gateway on a tiny dataset and reports requests, latencies, statements, the floor and memory', async () => {
    const issuer = createTestIssuer('caseflow-dev', 'caseflow');
    const lines: string[] = [];
    const result = await runBench({
      scale: 0.02,
      dataSeed: 7,
      durationSeconds: 1,
      warmupSeconds: 0,
      primeSeconds: 0.2,
      concurrency: [1],
      gateways: ['apollo'],
      operations: OPERATION_NAMES,
      poolMax: 4,
      code: 'source',
      // The Node running the tests (the default may install Node 24 when that one is not supported).
      node: 'current',
      server: { externalUrl: server.adminUrl },
      keys: { privateKeyPem: issuer.privateKeyPem, publicKeyPem: issuer.publicKeyPem },
      log: (line) => lines.push(line),
    });

    expect(result.dataset).toMatchObject({ scale: 0.02, seed: 7 });
    // Each operation ran, unmeasured, as soon as the gateway was up.
    expect(lines).toContain(`priming: ${OPERATION_NAMES.join(', ')}, 0.2 s each, unmeasured`);
    expect(result.options.primeSeconds).toBe(0.2);
    const main = result.rows.filter((r) => r.label === r.operation);
    expect(main.map((r) => r.operation)).toEqual(OPERATION_NAMES);
    for (const row of main) {
      expect({ operation: row.operation, errors: row.errors, measured: row.requests > 0 && row.p50 > 0 && row.p99 >= row.p50 }).toEqual({
        operation: row.operation,
        errors: 0,
        measured: true,
      });
      expect({ operation: row.operation, statements: (row.statementsPerRequest ?? 0) > 0 }).toEqual({
        operation: row.operation,
        statements: true,
      });
    }
    // Every mutation of the write mix is measured on its own.
    expect(result.rows.filter((r) => r.operation === 'write' && r.label !== 'write').map((r) => r.label)).toEqual([
      'write:OpenClient',
      'write:RecordConsent',
      'write:CreateReferral',
      'write:SendReferral',
      'write:AcceptReferral',
    ]);
    expect(main.find((r) => r.operation === 'caseload')?.statementsByOwner).toEqual(
      expect.objectContaining({ clients: expect.any(Number), plans: expect.any(Number) }),
    );
    // The statements of a caseload request do not grow with its page.
    const sizes = result.pageSizes.apollo ?? [];
    expect(sizes.map((s) => s.first)).toEqual([5, 25, 50]);
    expect(sizes[0].rows).toBeLessThan(sizes[2].rows);
    expect(sizes[2].statementsPerRequest).toBe(sizes[0].statementsPerRequest);
    expect(result.floor.requests).toBeGreaterThan(0);
    expect(result.floor.ratios.apollo).toBeGreaterThan(0);
    for (const name of ['clients', 'plans', 'referrals', 'resources', 'gateway:apollo'])
      expect({ name, peak: (result.memory[name]?.peakMb ?? 0) > 0 }).toEqual({ name, peak: true });

    const table = formatTable(result);
    for (const text of ['caseload', 'profile', 'search', 'inbox', 'outcomes', 'write', 'floor', 'peak memory'])
      expect(table).toContain(text);
    const file = writeResult(result, join(dir, 'results'));
    expect(JSON.parse(readFileSync(file, 'utf8')).rows).toHaveLength(result.rows.length);
  }, 180_000);
});
