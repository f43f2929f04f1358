/**
 * Partner systems and the directory (issue #21): a machine client gets a
 * client-credentials token from a real OpenID Connect provider (oidc-provider,
 * in its own process on loopback) and reads the HSDS API and the directory's
 * GraphQL queries through a gateway set up from its production settings; it
 * is refused every client, plan, referral and staff field — by the gateway,
 * and by each of those subgraphs on its own (`_entities` included). A
 * `directory:write` client edits its own organization's entries, audited in
 * its name. With DIRECTORY_PUBLIC=true anonymous requests read the directory
 * only; off (the default) they read nothing.
 */
import { type Actor, machineActor } from '@caseflow/auth';
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { type Gateway, createGateway, gatewayOptionsFrom, loadGatewayConfig } from '@caseflow/gateway';
import { createLogger } from '@caseflow/core';
import { SUPERGRAPH_FILE } from '@caseflow/platform';
import { type TestOidcProvider, errorCodes, internalHeaders, postGraphQL, startOidcProvider } from '@caseflow/testing';
import { type TestStack, startTestStack, statementCounts, subgraphSettings } from './harness';

const API = 'https://api.caseflow.test';
const READER = { clientId: 'search-211', secret: 'reader-secret-for-this-test-only-0123456789' };
const WRITER = { clientId: 'northside-intake', secret: 'writer-secret-for-this-test-only-0123456789' };
const DIRECTORY = '{ taxonomyTerms { id name } organization(id: "ORG") { id name } }';
const SEARCH =
  'query($input: ServiceSearchInput!) { searchServices(input: $input, first: 5) { totalCount edges { node { service { id name } } } } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id eligibilityDescription } }';

let stack: TestStack;
let provider: TestOidcProvider;
let gateway: Gateway;
let publicGateway: Gateway;
let base: string;
let publicBase: string;
let readerToken: string;
/** The log lines of the gateway without the public directory (warn and above). */
const logLines: string[] = [];
let writerToken: string;

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A gateway in front of the stack's subgraphs, set up from its settings as production sets it up, verifying the provider's tokens. */
async function gatewayFor(settings: Record<string, string> = {}, log?: (line: string) => void): Promise<[Gateway, string]> {
  const config = loadGatewayConfig(SUPERGRAPH_FILE, {
    NODE_ENV: 'production',
    ...subgraphSettings(stack),
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: API,
    AUTH_JWKS_URL: provider.jwksUri,
    ...settings,
  });
  const created = await createGateway(gatewayOptionsFrom(config, createLogger('gateway', log ? 'warn' : 'silent', log)));
  return [created, `http://127.0.0.1:${await created.listen(0, '127.0.0.1')}`];
}

beforeAll(async () => {
  [stack, provider] = await Promise.all([
    startTestStack({ production: true }),
    startOidcProvider({
      audience: API,
      clients: [],
      machineClients: [
        { ...READER, scope: 'directory:read' },
        { ...WRITER, scope: 'directory:read directory:write', org: NORTHSIDE_ID },
      ],
      users: [],
    }),
  ]);
  [[gateway, base], [publicGateway, publicBase]] = await Promise.all([
    gatewayFor({}, (line) => logLines.push(line)),
    gatewayFor({ DIRECTORY_PUBLIC: 'true' }),
  ]);
  [readerToken, writerToken] = await Promise.all([
    provider.clientCredentials(READER, { scope: 'directory:read' }),
    provider.clientCredentials(WRITER, { scope: 'directory:read directory:write' }),
  ]);
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await publicGateway?.stop();
  await provider?.stop();
  await stack?.stop();
});

const graphql = <T = Record<string, unknown>>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(`${url}/graphql`, query, variables, token ? { authorization: `Bearer ${token}` } : {});
const hsds = (url: string, token: string | null, path: string) =>
  fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const directoryQuery = DIRECTORY.replace('ORG', NORTHSIDE_ID);
const searchInput = { input: { text: 'food' } };

/** Runs `work` and expects no subgraph to have run a statement meanwhile. */
async function withoutStatements<T>(work: () => Promise<T>): Promise<T> {
  const before = statementCounts(stack);
  const result = await work();
  expect(statementCounts(stack)).toEqual(before);
  return result;
}

