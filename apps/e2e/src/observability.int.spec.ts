/**
 * Traces and metrics end to end, as production runs the platform: the gateway
 * and the four subgraphs each their own process (apps/<name>/src/main.ts),
 * exporting OTLP `http/json` to a receiver in this test, each with its metrics
 * on a port of its own. One caseload request must be one trace across the
 * gateway, the subgraphs and their SQL, with its id in the log lines; each
 * service must count it on its metrics port, never on the public one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStaff, demoWorld } from '@caseflow/demo';
import { SUBGRAPH_NAMES, type SubgraphName, seedDemo } from '@caseflow/platform';
import {
  createTestDatabase,
  createTestIssuer,
  errorCodes,
  freePort,
  type OtlpReceiver,
  postGraphQL,
  promSample,
  type ReceivedSpan,
  type ServiceProcess,
  spawnService,
  startOtlpReceiver,
} from '@caseflow/testing';
import { operation } from './contract';
import { platformRoles } from './harness';

type ServiceName = SubgraphName | 'gateway';
interface Running {
  process: ServiceProcess;
  base: string;
  metrics: string;
}

const START_TIMEOUT_MS = 240_000;
const services = {} as Record<ServiceName, Running>;
let receiver: OtlpReceiver;
let token: string;
const world = demoWorld(new Date());

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const roles = await platformRoles(await createTestDatabase('otel'));
  await seedDemo(roles.migrationUrlFor, world);
  const issuer = createTestIssuer();
  const casey = demoStaff('casey');
  token = await issuer.token({ staffId: casey.id, role: casey.role, organizationId: casey.organizationId });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'caseflow-otel-')), 'issuer.pub.pem');
  writeFileSync(keyFile, issuer.publicKeyPem);

  const names: ServiceName[] = [...SUBGRAPH_NAMES, 'gateway'];
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, [await freePort(), await freePort()]]))) as Record<
    ServiceName,
    [number, number]
  >;
  const base = (name: ServiceName) => `http://127.0.0.1:${ports[name][0]}`;
  const common = {
    INTERNAL_TOKEN_SECRET: randomBytes(24).toString('hex'),
    CLIENTS_URL: base('clients'),
    PLANS_URL: base('plans'),
    REFERRALS_URL: base('referrals'),
    RESOURCES_URL: base('resources'),
    NOTIFICATIONS_URL: base('notifications'),
    LOG_LEVEL: 'debug',
    // Scheduled jobs tick quickly, so that a run is counted within the test.
    JOB_INTERVAL_MS: '250',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  for (const name of names) {
    const own: Record<string, string> =
      name === 'gateway'
        ? {
            GATEWAY_PORT: String(ports.gateway[0]),
            AUTH_PUBLIC_KEY_FILE: keyFile,
            AUTH_ISSUER: issuer.issuer,
            AUTH_AUDIENCE: issuer.audience,
          }
        : {
            [`${name.toUpperCase()}_PORT`]: String(ports[name][0]),
            [`${name.toUpperCase()}_DATABASE_URL`]: roles.runtimeUrlFor(name),
            EVENTS_DATABASE_URL: roles.eventsUrl,
          };
    services[name] = {
      process: spawnService(`apps/${name}/src/main.ts`, { ...common, ...own, METRICS_PORT: String(ports[name][1]) }),
      base: base(name),
      metrics: `http://127.0.0.1:${ports[name][1]}/metrics`,
    };
  }
  await Promise.all(
    names.map((name) => services[name].process.waitFor(name === 'gateway' ? /gateway listening/ : /subgraph listening/, START_TIMEOUT_MS)),
  );
}, START_TIMEOUT_MS + 60_000);

afterAll(async () => {
  const running = Object.values(services);
  for (const { process } of running) process.child.kill('SIGTERM');
  await Promise.all(running.map(({ process }) => process.exited));
  await receiver?.close();
});

/** A W3C traceparent of our own, so that the request's trace id is known before it is sent. */
function traceparent(): { header: string; traceId: string } {
  const traceId = randomBytes(16).toString('hex');
  return { header: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, traceId };
}

async function caseload(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  return postGraphQL(`${services.gateway.base}/graphql`, operation('caseload', 'Caseload'), variables, {
    authorization: `Bearer ${token}`,
    ...headers,
  });
}

