/**
 * The access grant sent with the entity (issue #15): the clients subgraph
 * signs the caller's grant into `Client.accessGrant`, the gateway passes it
 * to plans and referrals, and they need not ask `/internal/client-access`.
 * Every answer must be the one the real check gives: the same data for the
 * caseload, the same for a partner, and a forged or replayed grant ignored.
 */
import type { IncomingMessage } from 'node:http';
import { CLIENT_ACCESS_PATH } from '@caseflow/auth';
import { internalHeaders, postGraphQL, type GraphQLResponse } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
let accessCalls = 0;
const countAccessCalls = (request: IncomingMessage) => {
  if (request.url === CLIENT_ACCESS_PATH) accessCalls += 1;
};
beforeAll(async () => {
  stack = await startTestStack();
  stack.subgraphs.clients.subgraph.http.server.on('request', countAccessCalls);
});
afterAll(() => stack?.stop());

/** The `/internal/client-access` calls plans and referrals make while `work` runs. */
async function accessCallsDuring<T>(work: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = accessCalls;
  const result = await work();
  return { result, calls: accessCalls - before };
}

const PLAN_FIELDS = 'activePlan { id progress { goalsTotal goalsAchieved stepsTotal stepsComplete overdueSteps percentComplete } }';
const REFERRAL_FIELDS = 'referrals(status: [SENT, ACCEPTED, WAITLISTED, IN_PROGRESS]) { id status sentAt urgency service { id } }';

type Entities = GraphQLResponse<{ _entities: Array<Record<string, unknown> | null> }>;

