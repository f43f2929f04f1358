/**
 * Two replicas of every subgraph, each its own process, behind one gateway
 * given both addresses of each (round-robin). Under a steady load of the
 * users' operations (the contract's queries, and writes that carry a
 * clientMutationId), one replica of each subgraph is killed (SIGKILL, no
 * drain). Every request must be answered without the caller retrying (the
 * gateway and the peer calls resend what is safe to resend to the surviving
 * replica), every acknowledged write must be there once, and the background
 * jobs must have run once per tick across the replicas, carrying on in the
 * survivors.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLogger } from '@caseflow/core';
import { demoStaff, demoWorld, HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { createGateway, type Gateway } from '@caseflow/gateway';
import { seedDemo, SUBGRAPH_NAMES, SUPERGRAPH_FILE, type SubgraphName } from '@caseflow/platform';
import {
  createTestDatabase,
  createTestIssuer,
  freePort,
  type GraphQLResponse,
  postGraphQL,
  type ServiceProcess,
  spawnService,
  type TestIssuer,
} from '@caseflow/testing';
import { Client } from 'pg';
import { operation } from './contract';
import { LIFTED_BUDGETS, type PlatformRoles, platformRoles } from './harness';

// Eight service processes start under ts-node first: generous on a busy machine; the load itself takes about 15 s.
jest.setTimeout(240_000);

const JOB_INTERVAL_MS = 1000;
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type StaffKey = Parameters<typeof demoStaff>[0];

interface Replica {
  name: SubgraphName;
  port: number;
  process: ServiceProcess;
}

let databaseUrl: string;
let roles: PlatformRoles;
let issuer: TestIssuer;
let replicas: Replica[] = [];
let gateway: Gateway;
let gatewayUrl: string;

const world = demoWorld(new Date());

beforeAll(async () => {
  databaseUrl = await createTestDatabase('replicas');
  roles = await platformRoles(databaseUrl);
  await seedDemo(roles.migrationUrlFor, world);
  issuer = createTestIssuer();
  const internalSecret = randomBytes(24).toString('hex');
  const taken = new Set<number>();
  // Two public ports and two metrics ports a subgraph: the replicas share a machine, so none may take the default metrics port.
  while (taken.size < SUBGRAPH_NAMES.length * 4) taken.add(await freePort());
  const free = [...taken];
  const metricsPorts = free.splice(SUBGRAPH_NAMES.length * 2);
  const ports = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, free.slice(2 * i, 2 * i + 2)])) as Record<SubgraphName, number[]>;
  const baseUrls = (name: SubgraphName) => ports[name].map((port) => `http://127.0.0.1:${port}`);
  const peers = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, baseUrls(name).join(',')]));
  replicas = SUBGRAPH_NAMES.flatMap((name) =>
    ports[name].map((port, i) => ({
      name,
      port,
      process: spawnService(`apps/${name}/src/main.ts`, {
        [`${name.toUpperCase()}_PORT`]: String(port),
        METRICS_PORT: String(metricsPorts[2 * SUBGRAPH_NAMES.indexOf(name) + i]),
        [`${name.toUpperCase()}_DATABASE_URL`]: roles.runtimeUrlFor(name),
        EVENTS_DATABASE_URL: roles.eventsUrl,
        INTERNAL_TOKEN_SECRET: internalSecret,
        JOB_INTERVAL_MS: String(JOB_INTERVAL_MS),
        DB_POOL_MAX: '4',
        LOG_LEVEL: 'debug',
        ...peers,
      }),
    })),
  );
  await Promise.all(replicas.map((r) => r.process.waitFor(/subgraph listening/, 200_000)));
  gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, baseUrls(name).map((url) => `${url}/graphql`)])),
    resourcesBaseUrl: baseUrls('resources').join(','),
    verifyBearer: issuer.verifier,
    internalSecret,
    logger: createLogger('gateway', 'silent'),
    production: false,
    // A steady load from four workers at machine pace: counted, never refused (the budgets are rate-limits.int.spec.ts's).
    rateLimit: LIFTED_BUDGETS,
  });
  gatewayUrl = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;
});

afterAll(async () => {
  await gateway?.stop();
  for (const r of replicas) if (r.process.child.exitCode === null && r.process.child.signalCode === null) r.process.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => r.process.exited));
});

async function sql<T = Data>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function as(key: StaffKey, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
  const s = demoStaff(key);
  const token = await issuer.token({ staffId: s.id, role: s.role, organizationId: s.organizationId });
  return postGraphQL<Data>(gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
}

/** One of the users' operations; `check` says whether its answer is the one expected. */
interface Operation {
  label: string;
  key: StaffKey;
  query: string;
  variables: Record<string, unknown>;
  check(data: Data): boolean;
  /** What an acknowledged write created, to look for afterwards. */
  acknowledged?(data: Data): void;
}

