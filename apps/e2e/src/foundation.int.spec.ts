import { errorCodes, postGraphQL } from '@caseflow/testing';
import { startTestStack, statementCounts, type TestStack } from './harness';

const CROSS_SUBGRAPH = `query Cross($first: Int) {
  me { displayName role organization { name } }
  clients(first: $first) {
    totalCount
    edges { node {
      displayName
      activePlan { goals { description } }
      referrals { status history { status } service { name organization { name } } }
    } }
  }
}`;

interface CrossResult {
  me: { displayName: string; role: string; organization: { name: string } | null };
  clients: {
    totalCount: number;
    edges: Array<{
      node: {
        displayName: string;
        activePlan: { goals: Array<{ description: string }> } | null;
        referrals: Array<{
          status: string;
          history: Array<{ status: string }>;
          service: { name: string; organization: { name: string } } | null;
        }> | null;
      };
    }>;
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the federated platform through the gateway', () => {
  it("answers casey's cross-subgraph page with the seeded data of all four subgraphs", async () => {
    const { world } = stack;
    const casey = stack.staff('casey');
    const res = await stack.as<CrossResult>('casey', CROSS_SUBGRAPH, { first: 5 });
    expect(res.errors).toBeUndefined();

    expect(res.data!.me).toEqual({
      displayName: casey.displayName,
      role: 'CASE_MANAGER',
      organization: { name: 'Harbour Employment Services' },
    });
    const mine = world.clients
      .filter((c) => c.caseManagerId === casey.id)
      .sort((a, b) => fold(`${a.lastName} ${a.firstName}`).localeCompare(fold(`${b.lastName} ${b.firstName}`)) || a.id.localeCompare(b.id));
    expect(res.data!.clients.totalCount).toBe(mine.length);

    const expected = mine.slice(0, 5).map((c) => {
      const plan = world.plans.find((p) => p.clientId === c.id && p.status === 'ACTIVE');
      const referrals = world.referrals.filter((r) => r.clientId === c.id);
      return {
        displayName: `${c.preferredName ?? c.firstName} ${c.lastName}`,
        activePlan: plan ? { goals: plan.goals.map((g) => ({ description: g.description })) } : null,
        referrals: referrals.map((r) => {
          const service = world.services.find((s) => s.id === r.serviceId)!;
          const organization = world.organizations.find((o) => o.id === service.organizationId)!;
          return {
            status: r.status,
            history: r.events.map((e) => ({ status: e.status })),
            service: { name: service.name, organization: { name: organization.name } },
          };
        }),
      };
    });
    expect(res.data!.clients.edges.map((e) => e.node)).toEqual(expected);
    // The page reaches every subgraph with real data.
    expect(expected.some((c) => c.activePlan && c.referrals.length > 0)).toBe(true);
  });

  it('sends the same number of SQL statements to each subgraph for 5 and for 50 clients', async () => {
    // Sam's staff check is made once and then cached by the gateway, so it is out of the count.
    await stack.as('sam', '{ me { role } }');
    const before5 = statementCounts(stack);
    await stack.as('sam', CROSS_SUBGRAPH, { first: 5 });
    const after5 = statementCounts(stack);
    const res50 = await stack.as<CrossResult>('sam', CROSS_SUBGRAPH, { first: 50 });
    const after50 = statementCounts(stack);
    expect(res50.data!.clients.edges.length).toBeGreaterThan(40);
    // The page needs four subgraphs; the fifth (notifications) is not asked at all.
    const reached = ['clients', 'plans', 'referrals', 'resources'];
    expect(Object.keys(before5).filter((name) => !reached.includes(name) && after50[name] !== before5[name])).toEqual([]);
    for (const name of reached) {
      expect(after5[name] - before5[name]).toBeGreaterThan(0);
      expect({ name, statements: after50[name] - after5[name] }).toEqual({ name, statements: after5[name] - before5[name] });
    }
  });

  it('reads with the same statement texts in every subgraph for 5 and for 50 clients', async () => {
    await stack.as('sam', '{ me { role } }');
    // What each subgraph read for one page: every batched read is one text whatever its batch size. The
    // page's own LIMIT is a constant TypeORM writes in (pg_stat_statements folds it), so it is left out.
    const reads = async (first: number) => {
      const before = statementCounts(stack);
      const res = await stack.as<CrossResult>('sam', CROSS_SUBGRAPH, { first });
      expect(res.errors).toBeUndefined();
      return Object.fromEntries(
        Object.entries(stack.subgraphs).map(([name, s]) => [
          name,
          s.subgraph.database.counter
            .since(before[name])
            .filter((sql) => /^\s*SELECT/i.test(sql))
            .map((sql) => sql.replace(/\bLIMIT \d+/g, 'LIMIT n'))
            .sort(),
        ]),
      );
    };
    const five = await reads(5);
    const fifty = await reads(50);
    expect(fifty).toEqual(five);
    const lists = Object.values(fifty)
      .flat()
      .filter((sql) => /\bIN \(\$\d/.test(sql));
    expect(lists).toEqual([]);
    expect(
      Object.values(fifty)
        .flat()
        .filter((sql) => /= ANY\(\$\d/.test(sql)).length,
    ).toBeGreaterThan(4);
  });

  it("keeps jordan's clients from casey everywhere, and shows them to the supervisor", async () => {
    const jordan = stack.staff('jordan');
    const client = stack.world.clients.find(
      (c) =>
        c.caseManagerId === jordan.id &&
        stack.world.referrals.some((r) => r.clientId === c.id) &&
        stack.world.plans.some((p) => p.clientId === c.id),
    )!;
    const plan = stack.world.plans.find((p) => p.clientId === client.id)!;
    const referral = stack.world.referrals.find((r) => r.clientId === client.id)!;

    const list = await stack.as<{ clients: { edges: Array<{ node: { id: string } }> } }>(
      'casey',
      `{ clients(first: 100) { edges { node { id } } } }`,
    );
    expect(list.data!.clients.edges.map((e) => e.node.id)).not.toContain(client.id);

    const direct = await stack.as('casey', `query($id: ID!) { client(id: $id) { id displayName } }`, { id: client.id });
    expect(direct.data).toEqual({ client: null });
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);

    const viaPlan = await stack.as('casey', `query($id: ID!) { actionPlan(id: $id) { id client { displayName } } }`, { id: plan.id });
    expect(viaPlan.data).toEqual({ actionPlan: null });
    expect(errorCodes(viaPlan)).toEqual(['FORBIDDEN']);

    const viaReferral = await stack.as('casey', `query($id: ID!) { referral(id: $id) { id client { displayName } } }`, { id: referral.id });
    expect(viaReferral.data).toEqual({ referral: null });
    expect(errorCodes(viaReferral)).toEqual(['FORBIDDEN']);

    const asSam = await stack.as<{
      client: { displayName: string };
      actionPlan: { client: { id: string } };
      referral: { client: { id: string } };
    }>(
      'sam',
      `query($c: ID!, $p: ID!, $r: ID!) { client(id: $c) { displayName } actionPlan(id: $p) { client { id } } referral(id: $r) { client { id } } }`,
      { c: client.id, p: plan.id, r: referral.id },
    );
    expect(asSam.errors).toBeUndefined();
    expect(asSam.data).toEqual({
      client: { displayName: `${client.preferredName ?? client.firstName} ${client.lastName}` },
      actionPlan: { client: { id: client.id } },
      referral: { client: { id: client.id } },
    });
  });

  it('refuses requests without a valid bearer token as UNAUTHENTICATED', async () => {
    const casey = stack.actor('casey');
    const wrongIssuer = (await import('@caseflow/testing')).createTestIssuer();
    const cases: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['malformed', { authorization: 'Bearer not-a-token' }],
      ['expired', { authorization: `Bearer ${await stack.issuer.token(casey, { expiresInSeconds: -120 })}` }],
      ['wrongly signed', { authorization: `Bearer ${await wrongIssuer.token(casey)}` }],
      ['identity headers only', { 'x-caseflow-internal-token': 'forged', 'x-user-id': casey.staffId, 'x-role': 'SUPERVISOR' }],
    ];
    for (const [name, headers] of cases) {
      const res = await postGraphQL(stack.gatewayUrl, '{ me { id } }', {}, headers);
      expect({ name, status: res.status, codes: errorCodes(res), data: res.data }).toEqual({
        name,
        status: 401,
        codes: ['UNAUTHENTICATED'],
        data: undefined,
      });
    }
  });

  it('ignores identity headers sent with a valid token', async () => {
    const res = await postGraphQL<{ me: { id: string; role: string } }>(
      stack.gatewayUrl,
      '{ me { id role } }',
      {},
      {
        authorization: `Bearer ${await stack.issuer.token(stack.actor('casey'))}`,
        'x-caseflow-internal-token': 'forged',
        'x-role': 'SUPERVISOR',
      },
    );
    expect(res.data).toEqual({ me: { id: stack.staff('casey').id, role: 'CASE_MANAGER' } });
  });

  it('refuses a direct call to any subgraph that lacks the internal token', async () => {
    for (const { url } of Object.values(stack.subgraphs)) {
      for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Client", id: "x" }]) { __typename } }']) {
        const res = await postGraphQL(url, query, {}, { authorization: `Bearer ${await stack.issuer.token(stack.actor('sam'))}` });
        expect({ url, status: res.status, codes: errorCodes(res), data: res.data }).toEqual({
          url,
          status: 401,
          codes: ['UNAUTHENTICATED'],
          data: undefined,
        });
      }
    }
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    const res = await stack.as('casey', '{ clients(first: 101) { totalCount } }');
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.data).toBeNull();
  });

  it('answers /health on the gateway and every subgraph, and /ready when all are reachable', async () => {
    for (const base of [stack.gatewayBaseUrl, ...Object.values(stack.subgraphs).map((s) => s.baseUrl)]) {
      const health = await fetch(`${base}/health`);
      expect({ base, status: health.status, body: await health.json() }).toEqual({ base, status: 200, body: { status: 'ok' } });
    }
    const ready = await fetch(`${stack.gatewayBaseUrl}/ready`);
    expect(await ready.json()).toEqual({ ready: true });
  });
});