const logLines = (name: ServiceName) =>
  services[name].process
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('traces', () => {
  it('one trace covers the gateway, the staff check, the clients, plans and referrals subgraphs and their SQL, with its id in the log lines', async () => {
    const { header, traceId } = traceparent();
    const res = await caseload({ first: 10 }, { traceparent: header });
    expect(errorCodes(res)).toEqual([]);
    const edges = (res.data as { myCaseload: { edges: Array<{ node: { displayName: string } }> } }).myCaseload.edges;
    expect(edges.length).toBeGreaterThan(0);

    const inTrace = (spans: ReceivedSpan[]) => spans.filter((s) => s.traceId === traceId);
    const servers = (spans: ReceivedSpan[], service: string) =>
      inTrace(spans).filter((s) => s.resourceService === `caseflow-${service}` && s.kind === 2);
    const spans = inTrace(
      await receiver.waitFor((all) => ['gateway', 'clients', 'plans', 'referrals'].every((n) => servers(all, n).length > 0)),
    );
    // A little longer, for the SQL spans that end after their request's span was exported.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const all = inTrace(receiver.spans);

    // The referrals' services come from the directory: resources answers in the same trace.
    expect(new Set(all.map((s) => s.resourceService))).toEqual(
      new Set(['caseflow-gateway', 'caseflow-clients', 'caseflow-plans', 'caseflow-referrals', 'caseflow-resources']),
    );
    // The gateway's own span continues the caller's trace; every subgraph's request span is a child of a span of the trace.
    const ids = new Set(all.map((s) => s.spanId));
    const [gatewayRequest] = servers(all, 'gateway');
    expect(gatewayRequest.attributes['caseflow.service']).toBe('gateway');
    for (const name of ['clients', 'plans', 'referrals']) {
      for (const span of servers(all, name)) {
        expect({ name, parentInTrace: ids.has(span.parentSpanId) }).toEqual({ name, parentInTrace: true });
        expect(span.attributes['caseflow.service']).toBe(name);
      }
    }
    // The staff directory check (an internal call over undici) and the GraphQL fetches are the clients subgraph's requests.
    expect(servers(all, 'clients').map((s) => s.attributes['url.path'] ?? s.attributes['http.target'])).toEqual(
      expect.arrayContaining(['/internal/staff', '/graphql']),
    );
    // SQL statements, in each subgraph that answered, as children in the same trace.
    for (const name of ['clients', 'plans', 'referrals']) {
      const sql = all.filter((s) => s.resourceService === `caseflow-${name}` && s.attributes['db.system.name'] === 'postgresql');
      expect({ name, sql: sql.length > 0 }).toEqual({ name, sql: true });
      expect(sql.every((s) => s.attributes['caseflow.service'] === name)).toBe(true);
    }
    // SQL text with its placeholders, never its values.
    expect(all.some((s) => /\$1/.test(String(s.attributes['db.query.text'] ?? '')))).toBe(true);
    // Each subgraph's execution of its part of the query plan.
    for (const name of ['clients', 'plans', 'referrals'])
      expect(all.some((s) => s.resourceService === `caseflow-${name}` && s.name.startsWith(`query Caseload__${name}__`))).toBe(true);
    // No client data in a span: names the answer holds appear in none.
    const exported = JSON.stringify(spans.concat(all));
    for (const { node } of edges) expect(exported).not.toContain(node.displayName);

    // The access lines of that request, in the gateway and in the subgraphs, carry its trace id.
    for (const name of ['gateway', 'clients', 'plans', 'referrals'] as const) {
      const lines = logLines(name).filter((line) => line.message === 'operation answered' && line.traceId === traceId);
      expect({ name, lines: lines.length > 0 }).toEqual({ name, lines: true });
      expect(lines.every((line) => typeof line.spanId === 'string' && ids.has(line.spanId as string))).toBe(true);
    }
  });

  it('a request without a traceparent starts a trace of its own at the gateway', async () => {
    const before = new Set(receiver.spans.map((s) => s.traceId));
    expect(errorCodes(await caseload({ first: 1 }))).toEqual([]);
    const isRoot = (s: ReceivedSpan) =>
      !before.has(s.traceId) && s.resourceService === 'caseflow-gateway' && s.kind === 2 && !s.parentSpanId;
    const spans = await receiver.waitFor((all) => {
      const root = all.find(isRoot);
      return root !== undefined && all.some((s) => s.traceId === root.traceId && s.resourceService === 'caseflow-plans' && s.kind === 2);
    });
    const roots = spans.filter(isRoot);
    expect(roots).toHaveLength(1);
    // Every request span of a trace the gateway took part in since is of that one trace. (Scheduled jobs and the domain
    // events applied meanwhile are traces of their own, whose internal calls the gateway has no part in.)
    const gatewayTraces = new Set(
      spans.filter((s) => !before.has(s.traceId) && s.resourceService === 'caseflow-gateway').map((s) => s.traceId),
    );
    const requests = spans.filter((s) => gatewayTraces.has(s.traceId) && s.kind === 2);
    expect(new Set(requests.map((s) => s.traceId))).toEqual(new Set([roots[0].traceId]));
  });
});

