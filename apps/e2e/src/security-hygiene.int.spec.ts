/**
 * Security hygiene through the gateway: odd HSDS keys and forged cursors are
 * 404 or BAD_USER_INPUT (never 500), the logs of the whole stack carry codes
 * and messages but never a value the client sent, errors the gateway makes
 * itself (value completion) are masked like any other, and the HSDS export
 * keeps formula cells as text.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@caseflow/core';
import { encodeCursor } from '@caseflow/db';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { createGateway, type Gateway } from '@caseflow/gateway';
import { SUPERGRAPH_FILE } from '@caseflow/platform';
import { exportPackage } from '@caseflow/resources';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type StaffKey, type TestStack } from './harness';

const PHONE = '+44 7700 900123';
const lines: string[] = [];
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ production: true, log: (line) => lines.push(line), logLevel: 'debug' });
});
afterAll(() => stack?.stop());

const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { err?: Record<string, unknown> });
const hsds = async (key: StaffKey, path: string) =>
  fetch(`${stack.gatewayBaseUrl}${path}`, { headers: { authorization: `Bearer ${await stack.issuer.token(stack.actor(key))}` } });
const caseyClient = () => stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;

describe('odd HSDS paths and parameters', () => {
  it.each(['/hsds/constructor', '/hsds/__proto__', '/hsds/toString/1', '/hsds/hasOwnProperty', '/hsds/services/1/constructor'])(
    '%s is 404 NOT_FOUND',
    async (path) => {
      const response = await hsds('pat', path);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect({ status: response.status, code: body.errors[0].extensions.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    },
  );

  it('answers a long path or parameter name without echoing it', async () => {
    const long = 'constructor'.repeat(300);
    const notFound = await hsds('pat', `/hsds/${long}`);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).not.toContain(long);
    const badParameter = await hsds('pat', `/hsds/services?${long}=1`);
    const text = await badParameter.text();
    expect(badParameter.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(text).not.toContain(long);
  });
});

describe('forged cursors', () => {
  it.each(['garbage', encodeCursor([PHONE]), '-1', '1e3', '99999999999999999999'])(
    'HSDS page=%s is 400 BAD_USER_INPUT naming page, not logged',
    async (page) => {
      lines.length = 0;
      const response = await hsds('pat', `/hsds/services?page=${encodeURIComponent(page)}`);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field: string } }> };
      expect({ status: response.status, ...body.errors[0].extensions }).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'page' });
      expect(lines.join('\n')).not.toContain(page);
    },
  );

  const lists: Array<[string, StaffKey, number, string, () => Record<string, unknown>]> = [
    ['clients', 'casey', 2, 'query($after: String) { clients(first: 5, after: $after) { totalCount } }', () => ({})],
    ['myCaseload', 'casey', 2, 'query($after: String) { myCaseload(after: $after) { totalCount } }', () => ({})],
    [
      'caseNotes',
      'casey',
      2,
      'query($id: ID!, $after: String) { client(id: $id) { caseNotes(after: $after) { totalCount } } }',
      () => ({ id: caseyClient().id }),
    ],
    ['incomingReferrals', 'pat', 2, 'query($after: String) { incomingReferrals(after: $after) { totalCount } }', () => ({})],
    [
      'searchServices',
      'casey',
      3,
      'query($after: String) { searchServices(input: { text: "food" }, after: $after) { totalCount } }',
      () => ({}),
    ],
    [
      'clientAuditTrail',
      'sam',
      3,
      'query($id: ID!, $after: String) { clientAuditTrail(clientId: $id, after: $after) { edges { cursor } } }',
      () => ({ id: caseyClient().id }),
    ],
  ];

  it.each(lists)(
    '%s: a forged cursor is BAD_USER_INPUT naming after, and no log line holds it',
    async (_, key, arity, query, variables) => {
      const forged = encodeCursor(Array.from({ length: arity }, () => PHONE));
      for (const after of ['garbage', forged]) {
        lines.length = 0;
        const res = await stack.as(key, query, { ...variables(), after });
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].extensions!.field).toBe('after');
        const log = lines.join('\n');
        expect(log).not.toContain(after);
        expect(log).not.toContain(PHONE);
        expect(log).not.toContain('7700');
        // The refusal itself is logged, by code, under its request id.
        expect(parsed()).toContainEqual(
          expect.objectContaining({
            service: 'gateway',
            requestId: res.errors![0].extensions!.requestId,
            err: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
          }),
        );
      }
    },
  );
});

describe('the logs', () => {
  it("carry a subgraph's error with its message and code, never [object Object]", async () => {
    lines.length = 0;
    const theirs = stack.world.clients.find((c) => c.caseManagerId === stack.staff('jordan').id)!;
    const res = await stack.as('casey', 'query($id: ID!) { client(id: $id) { displayName } }', { id: theirs.id });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(lines.join('\n')).not.toContain('[object Object]');
    const line = parsed().find((l) => l.service === 'gateway' && l.requestId === res.errors![0].extensions!.requestId);
    expect(line?.err).toMatchObject({ code: 'FORBIDDEN', message: res.errors![0].message, path: 'client', serviceName: 'clients' });
  });

  it('never carry the value a client sent in a variable that fails coercion', async () => {
    lines.length = 0;
    const res = await stack.as('casey', 'query($first: Int) { clients(first: $first) { totalCount } }', { first: PHONE });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('7700');
    expect(parsed()).toContainEqual(
      expect.objectContaining({
        err: expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"$first" got invalid value <value>') }),
      }),
    );
  });
});

describe('errors the gateway makes itself', () => {
  let proxy: Server;
  let gateway: Gateway;
  let gatewayUrl: string;
  const gatewayLines: string[] = [];

  beforeAll(async () => {
    // A resources subgraph that answers null for a non-null field and reports no error (as a faulty release might).
    proxy = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${stack.subgraphs.resources.baseUrl}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as Array<
            [string, string]
          >,
        ),
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const text = (await upstream.text()).replace(/"status":"[^"]*"/g, '"status":null');
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      response.end(text);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
    subgraphUrls.resources = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    gateway = await createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls,
      verifyBearer: stack.issuer.verifier,
      internalSecret: stack.internalSecret,
      logger: createLogger('gateway', 'warn', (line) => gatewayLines.push(line)),
      production: true,
    });
    gatewayUrl = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it('a non-null field resolved null: masked INTERNAL_SERVER_ERROR with its path, no extensions.valueCompletion, the detail logged', async () => {
    const casey = stack.staff('casey').id;
    const referral = stack.world.referrals.find((r) => stack.world.clients.find((c) => c.id === r.clientId)?.caseManagerId === casey)!;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.issuer.token(stack.actor('casey'))}` },
      body: JSON.stringify({
        query: 'query($id: ID!) { referral(id: $id) { id service { name status } } }',
        variables: { id: referral.id },
      }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as {
      data: { referral: { id: string; service: unknown } };
      errors: Array<{ message: string; path: unknown[]; extensions: Record<string, unknown> }>;
      extensions?: unknown;
    };
    expect(body.data.referral).toEqual({ id: referral.id, service: null });
    expect(body.extensions).toBeUndefined();
    expect(text).not.toMatch(/valueCompletion|non-nullable|Service\.status/);
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['referral', 'service', 'status'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      },
    ]);
    const logged = gatewayLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === body.errors[0].extensions.requestId);
    expect(logged).toMatchObject({ message: 'value completion failed', err: { message: expect.stringContaining('Service.status') } });
  });
});

describe('the HSDS export', () => {
  const FORMULAS = ['=HYPERLINK("https://evil.example","Food")', '+1+cmd|calc', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
  const FIELDS = ['name', 'alternate_name', 'description', 'application_process', 'fees_description', 'eligibility_description'];

  it('keeps every cell a spreadsheet would run as a formula as text', async () => {
    const own = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const edit = 'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }';
    const [name, alternateName, description, applicationProcess, feesDescription, eligibilityDescription] = FORMULAS;
    const res = await stack.as('pat', edit, {
      id: own.id,
      input: { name, alternateName, description, applicationProcess, feesDescription, eligibilityDescription },
    });
    expect(res.errors).toBeUndefined();
    const read = async () =>
      (await stack.sql<Record<string, string>>(`SELECT ${FIELDS.join(', ')} FROM resources.service WHERE id = $1`, [own.id]))[0];
    const stored = await read();
    // What a partner wrote is stored as written (leading tabs and carriage returns included, or trimmed by validation).
    expect(stored.name).toBe(name);
    const dir = mkdtempSync(join(tmpdir(), 'hsds-export-'));
    try {
      const dataSource = stack.subgraphs.resources.subgraph.database.dataSource;
      await exportPackage(dataSource, dir);
      const csv = readFileSync(join(dir, 'services.csv'), 'utf8');
      for (const field of FIELDS) {
        const value = stored[field].replace(/"/g, '""');
        if (!/^[=+\-@\t\r]/.test(value)) continue;
        const pieces = csv.split(value);
        // The value is in the file, and every time it is, a quote comes first.
        expect({ field, times: pieces.length - 1 }).not.toEqual({ field, times: 0 });
        expect({ field, unneutralized: pieces.slice(0, -1).filter((before) => !before.endsWith("'")).length }).toEqual({
          field,
          unneutralized: 0,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
