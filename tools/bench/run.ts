/**
 * One benchmark run: the dataset (generated first when asked for a scale the
 * database does not hold), the four subgraphs and each gateway as separate
 * production processes, every operation at every concurrency through each
 * gateway with real tokens, the statements each caused (pg_stat_statements),
 * the floor query, and each process's peak memory.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { ensureDevKeys } from '@caseflow/auth';
import { organizationTimeZones } from '@caseflow/clients';
import { refreshStalePriorities } from '@caseflow/clients-seed';
import { openDatabase, withCredentials } from '@caseflow/db';
import { random } from '@caseflow/demo';
import { SUBGRAPHS, type ScaleReport, type SubgraphName, datasetOf, migrateSubgraphs, seedAtScale } from '@caseflow/platform';
import { recordOverdueSteps } from '@caseflow/plans';
import { sweepExpiredReferrals } from '@caseflow/referrals';
import { type OtlpReceiver, startOtlpReceiver } from '@caseflow/testing';
import { KEYS_DIR } from '../lib/local';
import { runFloor } from './floor';
import { serviceNode } from './node-runtime';
import { type GraphQLPoster, graphqlPoster, percentile, type PhaseResult, runPhase } from './load';
import { type Fixtures, OPERATIONS, loadFixtures, operation, type TokenSource, tokenSource } from './operations';
import { BENCH_DATABASE, type BenchServerOptions, recreateDatabase, startBenchServer } from './postgres';
import {
  type BenchCode,
  buildApps,
  cpuMsOf,
  type GatewayKind,
  type Memory,
  memoryOf,
  postgresCpuDelta,
  postgresCpuMs,
  type RunningService,
  serveJwks,
  startGateway,
  startSubgraphs,
  stopAll,
} from './processes';
import { type StatementDelta, StatementCounter } from './statements';

const CASELOAD_QUERY = operation('caseload', 'Caseload');

export interface BenchOptions {
  /** The dataset scale to run on; generated first when the database holds another (or none). */
  scale?: number;
  /** Seed of the dataset when one is generated. */
  dataSeed?: number;
  durationSeconds: number;
  warmupSeconds: number;
  /**
   * Seconds of each selected operation, in turn and unmeasured, right after a
   * gateway starts (`--prime`): the first measured phase then finds the
   * processes as the later ones do — hot code compiled, heaps grown — instead
   * of seconds old. 0 leaves it out.
   */
  primeSeconds?: number;
  concurrency: number[];
  gateways: GatewayKind[];
  operations: string[];
  poolMax: number;
  /** Run the services as `npm run build` compiled them (production), or from their TypeScript source through ts-node. */
  code: BenchCode;
  server: BenchServerOptions;
  /** Trace every request (OTLP http/json to a sink in this process, every request sampled), to measure what tracing costs. */
  otel?: boolean;
  /** `--node`: the Node the services and the gateway run on (node-runtime.ts): `current`, a path, or by default a supported one. */
  node?: string;
  /** The token issuer's keys and nothing else (default: the development issuer's, in .data/keys). */
  keys?: { privateKeyPem: string; publicKeyPem: string };
  log: (line: string) => void;
}

export interface OperationRow {
  gateway: GatewayKind;
  operation: string;
  /** The request label (the operation's name, or a mutation of the write mix). */
  label: string;
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second. */
  throughput: number;
  /** SQL statements per request (for the whole phase: null on a write mix's per-mutation rows). */
  statementsPerRequest: number | null;
  statementsByOwner: Record<string, number> | null;
  /** CPU time per request of each process (ms): the services, PostgreSQL and the load generator. Their sum bounds the throughput on this machine. */
  cpuMsPerRequest: Record<string, number> | null;
}

