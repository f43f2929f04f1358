/**
 * Hive Gateway beside @apollo/gateway on the same supergraph and the same
 * running subgraphs (production settings for both): the users' operations
 * answer the same data, the same errors with the same codes and fields, the
 * same refusals at the edge, and no answer ever crosses between callers
 * under concurrency.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor } from '@caseflow/auth';
import { demoStaff, demoWorld, NORTHSIDE_ID } from '@caseflow/demo';
import { SUBGRAPH_SCHEMAS, SUPERGRAPH_FILE, type Stack, migrateSubgraphs, seedDemo, startStack } from '@caseflow/platform';
import {
  createTestDatabase,
  createTestIssuer,
  freePort,
  type GraphQLResponse,
  months,
  postGraphQL,
  type ServiceProcess,
  spawnService,
  type TestIssuer,
  testPlatformRoles,
} from '@caseflow/testing';
import { withSubgraphUrls } from './hive';
import { operation } from './operations';
import { serveJwks } from './processes';

type Key = Parameters<typeof demoStaff>[0];
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
let hive: ServiceProcess;
let hiveUrl: string;
let issuer: TestIssuer;
let jwks: Awaited<ReturnType<typeof serveJwks>>;

const actor = (key: Key): Actor => {
  const s = demoStaff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};

beforeAll(async () => {
  const databaseUrl = await createTestDatabase('hive');
  const roles = await testPlatformRoles(databaseUrl, SUBGRAPH_SCHEMAS);
  await migrateSubgraphs(roles);
  await seedDemo(roles.migrationUrlFor, demoWorld(new Date()));
  issuer = createTestIssuer();
  const internalSecret = randomBytes(24).toString('hex');
  const supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  stack = await startStack({
    databaseUrlFor: roles.runtimeUrlFor,
    internalSecret,
    verifyBearer: issuer.verifier,
    supergraphSdl,
    logLevel: 'silent',
    jobIntervalMs: 0,
    production: true,
  });
  // Hive Gateway loads ES modules that a jest worker cannot: it runs as its own process, in production mode, with the issuer's keys as a JWKS.
  jwks = await serveJwks(issuer.publicKeyPem);
  const port = await freePort();
  hive = spawnService('tools/bench/hive-gateway.ts', {
    NODE_ENV: 'production',
    GATEWAY_PORT: String(port),
    CLIENTS_URL: stack.subgraphs.clients.baseUrl,
    PLANS_URL: stack.subgraphs.plans.baseUrl,
    REFERRALS_URL: stack.subgraphs.referrals.baseUrl,
    RESOURCES_URL: stack.subgraphs.resources.baseUrl,
    NOTIFICATIONS_URL: stack.subgraphs.notifications.baseUrl,
    INTERNAL_TOKEN_SECRET: internalSecret,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWKS_URL: jwks.url,
    LOG_LEVEL: 'info',
  });
  await hive.waitFor(/gateway listening/, 90_000);
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
}, 150_000);

afterAll(async () => {
  if (hive && hive.child.exitCode === null) {
    hive.child.kill('SIGTERM');
    await hive.exited;
  }
  await jwks?.close();
  await stack?.stop();
});

/** An answer without what legitimately differs between two requests (request ids). */
function comparable(res: GraphQLResponse<Data>) {
  return {
    status: res.status,
    data: res.data ?? null,
    errors: (res.errors ?? []).map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code, field: e.extensions?.field })),
  };
}

