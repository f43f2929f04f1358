/**
 * The security suite: the contract's operations attempted by every role that
 * must not run them, abuse of the gateway, and identity edge cases. Each case
 * asserts the refusal code and that nothing changed.
 */
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, months, postGraphQL } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, statementCounts, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
});
afterAll(() => stack?.stop());

const TABLES = [
  'clients.client',
  'clients.case_note',
  'clients.consent',
  'clients.needs_assessment',
  'clients.eligibility_determination',
  'plans.action_plan',
  'referrals.referral',
  'referrals.referral_event',
];
async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return out;
}

/** Runs `query` as `key` and expects `code` with no data, and no row added anywhere. */
async function refused(key: StaffKey, query: string, variables: Record<string, unknown>, code: string): Promise<void> {
  const before = await snapshot();
  const res = await stack.as(key, query, variables);
  expect({ key, codes: errorCodes(res).filter((c) => c !== code) }).toEqual({ key, codes: [] });
  expect(errorCodes(res)).toContain(code);
  expect(await snapshot()).toEqual(before);
}

const client = (key: 'casey' | 'jordan', status = 'ACTIVE') =>
  stack.world.clients.find((c) => c.caseManagerId === stack.staff(key).id && c.status === status)!;

describe('roles refused on the contract operations', () => {
  it("casey on jordan's client: the file, and every intake and referral change", async () => {
    const theirs = client('jordan');
    const res = await stack.as('casey', operation('client-profile', 'ClientProfile'), { id: theirs.id });
    expect(errorCodes(res)).toContain('FORBIDDEN');
    expect(res.data?.client ?? null).toBeNull();
    const id = theirs.id;
    await refused(
      'casey',
      operation('intake', 'DetermineEligibility'),
      { input: { clientId: id, eligible: true, program: 'P', rationale: 'r' } },
      'FORBIDDEN',
    );
    await refused(
      'casey',
      operation('intake', 'RecordAssessment'),
      { input: { clientId: id, items: [{ domain: 'OTHER', characteristic: 'x', rating: 'ASSET' }] } },
      'FORBIDDEN',
    );
    await refused(
      'casey',
      operation('intake', 'RecordConsent'),
      {
        input: {
          clientId: id,
          recipientOrganizationId: NORTHSIDE_ID,
          scope: ['CONTACT_INFO'],
          purpose: 'p',
          signedAt: new Date(Date.now() - 1000).toISOString(),
        },
      },
      'FORBIDDEN',
    );
    await refused(
      'casey',
      operation('intake', 'AddCaseNote'),
      { input: { clientId: id, occurredAt: new Date().toISOString(), contactType: 'PHONE', body: 'x' } },
      'FORBIDDEN',
    );
    const goal = {
      description: 'Find work',
      term: 'SHORT',
      smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
      tasks: [],
    };
    await refused('casey', operation('intake', 'CreateActionPlan'), { input: { clientId: id, goals: [goal] } }, 'FORBIDDEN');
    const service = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    await refused(
      'casey',
      operation('refer', 'CreateReferral'),
      { input: { clientId: id, serviceId: service.id, need: 'n', necessaryRationale: 'n', appropriateRationale: 'a' } },
      'FORBIDDEN',
    );
  });

  it("pat on Eastside's referrals: not in the inbox, and cannot answer them", async () => {
    const eastside = stack.world.referrals.find((r) => r.organizationId === EASTSIDE_ID && r.status === 'SENT')!;
    const inbox = await stack.as<{ incomingReferrals: { edges: Array<{ node: { id: string } }> } }>(
      'pat',
      operation('partner-inbox', 'PartnerInbox'),
    );
    expect(inbox.data!.incomingReferrals.edges.map((e) => e.node.id)).not.toContain(eastside.id);
    await refused('pat', operation('partner-inbox', 'AcceptReferral'), { id: eastside.id }, 'FORBIDDEN');
    await refused('pat', operation('partner-inbox', 'CompleteReferral'), { id: eastside.id }, 'FORBIDDEN');
  });

  it("pat without a consent: no client's file", async () => {
    const res = await stack.as('pat', operation('client-profile', 'ClientProfile'), { id: client('casey', 'INTAKE').id });
    expect(errorCodes(res)).toContain('FORBIDDEN');
    expect(res.data?.client ?? null).toBeNull();
  });

  it.each(['alex', 'admin'] as const)('%s: no client record, no caseload, no intake, no referral', async (key) => {
    const file = await stack.as(key, operation('client-profile', 'ClientProfile'), { id: client('casey').id });
    expect(errorCodes(file)).toContain('FORBIDDEN');
    expect(file.data?.client ?? null).toBeNull();
    const caseload = await stack.as(key, operation('caseload', 'Caseload'), {});
    expect(errorCodes(caseload)).toContain('FORBIDDEN');
    await refused(key, operation('intake', 'OpenClient'), { input: { firstName: 'A', lastName: 'B' } }, 'FORBIDDEN');
    await refused(
      key,
      operation('refer', 'SendReferral'),
      { id: stack.world.referrals.find((r) => r.status === 'DRAFT')!.id },
      'FORBIDDEN',
    );
  });

  it("jordan on casey's sensitive note: refused through the client's file", async () => {
    const res = await stack.as('jordan', `query($id: ID!) { client(id: $id) { caseNotes { edges { node { body } } } } }`, {
      id: client('casey').id,
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('case managers and partners get no outcome figures', async () => {
    for (const key of ['casey', 'pat', 'admin'] as const) {
      const res = await stack.as(key, operation('outcomes', 'Outcomes'), { period: months(-5, 0) });
      expect({ key, codes: [...new Set(errorCodes(res))] }).toEqual({ key, codes: ['FORBIDDEN'] });
    }
  });
});

describe('abuse is refused at the gateway, before any subgraph is asked', () => {
  async function refusedAtGateway(body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    // Sam's staff check (one directory lookup a minute) is made first, so that the count is of the refused request alone.
    await stack.as('sam', '{ me { id } }');
    const before = statementCounts(stack);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.issuer.token(stack.actor('sam'))}`, ...headers },
      body,
    });
    const text = await response.text();
    expect(statementCounts(stack)).toEqual(before);
    return { status: response.status, text };
  }

  it('a query 50 levels deep', async () => {
    const deep = `{ me { ${'organization { services { organization { '.repeat(12)} id ${'} } } '.repeat(12)} } }`;
    const res = await refusedAtGateway(JSON.stringify({ query: deep }));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/levels deep; at most 15 are allowed/);
  });

  it('500 aliases', async () => {
    const res = await refusedAtGateway(
      JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ')} }` }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/500 aliases; at most 30/);
  });

  it('first: 100000', async () => {
    const res = await refusedAtGateway(JSON.stringify({ query: '{ clients(first: 100000) { totalCount edges { node { id } } } }' }));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/estimated cost is \d+; at most 25000/);
  });

  it('a 5 MB body', async () => {
    const res = await refusedAtGateway('a'.repeat(5 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('100 operations in a batch', async () => {
    const res = await refusedAtGateway(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { id } }' }))));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Batched operations are not accepted/);
  });

  it('introspection in production mode', async () => {
    const res = await refusedAtGateway(JSON.stringify({ query: '{ __schema { types { name } } }' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toMatch(/introspection/i);
  });

  it('field suggestions are not offered in production mode', async () => {
    const res = await refusedAtGateway(JSON.stringify({ query: '{ me { displayNam } }' }));
    expect(res.text).not.toMatch(/Did you mean/);
  });
});

describe('identity', () => {
  it('refuses not-yet-valid and wrong-audience tokens', async () => {
    const { createTestIssuer } = await import('@caseflow/testing');
    const other = createTestIssuer(stack.issuer.issuer, 'another-audience');
    const tokens = {
      'not yet valid': await stack.issuer.token(stack.actor('casey'), { notBeforeSeconds: 600 }),
      'wrong audience': await other.token(stack.actor('casey')),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await postGraphQL(stack.gatewayUrl, '{ me { id } }', {}, { authorization: `Bearer ${token}` });
      expect({ name, status: res.status, codes: errorCodes(res) }).toEqual({ name, status: 401, codes: ['UNAUTHENTICATED'] });
    }
  });

  it('gives a refusal at the door a request id too, in the body and the header', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me { id } }"}',
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string; requestId: string } }> };
    expect(response.status).toBe(401);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(response.headers.get('x-request-id')).toBe(body.errors[0].extensions.requestId);
  });

  it('answers no demo sign-in in production mode', async () => {
    const users = await fetch(`${stack.gatewayBaseUrl}/auth/demo-users`);
    expect(users.status).toBe(404);
    const login = await fetch(`${stack.gatewayBaseUrl}/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"sam@demo.caseflow"}',
    });
    expect(login.status).toBe(404);
  });

  it("keeps every error's code and a request id, and no internal detail", async () => {
    const res = await stack.as('casey', `query($id: ID!) { client(id: $id) { id } }`, { id: client('jordan').id });
    expect(res.errors![0].extensions).toEqual({ code: 'FORBIDDEN', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(res)).not.toMatch(/stack|SELECT|postgres|127\.0\.0\.1|node_modules/i);
  });
});