interface Outcome {
  label: string;
  attempts: number;
  ok: boolean;
  finishedAt: number;
  errors: string[];
}

/**
 * Sends an operation, and again (the same variables, so the same
 * clientMutationId) after a failure, up to 3 times, as a browser would: the
 * test expects no second attempt, and a failure shows what each one got.
 */
async function runWithRetries(op: Operation): Promise<Outcome> {
  const errors: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      const res = await as(op.key, op.query, op.variables);
      if (res.status === 200 && !res.errors?.length && res.data && op.check(res.data)) {
        op.acknowledged?.(res.data);
        return { label: op.label, attempts: attempt, ok: true, finishedAt: Date.now(), errors };
      }
      errors.push(JSON.stringify(res.errors ?? res.status));
    } catch (error) {
      errors.push(String(error));
    }
  }
  return { label: op.label, attempts: 3, ok: false, finishedAt: Date.now(), errors };
}

const opened = new Map<string, string>();
const created = new Map<string, string>();

function operations(clientIds: string[], serviceId: string): Array<() => Operation> {
  let n = 0;
  const next = () => (n += 1);
  return [
    () => ({
      label: 'caseload',
      key: 'casey',
      query: operation('caseload', 'Caseload'),
      variables: { first: 10 },
      check: (d) => d.myCaseload.edges.length > 0,
    }),
    () => ({
      label: 'client-profile',
      key: 'casey',
      query: operation('client-profile', 'ClientProfile'),
      variables: { id: clientIds[next() % clientIds.length] },
      check: (d) => typeof d.client?.id === 'string',
    }),
    () => ({
      label: 'directory-search',
      key: 'pat',
      query: operation('directory-search', 'DirectorySearch'),
      variables: { text: 'food', terms: [], lat: 44.6488, lon: -63.5752, radiusKm: 10, openAt: null },
      check: (d) => d.searchServices.totalCount > 0,
    }),
    () => ({
      label: 'partner-inbox',
      key: 'pat',
      query: operation('partner-inbox', 'PartnerInbox'),
      variables: {},
      check: (d) => d.me.organization.id === NORTHSIDE_ID,
    }),
    () => {
      const key = `replicas-open-${randomUUID()}`;
      return {
        label: 'open-client',
        key: 'casey',
        query: operation('intake', 'OpenClient'),
        variables: { input: { firstName: 'Rowan', lastName: `Replica${next()}`, clientMutationId: key } },
        check: (d) => d.openClient.status === 'INTAKE',
        acknowledged: (d) => void opened.set(key, d.openClient.id),
      };
    },
    () => {
      const key = `replicas-refer-${randomUUID()}`;
      return {
        label: 'create-referral',
        key: 'casey',
        query: operation('refer', 'CreateReferral'),
        variables: {
          input: {
            clientId: clientIds[next() % clientIds.length],
            serviceId,
            need: 'Food and housing: not enough food at home',
            necessaryRationale: 'No food at home this week.',
            appropriateRationale: 'Closest pantry with capacity.',
            clientMutationId: key,
          },
        },
        check: (d) => d.createReferral.status === 'DRAFT',
        acknowledged: (d) => void created.set(key, d.createReferral.id),
      };
    },
  ];
}

/** Workers that send the operations in turn until `done(started)` says stop. */
async function load(kinds: Array<() => Operation>, workers: number, done: (started: number) => boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let turn = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!done(turn)) outcomes.push(await runWithRetries(kinds[turn++ % kinds.length]()));
    }),
  );
  return outcomes;
}

interface JobRunLine {
  job: string;
  tick: number;
}

