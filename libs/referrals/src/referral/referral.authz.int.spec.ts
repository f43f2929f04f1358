/**
 * Authorization on every path of a referral: a replayed createReferral is a
 * read like any other, a partner's view follows the client's consent on every
 * request, and a goal must be one of the client's own.
 */
import { NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id need necessaryRationale goal { id } } }`;
const SEND = `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { id status } }`;
const READ = `query($id: ID!) { referral(id: $id) {
  id status sentAt respondBy createdAt need necessaryRationale appropriateRationale declineReason client { id } goal { id } history { status note } } }`;
const INBOX = `{ incomingReferrals(first: 100) { edges { node { id status need client { id } history { note } } } } }`;
const EVENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ReferralEvent { id note } } }`;

interface Seen {
  id: string;
  status: string;
  sentAt: string | null;
  need: string;
  necessaryRationale: string;
  appropriateRationale: string;
  declineReason: string | null;
  client: { id: string } | null;
  goal: { id: string } | null;
  history: Array<{ status: string; note: string | null }>;
}

let r: ReferralsTest;
const casey = demoStaff('casey');
const pat = demoStaff('pat');

testbedForSuite((t) => (r = t));

const caseys = () => r.world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE');
const withPlan = () => caseys().filter((c) => r.world.plans.some((p) => p.clientId === c.id && p.goals.length > 0));
const goalsOf = (clientId: string) => r.world.plans.filter((p) => p.clientId === clientId).flatMap((p) => p.goals.map((g) => g.id));
const NEED = 'Food security: the fridge is empty by Thursday';
const input = (clientId: string, overrides: Record<string, unknown> = {}) => ({
  clientId,
  serviceId: r.pantry().id,
  need: NEED,
  necessaryRationale: 'Hunger is getting in the way of the job search.',
  appropriateRationale: 'The pantry is a short walk from home.',
  ...overrides,
});
const counts = async () =>
  (
    await r.query<{ referrals: string; events: string }>(
      'SELECT (SELECT count(*) FROM referrals.referral) AS referrals, (SELECT count(*) FROM referrals.referral_event) AS events',
    )
  )[0];

/** A referral of `clientId` sent to Northside (under a consent unless `override` is a supervisor's reason). */
async function sentReferral(clientId: string, override?: string): Promise<string> {
  const created = await r.as<{ createReferral: { id: string } }>('casey', CREATE, { input: input(clientId) });
  const id = created.data!.createReferral.id;
  if (override) expect((await r.as('sam', SEND, { id, why: override })).errors).toBeUndefined();
  else {
    r.consent(clientId, NORTHSIDE_ID);
    expect((await r.as('casey', SEND, { id })).errors).toBeUndefined();
  }
  return id;
}

describe('createReferral replayed with its clientMutationId', () => {
  it("is refused once the client is no longer on the caller's case: FORBIDDEN, nothing of the referral shown, the denial audited", async () => {
    const client = caseys()[0];
    const key = 'authz-replay-1';
    const first = await r.as<{ createReferral: { id: string } }>('casey', CREATE, { input: input(client.id, { clientMutationId: key }) });
    const id = first.data!.createReferral.id;
    r.clients.overrides.set(client.id, { write: false, read: [] }); // reassigned to Jordan
    const before = await counts();
    const mark = await r.auditMark();

    const again = await r.as('casey', CREATE, { input: input(client.id, { clientMutationId: key }) });
    expect(errorCodes(again)).toEqual(['FORBIDDEN']);
    expect(again.data).toBeNull();
    expect(JSON.stringify(again)).not.toContain(NEED);
    expect(await counts()).toEqual(before);
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({
        action: 'READ',
        outcome: 'DENIED',
        entity_type: 'Referral',
        entity_id: id,
        client_id: client.id,
        actor_id: casey.id,
        detail: 'idempotent retry',
      }),
    ]);
  });

  it('answers the same caller with the same input, and audits the replay as a read', async () => {
    const client = caseys()[0];
    const first = await r.as<{ createReferral: { id: string } }>('casey', CREATE, {
      input: input(client.id, { clientMutationId: 'authz-replay-2' }),
    });
    const mark = await r.auditMark();
    const again = await r.as<{ createReferral: { id: string; need: string } }>('casey', CREATE, {
      input: input(client.id, { clientMutationId: 'authz-replay-2' }),
    });
    expect(again.data!.createReferral).toMatchObject({ id: first.data!.createReferral.id, need: NEED });
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({ action: 'READ', outcome: 'ALLOWED', entity_id: first.data!.createReferral.id, detail: 'idempotent retry' }),
    ]);
  });
});