export interface BenchResult {
  startedAt: string;
  seconds: number;
  /** `node`: the load generator's Node; `serviceNode`: the one the services and the gateway ran on. */
  machine: { cpus: number; loadAverage: number[]; node: string; serviceNode?: string };
  options: Omit<BenchOptions, 'log' | 'server' | 'keys'>;
  dataset: ScaleReport;
  rows: OperationRow[];
  floor: { requests: number; p50: number; p95: number; p99: number; ratios: Partial<Record<GatewayKind, number>> };
  memory: Record<string, Memory>;
  /** Statements per caseload request at several page sizes (they should not grow with the page). */
  pageSizes: Partial<Record<GatewayKind, Array<{ first: number; rows: number; statementsPerRequest: number }>>>;
  topStatements: Partial<Record<string, StatementDelta['top']>>;
  errorSamples: string[];
  /** Whether the services traced every request, and how many spans the sink received. */
  tracing: { on: boolean; spans: number };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface CpuSnapshot {
  processes: Record<string, number | null>;
  postgres: Map<number, number> | null;
}

function cpuSnapshot(services: RunningService[], postgresDir: string | undefined): CpuSnapshot {
  const processes: Record<string, number | null> = Object.fromEntries(
    services.map((s) => [s.name.replace(/^gateway:.*/, 'gateway'), cpuMsOf(s.service.child.pid)]),
  );
  const own = process.cpuUsage();
  processes['load generator'] = (own.user + own.system) / 1000;
  return { processes, postgres: postgresCpuMs(postgresDir) };
}

function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): Record<string, number> {
  const result: Record<string, number> = {};
  const per = (ms: number) => round(ms / Math.max(1, requests), 2);
  for (const [name, end] of Object.entries(after.processes)) {
    const start = before.processes[name];
    if (end !== null && start !== null && start !== undefined) result[name] = per(Math.max(0, end - start));
  }
  const postgres = postgresCpuDelta(before.postgres, after.postgres);
  if (postgres !== null) result.postgres = per(postgres);
  return result;
}

function rowsOf(
  gateway: GatewayKind,
  operation: string,
  concurrency: number,
  phase: PhaseResult,
  statements: StatementDelta,
  cpu: Record<string, number>,
): OperationRow[] {
  const perRequest = (n: number) => round(n / Math.max(1, phase.requests), 1);
  const row = (label: string, latencies: number[], errors: number, withStatements: boolean): OperationRow => ({
    gateway,
    operation,
    label,
    concurrency,
    requests: latencies.length,
    errors,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    throughput: round(latencies.length / phase.seconds, 1),
    statementsPerRequest: withStatements ? perRequest(statements.total) : null,
    statementsByOwner: withStatements ? Object.fromEntries(Object.entries(statements.byOwner).map(([k, v]) => [k, perRequest(v)])) : null,
    cpuMsPerRequest: withStatements ? cpu : null,
  });
  const labels = Object.entries(phase.labels);
  if (labels.length === 1 && labels[0][0] === operation) return [row(operation, labels[0][1].latencies, labels[0][1].errors, true)];
  const all = labels.flatMap(([, s]) => s.latencies);
  return [row(operation, all, phase.errors, true), ...labels.map(([label, s]) => row(label, s.latencies, s.errors, false))];
}

/** The caseload of the case manager with the most clients, at page sizes 5, 25 and 50: the statements each request causes. */
async function statementsByPageSize(
  poster: GraphQLPoster,
  tokens: TokenSource,
  fixtures: Fixtures,
  counter: StatementCounter,
): Promise<BenchResult['pageSizes']['apollo']> {
  const busiest = [...fixtures.caseManagers].sort(
    (a, b) => (fixtures.clientsOf.get(b.id)?.length ?? 0) - (fixtures.clientsOf.get(a.id)?.length ?? 0),
  )[0];
  const sizes = [];
  // Once first, uncounted: what services cache for a minute (the staff check, the agency's time zone) is then warm for every size alike.
  await poster.post(JSON.stringify({ query: CASELOAD_QUERY, variables: { first: 5 } }), await tokens.token(busiest));
  for (const first of [5, 25, 50]) {
    const before = await counter.snapshot();
    let rows = 0;
    const requests = 5;
    for (let i = 0; i < requests; i += 1) {
      const { text } = await poster.post(JSON.stringify({ query: CASELOAD_QUERY, variables: { first } }), await tokens.token(busiest));
      rows = (JSON.parse(text) as { data?: { myCaseload?: { edges?: unknown[] } } }).data?.myCaseload?.edges?.length ?? 0;
    }
    const delta = StatementCounter.delta(before, await counter.snapshot());
    sizes.push({ first, rows, statementsPerRequest: round(delta.total / requests, 1) });
  }
  return sizes;
}

