/**
 * Request budgets at the gateway (rate-limit.ts), over real HTTP, with small
 * rates so that a loop meets them at once: a looping caller is refused with
 * 429, `Retry-After` and RATE_LIMITED on every path (GraphQL, /hsds,
 * /documents, /fhir), nothing reaches a subgraph, and after the wait the
 * server gave it is served again; an unauthenticated loop is stopped by
 * address; and two gateways counting in one PostgreSQL table give a staff
 * member one budget between them. Waits are the server's own `Retry-After`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mintClientToken } from '@caseflow/auth';
import { createLogger } from '@caseflow/core';
import { createGateway, type Gateway, type RateLimitOptions } from '@caseflow/gateway';
import { SUBGRAPH_NAMES, SUPERGRAPH_FILE } from '@caseflow/platform';
import { createServiceMetrics, type ServiceMetrics } from '@caseflow/telemetry';
import { type StaffKey, type TestStack, startTestStack, statementCounts } from './harness';

jest.setTimeout(120_000);

const ME = '{ me { id } }';
const SMALL = { ratePerSecond: 1, burst: 2 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: TestStack;
const started: Gateway[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  for (const gateway of started) await gateway.stop();
  await stack?.stop();
});

/** A gateway in front of the stack's subgraphs with budgets of its own; its base URL. */
async function gatewayWith(rateLimit: RateLimitOptions, metrics?: ServiceMetrics): Promise<string> {
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].url])),
    verifyBearer: stack.issuer.verifier,
    internalSecret: stack.internalSecret,
    logger: createLogger('gateway', 'silent'),
    production: false,
    resourcesBaseUrl: stack.subgraphs.resources.baseUrl,
    rateLimit,
    metrics,
  });
  started.push(gateway);
  return `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
}

const bearer = async (key: StaffKey) => ({ authorization: `Bearer ${await stack.issuer.token(stack.actor(key))}` });

function post(base: string, headers: Record<string, string>, query = ME): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

/** Sends `send` until it is refused with 429 (at most 30 times); the refusal, and the statuses before it. */
async function untilRefused(send: () => Promise<Response>): Promise<{ refusal: Response; before: number[] }> {
  const before: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const response = await send();
    if (response.status === 429) return { refusal: response, before };
    before.push(response.status);
    await response.arrayBuffer();
  }
  throw new Error(`never refused: ${before.join(',')}`);
}

async function expectRateLimited(refusal: Response): Promise<number> {
  expect(refusal.status).toBe(429);
  const retryAfter = Number(refusal.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  const body = (await refusal.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
  return retryAfter;
}

async function refusals(metrics: ServiceMetrics, kind: string): Promise<number> {
  const metric = await metrics.registry.getSingleMetric('caseflow_rate_limited_total')?.get();
  return metric?.values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

describe('a looping caller', () => {
  it('is refused with 429, Retry-After and RATE_LIMITED, reaches no subgraph, and is served again after the wait', async () => {
    const metrics = createServiceMetrics('gateway', { processMetrics: false });
    const base = await gatewayWith({ rates: { staff: SMALL } }, metrics);
    const headers = await bearer('casey');
    const { refusal, before } = await untilRefused(() => post(base, headers));
    expect(before.length).toBeGreaterThanOrEqual(SMALL.ratePerSecond);
    expect(before.every((status) => status === 200)).toBe(true);
    const counts = statementCounts(stack);
    const retryAfter = await expectRateLimited(refusal);
    expect(await refusals(metrics, 'staff')).toBeGreaterThanOrEqual(1);

    // Refused again while the budget is spent: nothing reached a subgraph.
    const again = await untilRefused(() => post(base, headers, 'mutation { __typename }'));
    await expectRateLimited(again.refusal);
    expect(statementCounts(stack)).toEqual(counts);

    await sleep(retryAfter * 1000);
    const served = await post(base, headers);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { data: { me: { id: string } } }).data.me.id).toBe(stack.staff('casey').id);
  });

  it('is refused the same way on the HSDS API, documents and FHIR export', async () => {
    const base = await gatewayWith({ rates: { staff: SMALL } });
    const headers = await bearer('jordan');
    for (const path of ['/hsds/services', `/documents/${randomUUID()}`, `/fhir/Patient/${randomUUID()}/$everything`]) {
      const { refusal, before } = await untilRefused(() => fetch(`${base}${path}`, { headers }));
      expect({ path, served: before.every((status) => status !== 401 && status !== 503) }).toEqual({ path, served: true });
      await expectRateLimited(refusal);
    }
  });

  it('as a machine client is stopped by its own budget, while a person goes on', async () => {
    const metrics = createServiceMetrics('gateway', { processMetrics: false });
    const base = await gatewayWith({ rates: { client: SMALL } }, metrics);
    const token = await mintClientToken(
      stack.issuer.privateKeyPem,
      { clientId: 'looping-211', scopes: ['directory:read'] },
      { issuer: stack.issuer.issuer, audience: stack.issuer.audience },
    );
    const { refusal, before } = await untilRefused(() => fetch(`${base}/hsds/services`, { headers: { authorization: `Bearer ${token}` } }));
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.every((status) => status === 200)).toBe(true);
    await expectRateLimited(refusal);
    expect(await refusals(metrics, 'client')).toBeGreaterThanOrEqual(1);
    expect(await refusals(metrics, 'staff')).toBe(0);
    // A person's budget is their own.
    expect((await post(base, await bearer('casey'))).status).toBe(200);
  });

  it('without a token is stopped by its address', async () => {
    const metrics = createServiceMetrics('gateway', { processMetrics: false });
    const base = await gatewayWith({ rates: { anonymous: SMALL } }, metrics);
    const { refusal, before } = await untilRefused(() => post(base, {}));
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.every((status) => status === 401)).toBe(true);
    await expectRateLimited(refusal);
    expect(await refusals(metrics, 'anonymous')).toBeGreaterThanOrEqual(1);
    expect(await refusals(metrics, 'staff')).toBe(0);
    // Another principal's budget is its own: a staff member from the same address is served.
    expect((await post(base, await bearer('sam'))).status).toBe(200);
  });
});

describe('two gateways on one PostgreSQL', () => {
  it("share one staff member's budget", async () => {
    const rate = { ratePerSecond: 1, burst: 4 };
    const shared: RateLimitOptions = { databaseUrl: stack.databaseUrl, tableName: 'gateway_rate_limits', rates: { staff: rate } };
    const bases = [await gatewayWith(shared), await gatewayWith(shared)];
    const headers = await bearer('pat');
    const served = [0, 0];
    let i = 0;
    const { refusal } = await untilRefused(async () => {
      const which = i++ % 2;
      const response = await post(bases[which], headers);
      if (response.status === 200) served[which] += 1;
      return response;
    });
    await expectRateLimited(refusal);
    // One budget: the rate and the burst once between them (a second's refill at most), not once each.
    const total = served[0] + served[1];
    expect(total).toBeGreaterThanOrEqual(rate.ratePerSecond + rate.burst);
    expect(total).toBeLessThan(2 * (rate.ratePerSecond + rate.burst));
    expect(served.every((n) => n > 0)).toBe(true);
    const rows = await stack.sql<{ key: string }>('SELECT key FROM gateway_rate_limits WHERE key LIKE $1 ORDER BY key', [
      `%:${stack.staff('pat').id}`,
    ]);
    expect(rows.map((r) => r.key)).toEqual([`staff-burst:${stack.staff('pat').id}`, `staff-rate:${stack.staff('pat').id}`]);
  });
});