/** `_entities` for Clients straight to a subgraph, as `key` in request `requestId`, with the representations given. */
function entities(
  subgraph: 'plans' | 'referrals' | 'clients',
  key: StaffKey,
  requestId: string,
  representations: Array<{ id: string; accessGrant?: string }>,
  fields: string,
): Promise<Entities> {
  return postGraphQL(
    stack.subgraphs[subgraph].url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Client { ${fields} } } }`,
    { r: representations.map((r) => ({ __typename: 'Client', ...r })) },
    internalHeaders(stack.actor(key), stack.internalSecret, requestId),
  );
}

/** What plans and referrals answer for these clients by the real check (no grant in the representation). */
async function byTheRealCheck(key: StaffKey, ids: string[]) {
  const plans = await entities(
    'plans',
    key,
    `real-${key}-plans`,
    ids.map((id) => ({ id })),
    PLAN_FIELDS,
  );
  const referrals = await entities(
    'referrals',
    key,
    `real-${key}-referrals`,
    ids.map((id) => ({ id })),
    REFERRAL_FIELDS,
  );
  return ids.map((id, i) => ({ id, ...plans.data?._entities[i], ...referrals.data?._entities[i] }));
}

const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code).sort();

interface CaseloadNode {
  id: string;
  activePlan: { id: string } | null;
  referrals: Array<{ id: string; status: string; sentAt: string; urgency: string; service: { id: string } }> | null;
}

describe('the caseload with grants sent along with the clients', () => {
  it('answers the same plans and referrals as the real check, with no call to /internal/client-access', async () => {
    const { result: res, calls } = await accessCallsDuring(() =>
      stack.as<{ myCaseload: { edges: Array<{ node: CaseloadNode }> } }>('casey', operation('caseload', 'Caseload'), { first: 25 }),
    );
    expect(res.errors).toBeUndefined();
    expect(calls).toBe(0);
    const nodes = res.data!.myCaseload.edges.map((e) => e.node);
    expect(nodes.some((n) => n.activePlan)).toBe(true);
    expect(nodes.some((n) => (n.referrals ?? []).length > 0)).toBe(true);
    const shown = nodes.map((n) => ({
      id: n.id,
      activePlan: n.activePlan,
      referrals: n.referrals?.map((r) => ({
        id: r.id,
        status: r.status,
        sentAt: r.sentAt,
        urgency: r.urgency,
        service: { id: r.service.id },
      })),
    }));
    const { result: real, calls: realCalls } = await accessCallsDuring(() =>
      byTheRealCheck(
        'casey',
        nodes.map((n) => n.id),
      ),
    );
    expect(realCalls).toBe(2);
    expect(shown).toEqual(real);
  });
});

describe('Client.accessGrant', () => {
  it('is not part of the public API', async () => {
    const res = await stack.as('casey', '{ myCaseload(first: 1) { edges { node { id accessGrant } } } }');
    expect(res.data ?? null).toBeNull();
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('a partner under a consent', () => {
  it('gets exactly what the real check gives on the clients referred to them', async () => {
    const query = `{ incomingReferrals(first: 20) { edges { node { id client { id ${PLAN_FIELDS} ${REFERRAL_FIELDS} } } } } }`;
    const res = await stack.as<{ incomingReferrals: { edges: Array<{ node: { client: CaseloadNode | null } }> } }>('pat', query);
    const clients = res.data!.incomingReferrals.edges.map((e) => e.node.client).filter((c): c is CaseloadNode => c !== null);
    expect(clients.length).toBeGreaterThan(0);
    const real = await byTheRealCheck(
      'pat',
      clients.map((c) => c.id),
    );
    expect(clients.map((c) => ({ ...c, referrals: c.referrals?.map((r) => ({ ...r, service: { id: r.service.id } })) }))).toEqual(real);
  });
});

describe('a grant that is not for this caller and this request', () => {
  it('is ignored by plans: the real check answers, as if no grant were sent', async () => {
    const caseload = await stack.as<{ myCaseload: { edges: Array<{ node: CaseloadNode }> } }>('casey', operation('caseload', 'Caseload'));
    const withPlan = caseload.data!.myCaseload.edges.map((e) => e.node).find((n) => n.activePlan)!;
    const issued = await entities('clients', 'casey', 'request-a', [{ id: withPlan.id }], 'id accessGrant');
    const grant = issued.data!._entities[0]!.accessGrant as string;
    expect(typeof grant).toBe('string');

    // Honoured in the request it was issued for, to the caller it was issued to: no call.
    const honoured = await accessCallsDuring(() =>
      entities('plans', 'casey', 'request-a', [{ id: withPlan.id, accessGrant: grant }], PLAN_FIELDS),
    );
    expect(honoured.calls).toBe(0);
    expect(honoured.result.data!._entities[0]).toEqual({ activePlan: withPlan.activePlan });

    const [body, signature] = grant.split('.').slice(1);
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a: string[] };
    const pat = stack.actor('pat');
    payload.a = [pat.staffId, pat.role, pat.organizationId, 'request-b'];
    const forged = ['g1', Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');

    const cases: Array<{ key: StaffKey; requestId: string; token: string }> = [
      { key: 'casey', requestId: 'request-b', token: grant }, // replayed in another request
      { key: 'pat', requestId: 'request-b', token: grant }, // another caller's grant
      { key: 'pat', requestId: 'request-b', token: forged }, // rebound to the partner, signature kept
      { key: 'jordan', requestId: 'request-b', token: 'g1.e30.AAAA' }, // malformed
    ];
    for (const { key, requestId, token } of cases) {
      const sent = await accessCallsDuring(() => entities('plans', key, requestId, [{ id: withPlan.id, accessGrant: token }], PLAN_FIELDS));
      const real = await entities('plans', key, `${requestId}-real`, [{ id: withPlan.id }], PLAN_FIELDS);
      expect({ key, calls: sent.calls }).toEqual({ key, calls: 1 });
      expect({ key, data: sent.result.data, codes: codes(sent.result) }).toEqual({ key, data: real.data, codes: codes(real) });
    }
    const partners = await entities('plans', 'pat', 'request-c', [{ id: withPlan.id, accessGrant: forged }], PLAN_FIELDS);
    expect(partners.data?._entities[0]?.activePlan ?? null).toBeNull();
  });
});