/** The dataset to run on: the one the database holds, or a new one at `scale`. */
async function ensureDataset(adminUrl: string, url: string, options: BenchOptions): Promise<ScaleReport> {
  const existing = await datasetOf(url).catch(() => null);
  if (existing && (options.scale === undefined || existing.scale === options.scale)) return existing;
  if (options.scale === undefined) throw new Error('no benchmark dataset yet: run `npm run seed -- --scale N` first (or pass --scale)');
  options.log(
    existing
      ? `the database holds scale ${existing.scale}; generating scale ${options.scale}`
      : `generating the dataset at scale ${options.scale}`,
  );
  await recreateDatabase(adminUrl);
  return seedAtScale(() => url, { scale: options.scale, seed: options.dataSeed ?? 1, log: options.log });
}

const EVENTS_ROLE = 'caseflow_bench_events';

/**
 * The queue of the domain events under a role of its own, as an installation
 * has it: its schema, and a fresh password each run. The statement counter
 * leaves that role's statements out (the queue's polling and upkeep run
 * whatever the load).
 */
async function eventsRoleUrl(url: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EVENTS_ROLE])).rowCount;
    await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${EVENTS_ROLE} LOGIN SUPERUSER PASSWORD '${password}'`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS events AUTHORIZATION ${EVENTS_ROLE}`);
  } finally {
    await client.end();
  }
  return withCredentials(url, EVENTS_ROLE, password);
}

/** Waits until every outbox is relayed and the queue holds nothing unfinished, twice in a row (at most two minutes). */
async function settleEvents(url: string, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const producers = (
      await client.query<{ schema: string }>(
        `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox_event'`,
      )
    ).rows.map((r) => r.schema);
    const backlog = producers
      .map((schema) => `(SELECT count(*) FROM "${schema}".outbox_event WHERE published_at IS NULL)`)
      .concat(`(SELECT count(*) FROM events.job WHERE state IN ('created', 'retry', 'active'))`)
      .join(' + ');
    const deadline = Date.now() + 120_000;
    let quiet = 0;
    while (quiet < 2 && Date.now() < deadline) {
      const { rows } = await client.query<{ n: string }>(`SELECT ${backlog} AS n`);
      quiet = Number(rows[0].n) === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (quiet < 2) log('the domain events did not settle within two minutes; measuring anyway');
  } finally {
    await client.end();
  }
}

/**
 * What the background jobs would do in the first minute, done before measuring (so that no job runs into a measurement):
 * the stale priorities, the expired referrals, and the steps that fell overdue since the last run (the dataset's dates
 * are fixed, so every day some do; the job's steady tick, which finds none, still runs during the measurement).
 */
async function settleJobs(url: string): Promise<void> {
  for (const name of ['clients', 'referrals', 'plans'] as SubgraphName[]) {
    const definition = SUBGRAPHS[name];
    const db = await openDatabase({
      url,
      schema: definition.dbSchema,
      entities: definition.entities,
      migrations: definition.migrations,
      poolMax: 2,
      statementTimeoutMs: 0,
    });
    try {
      if (name === 'clients') await refreshStalePriorities(db.dataSource);
      else if (name === 'referrals') await sweepExpiredReferrals(db.dataSource);
      else await recordOverdueSteps(db.dataSource, (ids) => organizationTimeZones(db.dataSource, ids));
    } finally {
      await db.dataSource.destroy();
    }
  }
}