async function both(key: Key | null, query: string, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${await issuer.token(actor(key))}` } : {};
  const [apollo, hiveAnswer] = await Promise.all([
    postGraphQL<Data>(stack.gatewayUrl, query, variables, headers),
    postGraphQL<Data>(hiveUrl, query, variables, headers),
  ]);
  return { apollo: comparable(apollo), hive: comparable(hiveAnswer) };
}

const supergraphUrls = () => (readFileSync(SUPERGRAPH_FILE, 'utf8').match(/@join__graph\(name: "[a-z]+", url: /g) ?? []).length;

describe('Hive Gateway on the same subgraphs', () => {
  it('points the supergraph at the configured subgraph URLs', () => {
    const sdl = withSubgraphUrls(
      'A @join__graph(name: "clients", url: "http://127.0.0.1:4001/graphql")\nB @join__graph(name: "plans", url: "http://x/graphql")',
      {
        clients: 'http://127.0.0.1:9/graphql',
      },
    );
    expect(sdl).toBe(
      'A @join__graph(name: "clients", url: "http://127.0.0.1:9/graphql")\nB @join__graph(name: "plans", url: "http://x/graphql")',
    );
  });

  it("answers the users' read operations with the same data as @apollo/gateway", async () => {
    const casey = demoStaff('casey');
    const client = (await both('casey', operation('caseload', 'Caseload'), { first: 25 })).apollo.data?.myCaseload.edges[0].node
      .id as string;
    const cases: Array<[Key, string, string, Record<string, unknown>]> = [
      ['casey', 'caseload', 'Caseload', { first: 25 }],
      ['casey', 'caseload', 'Caseload', { first: 5 }],
      ['casey', 'client-profile', 'ClientProfile', { id: client }],
      ['pat', 'partner-inbox', 'PartnerInbox', {}],
      ['alex', 'outcomes', 'Outcomes', { period: months(-12, 0) }],
      [
        'pat',
        'directory-search',
        'DirectorySearch',
        { text: 'food', terms: null, lat: 44.6488, lon: -63.5752, radiusKm: 10, openAt: null },
      ],
    ];
    for (const [key, file, name, variables] of cases) {
      const { apollo, hive: hiveAnswer } = await both(key, operation(file, name), variables);
      expect({ operation: name, errors: apollo.errors }).toEqual({ operation: name, errors: [] });
      expect({ operation: name, answer: hiveAnswer }).toEqual({ operation: name, answer: apollo });
    }
    expect(casey.id).toBeTruthy();
    expect(supergraphUrls()).toBeGreaterThan(0);
  });

  it('refuses the same way: no token, a forbidden record, bad input with its field, a partner outside its consent', async () => {
    const caseyClient = (await both('casey', '{ myCaseload(first: 1) { edges { node { id } } } }')).apollo.data?.myCaseload.edges[0].node
      .id as string;
    const cases: Array<[Key | null, string, Record<string, unknown>]> = [
      [null, '{ me { id } }', {}],
      ['jordan', 'query($id: ID!) { client(id: $id) { id displayName } }', { id: caseyClient }],
      ['casey', '{ myCaseload(first: 101) { totalCount } }', {}],
      ['casey', 'query($id: ID!) { client(id: $id) { id } }', { id: 'not-a-uuid' }],
      ['pat', `{ incomingReferrals(first: 3) { edges { node { id client { id displayName status } } } } }`, {}],
      ['alex', '{ myCaseload { totalCount } }', {}],
    ];
    for (const [key, query, variables] of cases) {
      const { apollo, hive: hiveAnswer } = await both(key, query, variables);
      expect({ query, codes: apollo.errors.length > 0 }).toEqual({ query, codes: true });
      expect({ query, answer: hiveAnswer }).toEqual({ query, answer: apollo });
    }
  });

  it('writes through the same mutations, with the same answers', async () => {
    const input = { firstName: 'Hive', lastName: 'Parity', dateOfBirth: '1991-03-04', clientMutationId: `hive-${Date.now()}` };
    const headers = { authorization: `Bearer ${await issuer.token(actor('casey'))}` };
    const viaHive = await postGraphQL<Data>(hiveUrl, operation('intake', 'OpenClient'), { input }, headers);
    const viaApollo = await postGraphQL<Data>(stack.gatewayUrl, operation('intake', 'OpenClient'), { input }, headers);
    expect(viaHive.errors).toBeUndefined();
    // The same idempotency key through the other gateway returns the first result: one client, not two.
    expect(viaApollo.data).toEqual(viaHive.data);
    const consent = await postGraphQL<Data>(
      hiveUrl,
      operation('intake', 'RecordConsent'),
      {
        input: {
          clientId: viaHive.data?.openClient.id,
          recipientOrganizationId: NORTHSIDE_ID,
          scope: ['CONTACT_INFO'],
          purpose: 'Parity',
          signedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
      headers,
    );
    expect(consent.data?.recordConsent.status).toBe('ACTIVE');
  });

  it("never gives one caller another caller's answer under concurrency", async () => {
    const keys: Key[] = ['casey', 'jordan', 'sam', 'casey', 'jordan', 'sam', 'casey', 'jordan'];
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(
        keys.map(async (key) => {
          const res = await postGraphQL<Data>(
            hiveUrl,
            '{ me { id } myCaseload(first: 3) { totalCount } }',
            {},
            { authorization: `Bearer ${await issuer.token(actor(key))}` },
          );
          return { key, me: res.data?.me?.id };
        }),
      );
      expect(answers).toEqual(keys.map((key) => ({ key, me: demoStaff(key).id })));
    }
  });

  it('hides the schema in production, as @apollo/gateway does', async () => {
    const { apollo, hive: hiveAnswer } = await both('casey', '{ __schema { queryType { name } } }');
    expect(apollo.data).toBeNull();
    expect(hiveAnswer.data).toBeNull();
    expect(hiveAnswer.errors.length).toBeGreaterThan(0);
  });
});