describe("a partner's view follows the client's consent", () => {
  it('shows the need, rationales, client and history under an active consent covering REFERRAL_DETAILS', async () => {
    const client = caseys()[1];
    const id = await sentReferral(client.id);
    const res = await r.as<{ referral: Seen }>('pat', READ, { id });
    expect(res.data!.referral).toMatchObject({ status: 'SENT', need: NEED, client: { id: client.id } });
    expect(res.data!.referral.history.map((e) => e.status)).toEqual(['DRAFT', 'SENT']);
  });

  it('keeps only the status and dates once the consent is revoked, from the next request on, and audits the narrower read', async () => {
    const client = caseys()[2];
    const id = await sentReferral(client.id);
    const before = (await r.as<{ referral: Seen }>('pat', READ, { id })).data!.referral;
    r.clients.partnerScopes.set(client.id, []); // revoked at the clients subgraph
    const mark = await r.auditMark();

    const after = await r.as<{ referral: Seen }>('pat', READ, { id });
    expect(after.errors).toBeUndefined();
    expect(after.data!.referral).toEqual({
      ...before,
      need: '',
      necessaryRationale: '',
      appropriateRationale: '',
      declineReason: null,
      client: null,
      goal: null,
      history: [],
    });
    expect(JSON.stringify(after)).not.toContain(NEED);
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({ action: 'READ', outcome: 'ALLOWED', entity_id: id, actor_id: pat.id, detail: 'status and dates only' }),
    ]);

    const inbox = await r.as<{ incomingReferrals: { edges: Array<{ node: Seen }> } }>('pat', INBOX);
    const listed = inbox.data!.incomingReferrals.edges.find((e) => e.node.id === id)!.node;
    expect(listed).toEqual({ id, status: 'SENT', need: '', client: null, history: [] });

    const [event] = await r.query<{ id: string }>(`SELECT id FROM referrals.referral_event WHERE referral_id = $1 AND status = 'SENT'`, [
      id,
    ]);
    const byKey = await r.as<{ _entities: unknown[] }>('pat', EVENT, { r: [{ __typename: 'ReferralEvent', id: event.id }] });
    expect(byKey.data!._entities).toEqual([null]);
  });

  it('withholds the details under a consent that does not cover REFERRAL_DETAILS, but keeps the client reference', async () => {
    const client = caseys()[3];
    const id = await sentReferral(client.id);
    r.clients.partnerScopes.set(client.id, ['CONTACT_INFO']);
    const res = await r.as<{ referral: Seen }>('pat', READ, { id });
    expect(res.data!.referral).toMatchObject({ need: '', client: { id: client.id }, history: [] });
  });

  it('shows the details of a referral a supervisor sent without a consent (a recorded override), but not the client', async () => {
    const client = caseys()[4];
    const id = await sentReferral(client.id, 'Client agreed by phone; the signed form follows');
    expect(await r.query('SELECT consent_override_at IS NOT NULL AS overridden FROM referrals.referral WHERE id = $1', [id])).toEqual([
      { overridden: true },
    ]);
    r.clients.partnerScopes.set(client.id, []);
    const res = await r.as<{ referral: Seen }>('pat', READ, { id });
    expect(res.data!.referral).toMatchObject({ need: NEED, client: null });
    expect(res.data!.referral.history.map((e) => e.status)).toEqual(['DRAFT', 'SENT']);
  });

  it('answers a move by a partner without consent with the status only', async () => {
    const client = caseys()[5];
    const id = await sentReferral(client.id);
    r.clients.partnerScopes.set(client.id, []);
    const ACCEPT = `mutation($id: ID!) { respondToReferral(input: { referralId: $id, decision: ACCEPT }) { status need client { id } history { note } } }`;
    const res = await r.as('pat', ACCEPT, { id });
    expect(res.data).toEqual({ respondToReferral: { status: 'ACCEPTED', need: '', client: null, history: [] } });
  });
});

describe('createReferral with a goalId', () => {
  it("links a goal of the client's own plan", async () => {
    const client = withPlan()[0];
    const goal = goalsOf(client.id)[0];
    const res = await r.as<{ createReferral: { goal: { id: string } | null } }>('casey', CREATE, {
      input: input(client.id, { goalId: goal }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createReferral.goal).toEqual({ id: goal });
    expect(r.plans.batches).toEqual([[goal]]);
  });

  it.each([
    ["another client's goal", () => goalsOf(withPlan()[1].id)[0]],
    ['a goal that does not exist', () => '00000000-0000-4000-8000-00000000a999'],
  ])('refuses %s with BAD_USER_INPUT on input.goalId and writes nothing', async (_name, goalId) => {
    const client = withPlan()[0];
    const before = await counts();
    const res = await r.as('casey', CREATE, { input: input(client.id, { goalId: goalId() }) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('input.goalId');
    expect(res.data).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('answers UNAVAILABLE and writes nothing when the plans subgraph is down', async () => {
    const client = withPlan()[0];
    r.plans.down = true;
    const before = await counts();
    const res = await r.as('casey', CREATE, { input: input(client.id, { goalId: goalsOf(client.id)[0] }) });
    expect(errorCodes(res)).toEqual(['UNAVAILABLE']);
    expect(await counts()).toEqual(before);
  });
});