describe('a machine client (client-credentials token from a real OpenID Connect provider)', () => {
  it('gets a token naming the client and its scope, with no staff claims', () => {
    const claims = claimsOf(readerToken);
    expect(claims).toMatchObject({ iss: provider.issuer, aud: API, client_id: READER.clientId, scope: 'directory:read' });
    expect(claims.role).toBeUndefined();
    expect(claimsOf(writerToken)).toMatchObject({ client_id: WRITER.clientId, scope: 'directory:read directory:write', org: NORTHSIDE_ID });
  });

  it("reads the HSDS API and the directory's GraphQL queries: the same answers a staff member gets", async () => {
    const response = await hsds(base, readerToken, `/hsds/services?organization_id=${NORTHSIDE_ID}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { total_items: number; contents: Array<{ id: string; organization: { id: string } }> };
    expect(page.total_items).toBeGreaterThan(0);
    const northside = stack.world.services.filter((s) => s.organizationId === NORTHSIDE_ID).map((s) => s.id);
    expect(page.contents.map((s) => s.id).sort()).toEqual([...northside].sort());

    const staffAnswer = await stack.as('casey', directoryQuery);
    const machine = await graphql(base, readerToken, directoryQuery);
    expect(machine.errors).toBeUndefined();
    expect(machine.data).toEqual(staffAnswer.data);
    expect((machine.data as { organization: { name: string } }).organization.name).toBe('Northside Food Bank');

    const search = await graphql<{ searchServices: { totalCount: number } }>(base, readerToken, SEARCH, searchInput);
    expect(search.errors).toBeUndefined();
    expect(search.data).toEqual((await stack.as(`casey`, SEARCH, searchInput)).data);
    expect(search.data!.searchServices.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['a client', `{ client(id: "CLIENT") { id } }`],
    ['a plan', `{ actionPlan(id: "PLAN") { id } }`],
    ['a referral', `{ referral(id: "REFERRAL") { id } }`],
    ['a staff field', '{ me { id } }'],
    ['a directory query with a staff field beside it', `{ taxonomyTerms { id } staffMember(id: "STAFF") { id } }`],
  ])('is refused %s: FORBIDDEN at the gateway, no data, nothing runs', async (_what, template) => {
    const query = template
      .replace('CLIENT', stack.world.clients[0].id)
      .replace('PLAN', stack.world.plans[0].id)
      .replace('REFERRAL', stack.world.referrals[0].id)
      .replace('STAFF', stack.staff('casey').id);
    const res = await withoutStatements(() => graphql(base, readerToken, query));
    expect({ status: res.status, codes: errorCodes(res), data: res.data ?? null }).toEqual({
      status: 403,
      codes: ['FORBIDDEN'],
      data: null,
    });
    // The log line of the refusal names the client.
    const requestId = (res.errors![0].extensions as { requestId: string }).requestId;
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ requestId, client: `client ${READER.clientId}` });
    expect(JSON.stringify(line)).toContain('FORBIDDEN');
  });

  it("is refused a staff field nested in a directory answer (an organization's time zone, from the clients service)", async () => {
    const res = await graphql<{ organization: { id: string; timeZone: string | null } | null }>(
      base,
      readerToken,
      `{ organization(id: "${NORTHSIDE_ID}") { id name timeZone } }`,
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    // The directory's own fields are answered; the clients service's is not.
    expect(res.data).toEqual({ organization: { id: NORTHSIDE_ID, name: 'Northside Food Bank', timeZone: null } });
  });

  it('is refused the documents and FHIR pass-throughs', async () => {
    const client = stack.world.clients[0].id;
    for (const path of [`/fhir/Patient/${client}/$everything`, `/documents/${client}`]) {
      const response = await withoutStatements(() => hsds(base, readerToken, path));
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      expect({ path, status: response.status, codes: body.errors?.map((e) => e.extensions?.code) }).toEqual({
        path,
        status: 403,
        codes: ['FORBIDDEN'],
      });
    }
  });

  it('is refused by the clients, plans, referrals and notifications subgraphs on every path, __resolveReference included', async () => {
    const machine: Actor = machineActor(READER.clientId, false, undefined);
    const cases: Array<[keyof TestStack['subgraphs'], string, Record<string, unknown>]> = [
      [
        'clients',
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id } } }',
        { r: [{ __typename: 'Client', id: stack.world.clients[0].id }] },
      ],
      ['clients', '{ me { id } }', {}],
      [
        'plans',
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on ActionPlan { id } } }',
        { r: [{ __typename: 'ActionPlan', id: stack.world.plans[0].id }] },
      ],
      ['plans', `{ actionPlan(id: "${stack.world.plans[0].id}") { id } }`, {}],
      [
        'referrals',
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id } } }',
        { r: [{ __typename: 'Referral', id: stack.world.referrals[0].id }] },
      ],
      ['referrals', `{ referral(id: "${stack.world.referrals[0].id}") { id } }`, {}],
      ['notifications', '{ notifications { totalCount } }', {}],
    ];
    for (const [subgraph, query, variables] of cases) {
      const res = await withoutStatements(async () =>
        postGraphQL(
          stack.subgraphs[subgraph].url,
          query,
          variables,
          await internalHeaders(machine, stack.internalSecret, `machine-${subgraph}`),
        ),
      );
      expect({ subgraph, status: res.status, codes: errorCodes(res), data: res.data ?? null }).toEqual({
        subgraph,
        status: 403,
        codes: ['FORBIDDEN'],
        data: null,
      });
    }
  });

  it("with directory:write edits its own organization's entries, audited in its name; a read-only client and another organization's entries are refused", async () => {
    const own = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const other = stack.world.services.find((s) => s.organizationId === EASTSIDE_ID)!;
    const ok = await graphql<{ updateService: { id: string; eligibilityDescription: string } }>(base, writerToken, UPDATE, {
      id: own.id,
      input: { eligibilityDescription: 'Residents of the north side.' },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateService).toEqual({ id: own.id, eligibilityDescription: 'Residents of the north side.' });
    const audit = await stack.sql<{ actor_id: string; actor_organization_id: string; detail: string }>(
      `SELECT actor_id::text, actor_organization_id::text, detail FROM resources.audit_event WHERE entity_id = $1 AND action = 'UPDATE' ORDER BY at DESC LIMIT 1`,
      [own.id],
    );
    expect(audit).toEqual([
      {
        actor_id: '00000000-0000-0000-0000-000000000000',
        actor_organization_id: NORTHSIDE_ID,
        detail: `client ${WRITER.clientId}: eligibility_description`,
      },
    ]);

    const metadata = await stack.sql(
      `SELECT updated_by, actor_id::text FROM resources.metadata WHERE resource_id = $1 AND field_name = 'eligibility_description' ORDER BY recorded_at DESC LIMIT 1`,
      [own.id],
    );
    expect(metadata).toEqual([{ updated_by: `client ${WRITER.clientId}`, actor_id: '00000000-0000-0000-0000-000000000000' }]);

    const before = await stack.sql(`SELECT id, eligibility_description FROM resources.service WHERE id = ANY($1) ORDER BY id`, [
      [own.id, other.id],
    ]);
    const readOnly = await withoutStatements(() =>
      graphql(base, readerToken, UPDATE, { id: own.id, input: { eligibilityDescription: 'Taken over.' } }),
    );
    expect({ status: readOnly.status, codes: errorCodes(readOnly) }).toEqual({ status: 403, codes: ['FORBIDDEN'] });
    expect(readOnly.errors![0].message).toContain('directory:write');
    const another = await graphql(base, writerToken, UPDATE, { id: other.id, input: { eligibilityDescription: 'Taken over.' } });
    expect(errorCodes(another)).toEqual(['FORBIDDEN']);
    expect(
      await stack.sql(`SELECT id, eligibility_description FROM resources.service WHERE id = ANY($1) ORDER BY id`, [[own.id, other.id]]),
    ).toEqual(before);
  });
});

describe('the public directory (DIRECTORY_PUBLIC)', () => {
  it('is off by default: a request without a token reads nothing, 401 UNAUTHENTICATED', async () => {
    expect((await withoutStatements(() => hsds(base, null, '/hsds/services'))).status).toBe(401);
    const res = await withoutStatements(() => graphql(base, null, directoryQuery));
    expect({ status: res.status, codes: errorCodes(res), data: res.data ?? null }).toEqual({
      status: 401,
      codes: ['UNAUTHENTICATED'],
      data: null,
    });
  });

  it('when on, anonymous requests read the HSDS API and the directory queries as staff see them', async () => {
    const response = await hsds(publicBase, null, `/hsds/services?organization_id=${NORTHSIDE_ID}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { contents: Array<{ id: string }> };
    expect(page.contents.length).toBe(stack.world.services.filter((s) => s.organizationId === NORTHSIDE_ID).length);
    const res = await graphql(publicBase, null, directoryQuery);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual((await stack.as('casey', directoryQuery)).data);
  });

  it('when on, anonymous requests get nothing else: UNAUTHENTICATED for staff fields and edits, nothing runs or changes', async () => {
    const own = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const before = await stack.sql(`SELECT eligibility_description FROM resources.service WHERE id = $1`, [own.id]);
    for (const [query, variables] of [
      ['{ me { id } }', {}],
      [`{ client(id: "${stack.world.clients[0].id}") { id } }`, {}],
      [UPDATE, { id: own.id, input: { eligibilityDescription: 'Anonymous edit.' } }],
    ] as const) {
      const res = await withoutStatements(() => graphql(publicBase, null, query, variables));
      expect({ status: res.status, codes: errorCodes(res), data: res.data ?? null }).toEqual({
        status: 401,
        codes: ['UNAUTHENTICATED'],
        data: null,
      });
    }
    expect(await stack.sql(`SELECT eligibility_description FROM resources.service WHERE id = $1`, [own.id])).toEqual(before);
    // A token is still checked when one is sent: a bad one is refused, not read as anonymous.
    expect((await hsds(publicBase, 'not-a-token', '/hsds/services')).status).toBe(401);
  });
});