describe('metrics', () => {
  const scrape = async (name: ServiceName) => {
    const response = await fetch(services[name].metrics);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('each service counts the request by operation and outcome, errors by code, its pool and its job runs, on its own port', async () => {
    const before = await scrape('gateway');
    const ok = { operation: 'Caseload', type: 'query', outcome: 'ok', service: 'gateway' };
    expect(errorCodes(await caseload({ first: 5 }))).toEqual([]);
    const bad = await caseload({ first: -1 });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);

    const gateway = await scrape('gateway');
    expect(
      (promSample(gateway, 'caseflow_graphql_operations_total', ok) ?? 0) -
        (promSample(before, 'caseflow_graphql_operations_total', ok) ?? 0),
    ).toBe(1);
    const errorsOf = (text: string) => promSample(text, 'caseflow_errors_total', { operation: 'Caseload', code: 'BAD_USER_INPUT' }) ?? 0;
    expect(errorsOf(gateway) - errorsOf(before)).toBe(1);
    expect(promSample(gateway, 'caseflow_graphql_operation_duration_seconds_count', { operation: 'Caseload' })).toBeGreaterThanOrEqual(2);
    expect(
      promSample(gateway, 'caseflow_http_requests_total', { route: '/graphql', method: 'POST', status: '200' }),
    ).toBeGreaterThanOrEqual(1);

    for (const name of SUBGRAPH_NAMES) {
      const text = await scrape(name);
      // Resources and notifications answer no operation of this flow.
      if (name !== 'resources' && name !== 'notifications') {
        expect({
          name,
          answered: (promSample(text, 'caseflow_graphql_operations_total', { outcome: 'ok', service: name }) ?? 0) > 0,
        }).toEqual({
          name,
          answered: true,
        });
      }
      for (const state of ['total', 'idle', 'waiting']) {
        expect({ name, state, value: typeof promSample(text, 'caseflow_db_pool_connections', { state, service: name }) }).toEqual({
          name,
          state,
          value: 'number',
        });
      }
      expect(promSample(text, 'caseflow_db_pool_max', { service: name })).toBe(10);
    }

    // The event queues: each producer's outbox (what its relay has yet to send), with its depth and oldest age.
    for (const name of ['clients', 'plans', 'referrals'] as const) {
      const text = await scrape(name);
      expect({
        name,
        depth: typeof promSample(text, 'caseflow_event_queue_depth', { queue: `outbox.${name}`, service: name }),
        age: typeof promSample(text, 'caseflow_event_queue_oldest_seconds', { queue: `outbox.${name}`, service: name }),
      }).toEqual({ name, depth: 'number', age: 'number' });
    }

    // The scheduled jobs (every 250 ms here) are counted with their outcome.
    const jobs = { clients: 'priority', referrals: 'referral-expiry' } as const;
    for (const [name, job] of Object.entries(jobs) as Array<[ServiceName, string]>) {
      const deadline = Date.now() + 10_000;
      let runs = 0;
      while (runs === 0 && Date.now() < deadline) {
        runs = promSample(await scrape(name), 'caseflow_job_runs_total', { job, outcome: 'succeeded' }) ?? 0;
        if (runs === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect({ name, job, counted: runs > 0 }).toEqual({ name, job, counted: true });
      expect(promSample(await scrape(name), 'caseflow_job_runs_total', { job, outcome: 'failed' }) ?? 0).toBe(0);
    }
  });

  it('no public port serves /metrics', async () => {
    for (const name of [...SUBGRAPH_NAMES, 'gateway'] as ServiceName[]) {
      const response = await fetch(`${services[name].base}/metrics`);
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
      expect(await response.text()).not.toContain('caseflow_');
    }
  });
});