/** The "job run" lines a replica logged (JSON, one a line). */
function jobRuns(replica: Replica): JobRunLine[] {
  return replica.process
    .output()
    .split('\n')
    .filter((line) => line.includes('"job run"'))
    .map((line) => JSON.parse(line) as JobRunLine);
}

describe('two replicas of each subgraph behind the gateway', () => {
  it('loses no request and no acknowledged write when one replica of each is killed under load, and runs each job tick once', async () => {
    const caseyId = demoStaff('casey').id;
    const clientIds = world.clients
      .filter((c) => c.caseManagerId === caseyId && c.organizationId === HARBOUR_ID && c.status === 'ACTIVE')
      .map((c) => c.id);
    const serviceId = world.services.find((s) => s.organizationId === NORTHSIDE_ID)!.id;
    expect(clientIds.length).toBeGreaterThan(0);
    const kinds = operations(clientIds, serviceId);

    // Both replicas of each subgraph serve while all are up.
    const before = await load(kinds, 4, (started) => started >= 36);

    // Kill one replica of each mid-load (requests in flight), then keep the load on for six seconds.
    let killedAt = Number.POSITIVE_INFINITY;
    const victims = replicas.filter((_, i) => i % 2 === 1);
    const during = load(kinds, 4, () => Date.now() - killedAt > 6000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const v of victims) v.process.child.kill('SIGKILL');
    await Promise.all(victims.map((v) => v.process.exited));
    killedAt = Date.now();
    const after = await during;
    const survivorsTicked = Date.now();

    // No request failed: the gateway and the peer calls sent what was safe to resend to the surviving replica,
    // so not even the caller had to retry.
    const outcomes = [...before, ...after];
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.filter((o) => o.attempts > 1)).toEqual([]);
    expect(after.filter((o) => o.finishedAt > killedAt + 1000).length).toBeGreaterThan(10);

    // The HSDS pass-through (a GET) goes round-robin too, on to the surviving resources replica.
    const pat = demoStaff('pat');
    const authorization = `Bearer ${await issuer.token({ staffId: pat.id, role: pat.role, organizationId: pat.organizationId })}`;
    const statuses: number[] = [];
    for (let n = 0; n < 4; n += 1) {
      const res = await fetch(new URL('/hsds/services', gatewayUrl), { headers: { authorization } });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);

    // Every acknowledged write is there, once.
    expect(opened.size).toBeGreaterThan(3);
    expect(created.size).toBeGreaterThan(3);
    const clients = await sql<{ key: string; id: string }>(
      'SELECT client_mutation_id AS key, id FROM clients.client WHERE client_mutation_id = ANY($1)',
      [[...opened.keys()]],
    );
    expect(new Map(clients.map((c) => [c.key, c.id]))).toEqual(opened);
    expect(clients).toHaveLength(opened.size);
    const referrals = await sql<{ key: string; id: string }>(
      'SELECT client_mutation_id AS key, id FROM referrals.referral WHERE client_mutation_id = ANY($1)',
      [[...created.keys()]],
    );
    expect(new Map(referrals.map((r) => [r.key, r.id]))).toEqual(created);
    expect(referrals).toHaveLength(created.size);

    // The jobs ran once per tick across the replicas, and on in the survivors after the kill.
    const lines = replicas.flatMap(jobRuns);
    const stored = await sql<{ job: string; runs: number }>(
      `SELECT job, runs::int FROM clients.scheduled_job UNION ALL SELECT job, runs::int FROM referrals.scheduled_job ORDER BY job`,
    );
    for (const job of ['priority', 'referral-expiry']) {
      const ticks = lines.filter((l) => l.job === job).map((l) => l.tick);
      expect({ job, duplicated: ticks.filter((t, i) => ticks.indexOf(t) !== i) }).toEqual({ job, duplicated: [] });
      // A replica killed between its claim and its log line leaves one claimed tick unlogged.
      expect(Number(stored.find((s) => s.job === job)?.runs) - ticks.length).toBeGreaterThanOrEqual(0);
      expect(Number(stored.find((s) => s.job === job)?.runs) - ticks.length).toBeLessThanOrEqual(1);
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.floor(survivorsTicked / JOB_INTERVAL_MS) - 2);
    }
  });
});
