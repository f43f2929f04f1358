/**
 * Authorization on every path, through the gateway: a replayed idempotency
 * key, a consent revoked after a referral was sent, a partner with no
 * consent, a goal of another client, and a case re-opened after closing at
 * intake. Each asserts the refusal (or the narrower answer) and that nothing
 * leaked or changed.
 */
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) {
  id dateOfBirth contactPreference { phone } caseNotes { edges { node { body } } } } }`;
const ASSIGN = `mutation($id: ID!, $to: ID!) { assignCaseManager(clientId: $id, staffMemberId: $to) { id } }`;
const NOTE = `mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`;
const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id need goal { id } } }`;
const SEND = `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { status } }`;
const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(consentId: $id) { id } }`;
const READ = `query($id: ID!) { referral(id: $id) { id status sentAt respondBy need necessaryRationale appropriateRationale client { id } history { note } } }`;

const NEED = 'Groceries run out before the end of the month';
const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
const auditMark = async (schema: string) =>
  Number((await stack.sql<{ id: string }>(`SELECT coalesce(max(id), 0) AS id FROM ${schema}.audit_event`))[0].id);
const auditSince = (schema: string, mark: number, entityId: string) =>
  stack.sql(`SELECT action, outcome, actor_id, detail FROM ${schema}.audit_event WHERE id > $1 AND entity_id = $2 ORDER BY id`, [
    mark,
    entityId,
  ]);
const pantry = () => stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
const referralInput = (clientId: string, overrides: Record<string, unknown> = {}) => ({
  clientId,
  serviceId: pantry().id,
  need: NEED,
  necessaryRationale: 'Hunger gets in the way of the job search.',
  appropriateRationale: 'Close to home, with capacity.',
  ...overrides,
});
/** Casey's ACTIVE clients (as they are now) with no consent at all to Northside, so that a test's consent is the only one. */
const caseysWithoutNorthsideConsent = () =>
  stack.sql<{ id: string }>(
    `SELECT c.id FROM clients.client c WHERE c.assigned_case_manager_id = $1 AND c.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM clients.consent k WHERE k.client_id = c.id AND k.recipient_organization_id = $2) ORDER BY c.id`,
    [stack.staff('casey').id, NORTHSIDE_ID],
  );

describe('a clientMutationId replay is a read, authorized now', () => {
  it("openClient: casey's replay after the client was reassigned to jordan is FORBIDDEN, shows nothing, and is audited", async () => {
    const input = {
      firstName: 'Ilse',
      lastName: 'Varga',
      dateOfBirth: '1979-03-08',
      clientMutationId: 'e2e-open-1',
      contactPreference: { method: 'PHONE', phone: '902-555-0178', voicemailAllowed: false },
    };
    const opened = await stack.as<{ openClient: { id: string } }>('casey', OPEN, { input });
    const id = opened.data!.openClient.id;
    expect((await stack.as('sam', ASSIGN, { id, to: stack.staff('jordan').id })).errors).toBeUndefined();
    const note = await stack.as('jordan', NOTE, {
      input: { clientId: id, occurredAt: new Date().toISOString(), contactType: 'PHONE', body: 'Jordan: spoke about the rent arrears.' },
    });
    expect(note.errors).toBeUndefined();
    const clients = await count('clients.client');
    const mark = await auditMark('clients');

    const replay = await stack.as('casey', OPEN, { input });
    expect(errorCodes(replay)).toEqual(['FORBIDDEN']);
    expect(replay.data).toBeNull();
    expect(JSON.stringify(replay)).not.toMatch(/1979-03-08|555-0178|rent arrears/);
    expect(await count('clients.client')).toBe(clients);
    expect(await auditSince('clients', mark, id)).toEqual([
      { action: 'READ', outcome: 'DENIED', actor_id: stack.staff('casey').id, detail: 'idempotent retry' },
    ]);

    const reused = await stack.as('jordan', OPEN, { input: { ...input, clientMutationId: 'e2e-open-2' } });
    const other = await stack.as('jordan', OPEN, { input: { ...input, firstName: 'Someone', clientMutationId: 'e2e-open-2' } });
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    expect(other.errors![0].message).toContain('clientMutationId');
    expect(other.data).toBeNull();
    expect(await count('clients.client')).toBe(clients + 1);
    expect(reused.errors).toBeUndefined();
  });

  it("createReferral: casey's replay after the client was reassigned is FORBIDDEN, shows no need, writes nothing, and is audited", async () => {
    const client = stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')[6];
    const input = referralInput(client.id, { clientMutationId: 'e2e-refer-1' });
    const created = await stack.as<{ createReferral: { id: string } }>('casey', CREATE, { input });
    const id = created.data!.createReferral.id;
    expect((await stack.as('sam', ASSIGN, { id: client.id, to: stack.staff('jordan').id })).errors).toBeUndefined();
    const referrals = await count('referrals.referral');
    const mark = await auditMark('referrals');

    const replay = await stack.as('casey', CREATE, { input });
    expect(errorCodes(replay)).toEqual(['FORBIDDEN']);
    expect(replay.data).toBeNull();
    expect(JSON.stringify(replay)).not.toContain(NEED);
    expect(await count('referrals.referral')).toBe(referrals);
    expect(await auditSince('referrals', mark, id)).toEqual([
      { action: 'READ', outcome: 'DENIED', actor_id: stack.staff('casey').id, detail: 'idempotent retry' },
    ]);
  });
});

describe("a partner's view of a referral follows the consent", () => {
  it('after the consent is revoked pat keeps only the status and dates: no need, rationale, history or client', async () => {
    const [client] = await caseysWithoutNorthsideConsent();
    const signedAt = new Date(Date.now() - 60_000).toISOString();
    const consent = await stack.as<{ recordConsent: { id: string } }>('casey', CONSENT, {
      input: {
        clientId: client.id,
        recipientOrganizationId: NORTHSIDE_ID,
        scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
        purpose: 'Food bank referral',
        signedAt,
      },
    });
    expect(consent.errors).toBeUndefined();
    const created = await stack.as<{ createReferral: { id: string } }>('casey', CREATE, { input: referralInput(client.id) });
    const id = created.data!.createReferral.id;
    expect((await stack.as('casey', SEND, { id })).data).toEqual({ sendReferral: { status: 'SENT' } });

    const before = await stack.as<{ referral: Record<string, unknown> }>('pat', READ, { id });
    expect(before.data!.referral).toMatchObject({ status: 'SENT', need: NEED, client: { id: client.id } });

    expect((await stack.as('casey', REVOKE, { id: consent.data!.recordConsent.id })).errors).toBeUndefined();
    const after = await stack.as<{ referral: Record<string, unknown> }>('pat', READ, { id });
    expect(after.errors).toBeUndefined();
    expect(after.data!.referral).toEqual({
      ...before.data!.referral,
      need: '',
      necessaryRationale: '',
      appropriateRationale: '',
      client: null,
      history: [],
    });
    expect(JSON.stringify(after)).not.toContain(NEED);
    const inbox = await stack.as<{ incomingReferrals: { edges: Array<{ node: { id: string; need: string; client: unknown } }> } }>(
      'pat',
      '{ incomingReferrals(first: 100) { edges { node { id need client { id displayName } } } } }',
    );
    expect(inbox.data!.incomingReferrals.edges.find((e) => e.node.id === id)!.node).toEqual({ id, need: '', client: null });
  });

  it('pat with no consent at all to a client sent under a supervisor override gets no client reference', async () => {
    const [, client] = await caseysWithoutNorthsideConsent();
    const created = await stack.as<{ createReferral: { id: string } }>('casey', CREATE, { input: referralInput(client.id) });
    const id = created.data!.createReferral.id;
    expect((await stack.as('sam', SEND, { id, why: 'Urgent: the client agreed by phone' })).errors).toBeUndefined();
    const res = await stack.as<{ referral: { client: unknown; need: string } }>('pat', READ, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.referral).toMatchObject({ client: null, need: NEED });
    expect(JSON.stringify(res)).not.toContain(client.id);
  });
});

describe('createReferral checks its goal with the plans subgraph', () => {
  it("refuses another client's goal and a goal that does not exist with BAD_USER_INPUT on input.goalId, writing nothing", async () => {
    const caseys = stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE');
    const withPlan = caseys.filter((c) => stack.world.plans.some((p) => p.clientId === c.id && p.goals.length > 0));
    const [mine, other] = withPlan;
    const otherGoal = stack.world.plans.find((p) => p.clientId === other.id)!.goals[0].id;
    for (const goalId of [otherGoal, '00000000-0000-4000-8000-00000000e999']) {
      const before = [await count('referrals.referral'), await count('referrals.referral_event')];
      const res = await stack.as('casey', CREATE, { input: referralInput(mine.id, { goalId }) });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe('input.goalId');
      expect(res.data).toBeNull();
      expect([await count('referrals.referral'), await count('referrals.referral_event')]).toEqual(before);
    }
    const ownGoal = stack.world.plans.find((p) => p.clientId === mine.id)!.goals[0].id;
    const ok = await stack.as<{ createReferral: { goal: { id: string } } }>('casey', CREATE, {
      input: referralInput(mine.id, { goalId: ownGoal }),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createReferral.goal).toEqual({ id: ownGoal });
  });
});

describe('reopenCase', () => {
  it('returns a case closed at intake, never found eligible, to INTAKE (not ACTIVE)', async () => {
    const opened = await stack.as<{ openClient: { id: string } }>('casey', OPEN, { input: { firstName: 'Closed', lastName: 'AtIntake' } });
    const id = opened.data!.openClient.id;
    const closed = await stack.as('casey', `mutation($id: ID!) { closeCase(input: { clientId: $id, outcome: DISENGAGED }) { status } }`, {
      id,
    });
    expect(closed.data).toEqual({ closeCase: { status: 'CLOSED' } });
    const reopened = await stack.as('casey', `mutation($id: ID!) { reopenCase(clientId: $id, reason: "Returned") { status } }`, { id });
    expect(reopened.data).toEqual({ reopenCase: { status: 'INTAKE' } });
    expect(await stack.sql('SELECT status FROM clients.client WHERE id = $1', [id])).toEqual([{ status: 'INTAKE' }]);
    expect(await count('clients.eligibility_determination', 'client_id = $1', [id])).toBe(0);
  });
});