/** VACUUM (ANALYZE) the benchmark's database: seconds on a dataset already vacuumed (the visibility map skips its pages). */
async function vacuumDataset(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const { log } = options;
  const server = await startBenchServer({ ...options.server, statements: true, log });
  const services: RunningService[] = [];
  let jwks: Awaited<ReturnType<typeof serveJwks>> | null = null;
  let counter: StatementCounter | null = null;
  let sink: OtlpReceiver | null = null;
  try {
    const dataset = await ensureDataset(server.adminUrl, server.url, options);
    log(`dataset: scale ${dataset.scale}, seed ${dataset.seed}, ${dataset.rows['clients.client']} clients`);
    // A dataset generated by an earlier version gets the migrations since, and the queue of the domain events (production services refuse to start without them).
    const eventsUrl = await eventsRoleUrl(server.url);
    await migrateSubgraphs({ migrationUrlFor: () => server.url, runtimeUrlFor: () => server.url, eventsUrl });
    counter = await StatementCounter.open(server.adminUrl, server.url, BENCH_DATABASE, [EVENTS_ROLE]);
    await settleJobs(server.url);
    // What the migrations and the jobs just wrote leaves pages without their visibility-map bit (index-only scans then read
    // the heap) until autovacuum comes by, which a 10 % change never calls: every run measures the dataset vacuumed.
    await vacuumDataset(server.url);
    const fixtures = await loadFixtures(server.url);
    if (!fixtures.caseManagers.length || !fixtures.partners.length || !fixtures.analysts.length)
      throw new Error('the dataset has no generated staff (@bench.caseflow)');

    const keys = options.keys ?? ensureDevKeys(KEYS_DIR);
    const tokens = tokenSource(keys.privateKeyPem, process.env.AUTH_ISSUER ?? 'caseflow-dev', process.env.AUTH_AUDIENCE ?? 'caseflow');
    jwks = await serveJwks(keys.publicKeyPem);
    const internalSecret = randomBytes(32).toString('base64url');
    if (options.code === 'compiled') {
      log('building the services (npm run build)');
      buildApps(options.gateways);
    }
    if (options.otel) {
      sink = await startOtlpReceiver({ keepSpans: false });
      log(`tracing on: every request, OTLP http/json to ${sink.endpoint}`);
    }
    const env: Record<string, string> = sink
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }
      : {};
    const node = serviceNode(options.node, log);
    log(`starting the subgraphs (production mode, ${options.code}, one process each, Node ${node.version})`);
    const subgraphs = await startSubgraphs({
      node: node.path,
      databaseUrl: server.url,
      eventsDatabaseUrl: eventsUrl,
      internalSecret,
      poolMax: options.poolMax,
      production: true,
      code: options.code,
      env,
    });
    services.push(...Object.values(subgraphs));
    // The events the preparation recorded (expired referrals) are relayed and applied before anything is measured.
    await settleEvents(server.url, log);

    const rows: OperationRow[] = [];
    const memory: Record<string, Memory> = {};
    const topStatements: BenchResult['topStatements'] = {};
    const pageSizes: BenchResult['pageSizes'] = {};
    const errorSamples: string[] = [];
    const rnd = random(20261123);

    for (const kind of options.gateways) {
      log(`starting the gateway: ${kind}`);
      const gateway = await startGateway(kind, {
        subgraphs,
        internalSecret,
        jwksUrl: jwks.url,
        production: true,
        code: options.code,
        node: node.path,
        env,
      });
      services.push(gateway);
      const poster = graphqlPoster(`${gateway.baseUrl}/graphql`, Math.max(...options.concurrency));
      try {
        const prime = options.primeSeconds ?? 0;
        if (prime > 0) {
          log(`priming: ${options.operations.join(', ')}, ${prime} s each, unmeasured`);
          for (const name of options.operations) {
            await runPhase({
              poster,
              tokens,
              fixtures,
              operation: OPERATIONS[name],
              concurrency: Math.min(4, Math.max(...options.concurrency)),
              durationMs: prime * 1000,
              rnd,
            });
          }
        }
        for (const name of options.operations) {
          const operation = OPERATIONS[name];
          if (options.warmupSeconds > 0) {
            await runPhase({
              poster,
              tokens,
              fixtures,
              operation,
              concurrency: Math.min(4, Math.max(...options.concurrency)),
              durationMs: options.warmupSeconds * 1000,
              rnd,
            });
          }
          for (const concurrency of options.concurrency) {
            // The events an earlier phase's writes recorded are applied before this phase is measured.
            await settleEvents(server.url, log);
            const before = await counter.snapshot();
            const cpuBefore = cpuSnapshot(services, server.dataDir);
            const phase = await runPhase({
              poster,
              tokens,
              fixtures,
              operation,
              concurrency,
              durationMs: options.durationSeconds * 1000,
              rnd,
            });
            const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(services, server.dataDir), phase.requests);
            const statements = StatementCounter.delta(before, await counter.snapshot());
            const phaseRows = rowsOf(kind, name, concurrency, phase, statements, cpu);
            rows.push(...phaseRows);
            if (concurrency === options.concurrency[0]) topStatements[`${kind}:${name}`] = statements.top;
            errorSamples.push(...phase.errorSamples.map((e) => `${kind} c=${concurrency} ${e}`).slice(0, 3));
            const r = phaseRows[0];
            const cpuTotal = round(
              Object.values(cpu).reduce((a, b) => a + b, 0),
              1,
            );
            log(
              `${kind.padEnd(6)} ${name.padEnd(9)} c=${String(concurrency).padEnd(3)} ${r.requests} req, ${r.errors} err, p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.throughput} req/s, ${r.statementsPerRequest} stmt/req, CPU ${cpuTotal} ms/req`,
            );
          }
        }
        if (options.operations.includes('caseload')) {
          // What the measured writes set off (notifications, priorities) is applied first, so that it is not counted as the reads'.
          await settleEvents(server.url, log);
          pageSizes[kind] = await statementsByPageSize(poster, tokens, fixtures, counter);
        }
      } finally {
        poster.close();
        memory[gateway.name] = memoryOf(gateway.service.child.pid);
        await stopAll([gateway]);
        services.splice(services.indexOf(gateway), 1);
      }
    }

    log('the floor: the caseload page in one SQL query');
    const floorRun = await runFloor(
      server.url,
      fixtures.caseManagers.map((s) => s.id),
      options.durationSeconds * 1000,
      rnd,
    );
    const floorP50 = percentile(floorRun.latencies, 50);
    const ratios: BenchResult['floor']['ratios'] = {};
    for (const kind of options.gateways) {
      const caseload = rows.find((r) => r.gateway === kind && r.label === 'caseload' && r.concurrency === options.concurrency[0]);
      if (caseload && floorP50 > 0) ratios[kind] = round(caseload.p50 / floorP50, 1);
    }
    for (const [name, s] of Object.entries(subgraphs)) memory[name] = memoryOf(s.service.child.pid);
    memory['load generator'] = memoryOf(process.pid);

    return {
      startedAt: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      machine: { cpus: cpus().length, loadAverage: loadavg().map((n) => round(n)), node: process.version, serviceNode: node.version },
      options: {
        scale: options.scale,
        dataSeed: options.dataSeed,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        primeSeconds: options.primeSeconds ?? 0,
        concurrency: options.concurrency,
        gateways: options.gateways,
        operations: options.operations,
        poolMax: options.poolMax,
        code: options.code,
        otel: options.otel ?? false,
      },
      dataset,
      rows,
      floor: {
        requests: floorRun.requests,
        p50: round(floorP50),
        p95: round(percentile(floorRun.latencies, 95)),
        p99: round(percentile(floorRun.latencies, 99)),
        ratios,
      },
      memory,
      pageSizes,
      topStatements,
      errorSamples,
      tracing: { on: sink !== null, spans: sink?.spanCount ?? 0 },
    };
  } finally {
    await stopAll(services);
    await jwks?.close();
    await sink?.close();
    await counter?.close();
    await server.stop();
  }
}
