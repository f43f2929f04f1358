import { demoStaff, EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { type PlansTestbed, type StaffKey, startPlansTestbed } from '../testing/testbed';

const casey = demoStaff('casey');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

const AGREEMENT = 'agreedAt method recordedBy { id } planVersion note';
const PLAN = `id status version awaitingAgreement agreement { ${AGREEMENT} } agreementHistory { ${AGREEMENT} } revisions { version }`;
const RECORD = `mutation($planId: ID!, $expectedVersion: Int!, $method: AgreementMethod!, $note: String) {
  recordPlanAgreement(planId: $planId, expectedVersion: $expectedVersion, method: $method, note: $note) { ${PLAN} } }`;
const READ = `query($id: ID!) { actionPlan(id: $id) { ${PLAN} } }`;

interface Agreement {
  agreedAt: string;
  method: string;
  recordedBy: { id: string };
  planVersion: number;
  note: string | null;
}
interface PlanShown {
  id: string;
  status: string;
  version: number;
  awaitingAgreement: boolean;
  agreement: Agreement | null;
  agreementHistory: Agreement[];
  revisions: Array<{ version: number }>;
}

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

const record = (who: StaffKey, vars: Record<string, unknown>) => bed.gql<{ recordPlanAgreement: PlanShown }>(who, RECORD, vars);
async function read(planId: string): Promise<PlanShown> {
  const res = await bed.gql<{ actionPlan: PlanShown }>('casey', READ, { id: planId });
  expect(res.errors).toBeUndefined();
  return res.data!.actionPlan;
}
async function agree(planId: string, version: number, method = 'VERBAL', note: string | null = null): Promise<PlanShown> {
  const res = await record('casey', { planId, expectedVersion: version, method, note });
  expect(res.errors).toBeUndefined();
  return res.data!.recordPlanAgreement;
}
const agreementRows = (planId: string) =>
  bed.sql<{ plan_version: number; method: string; recorded_by: string; note: string | null }>(
    'SELECT plan_version, method, recorded_by, note FROM plans.plan_agreement WHERE plan_id = $1 ORDER BY plan_version, agreed_at',
    [planId],
  );
const outboxMark = async () =>
  Number((await bed.sql<{ p: string }>('SELECT coalesce(max(position), 0) AS p FROM plans.outbox_event'))[0].p);
const outboxSince = (position: number) =>
  bed.sql<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>(
    'SELECT type, aggregate_id, payload FROM plans.outbox_event WHERE position > $1 ORDER BY position',
    [position],
  );
/** Everything a refused recording must leave as it was. */
const stateOf = async (clientId: string, planId: string) => ({
  snapshot: await bed.snapshot(clientId),
  agreements: await agreementRows(planId),
  outbox: await outboxMark(),
});

describe('recordPlanAgreement', () => {
  it("records the client's agreement to the current version without revising the plan, with plan.agreed and an audit event", async () => {
    const { plan } = bed.takePlan(casey.id);
    const before = await bed.snapshot(plan.clientId);
    expect((await read(plan.id)).awaitingAgreement).toBe(true);
    const auditMark = await bed.lastAuditId();
    const outbox = await outboxMark();

    const got = await agree(plan.id, plan.version, 'IN_PERSON_SIGNATURE', '  Signed at the office; copy given to the client.  ');
    const expected: Agreement = {
      agreedAt: expect.any(String),
      method: 'IN_PERSON_SIGNATURE',
      recordedBy: { id: casey.id },
      planVersion: plan.version,
      note: 'Signed at the office; copy given to the client.',
    };
    expect(got).toMatchObject({ id: plan.id, status: 'ACTIVE', version: plan.version, awaitingAgreement: false, agreement: expected });
    expect(got.agreementHistory).toEqual([expected]);
    // Not a revision: the version, the revisions and everything else of the plan are as they were.
    expect(await bed.snapshot(plan.clientId)).toEqual(before);
    expect(await read(plan.id)).toEqual(got);
    expect(await agreementRows(plan.id)).toEqual([
      {
        plan_version: plan.version,
        method: 'IN_PERSON_SIGNATURE',
        recorded_by: casey.id,
        note: 'Signed at the office; copy given to the client.',
      },
    ]);
    const facts = { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id };
    expect(await outboxSince(outbox)).toEqual([
      { type: 'plan.agreed', aggregate_id: plan.id, payload: { ...facts, version: plan.version } },
    ]);
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'CREATE', outcome: 'ALLOWED', entity_type: 'PlanAgreement', entity_id: expect.any(String), client_id: plan.clientId },
    ]);
  });

  type Pick = ReturnType<PlansTestbed['takePlan']>;
  const goalInput = {
    description: 'Open a bank account',
    term: 'SHORT',
    targetDate: null,
    smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
    tasks: [{ title: 'Gather documents', steps: [{ description: 'Find the birth certificate' }] }],
  };
  const revisions: Array<{ kind: string; status: string; revise: (p: Pick, v: number) => Promise<{ errors?: unknown }> }> = [
    {
      kind: 'a goal added',
      status: 'ACTIVE',
      revise: ({ plan }, v) =>
        bed.gql(
          'casey',
          `mutation($p: ID!, $v: Int!, $g: GoalInput!) { addGoal(planId: $p, expectedVersion: $v, goal: $g, rationale: "New need") { id } }`,
          { p: plan.id, v, g: goalInput },
        ),
    },
    {
      kind: "a goal's status",
      status: 'ACTIVE',
      revise: ({ goal }, v) =>
        bed.gql(
          'casey',
          `mutation($g: ID!, $v: Int!) { setGoalStatus(goalId: $g, expectedVersion: $v, status: ACHIEVED, rationale: "Done") { id } }`,
          {
            g: goal.id,
            v,
          },
        ),
    },
    {
      kind: 'a step changed',
      status: 'ACTIVE',
      revise: ({ step }, v) =>
        bed.gql('casey', `mutation($i: UpdateStepInput!) { updateStep(input: $i) { id } }`, {
          i: { stepId: step.id, expectedVersion: v, outcome: 'IN_PROGRESS', rationale: 'Started' },
        }),
    },
    {
      kind: 'the plan completed',
      status: 'COMPLETED',
      revise: ({ plan }, v) =>
        bed.gql('casey', `mutation($p: ID!, $v: Int!) { completePlan(planId: $p, expectedVersion: $v) { id } }`, { p: plan.id, v }),
    },
    {
      kind: 'the plan cancelled',
      status: 'CANCELLED',
      revise: ({ plan }, v) =>
        bed.gql('casey', `mutation($p: ID!, $v: Int!) { cancelPlan(planId: $p, expectedVersion: $v, rationale: "Moved away") { id } }`, {
          p: plan.id,
          v,
        }),
    },
    {
      kind: 'the plan replaced by a new active plan',
      status: 'COMPLETED',
      revise: ({ plan }) =>
        bed.gql('casey', `mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { id } }`, {
          i: { clientId: plan.clientId, goals: [goalInput] },
        }),
    },
  ];

  it.each(revisions)('clears the current agreement on a revision ($kind), keeping it in the history', async ({ revise, status }) => {
    const pick = bed.takePlan(casey.id);
    const { plan } = pick;
    const agreed = (await agree(plan.id, plan.version)).agreement!;
    expect(agreed.planVersion).toBe(plan.version);

    const revised = await revise(pick, plan.version);
    expect(revised.errors).toBeUndefined();
    const after = await read(plan.id);
    expect(after).toMatchObject({
      status,
      version: plan.version + 1,
      agreement: null,
      agreementHistory: [agreed],
      // An ACTIVE plan asks for agreement again; a closed one no longer does.
      awaitingAgreement: status === 'ACTIVE',
    });
    expect(after.revisions.at(-1)).toEqual({ version: plan.version + 1 });
    expect((await agreementRows(plan.id)).map((r) => r.plan_version)).toEqual([plan.version]);
  });

  it('records a new agreement after a revision, the history newest first', async () => {
    const pick = bed.takePlan(casey.id);
    const { plan } = pick;
    const first = (await agree(plan.id, plan.version, 'VERBAL')).agreement!;
    expect((await revisions[2].revise(pick, plan.version)).errors).toBeUndefined();
    const again = await agree(plan.id, plan.version + 1, 'ELECTRONIC', 'Accepted by e-mail.');
    const second = {
      agreedAt: expect.any(String),
      method: 'ELECTRONIC',
      recordedBy: { id: casey.id },
      planVersion: plan.version + 1,
      note: 'Accepted by e-mail.',
    };
    expect(again).toMatchObject({ version: plan.version + 1, awaitingAgreement: false, agreement: second });
    expect(again.agreementHistory).toEqual([second, first]);
    expect(new Date(again.agreementHistory[0].agreedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.agreedAt).getTime());
  });

  it('refuses a stale expectedVersion with CONFLICT (and the current version), recording nothing', async () => {
    const pick = bed.takePlan(casey.id);
    const { plan } = pick;
    expect((await revisions[2].revise(pick, plan.version)).errors).toBeUndefined();
    const before = await stateOf(plan.clientId, plan.id);
    const stale = await record('casey', { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL' });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions!.currentVersion).toBe(plan.version + 1);
    expect(stale.data).toBeNull();
    expect(await stateOf(plan.clientId, plan.id)).toEqual(before);
  });

  it('never leaves an agreement current across a revision racing it: the agreement comes first (and is cleared) or is a CONFLICT', async () => {
    const pick = bed.takePlan(casey.id);
    const { plan } = pick;
    const [agreed, revised] = await Promise.all([
      record('casey', { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL' }),
      revisions[2].revise(pick, plan.version),
    ]);
    expect(revised.errors).toBeUndefined();
    const rows = await agreementRows(plan.id);
    if (agreed.errors) {
      expect(errorCodes(agreed)).toEqual(['CONFLICT']);
      expect(rows).toEqual([]);
    } else {
      expect(rows.map((r) => r.plan_version)).toEqual([plan.version]);
    }
    expect(await read(plan.id)).toMatchObject({ version: plan.version + 1, agreement: null, awaitingAgreement: true });
  });

  it('refuses callers who may not change the case with FORBIDDEN (audited), and an unknown plan with NOT_FOUND, recording nothing', async () => {
    const { plan } = bed.takePlan(casey.id);
    // Partners with the client's consent to see plans still may not change them.
    bed.access.consents.set(`${EASTSIDE_ID}:${plan.clientId}`, ['PLANS']);
    bed.access.consents.set(`${NORTHSIDE_ID}:${plan.clientId}`, ['PLANS']);
    const before = await stateOf(plan.clientId, plan.id);
    const auditMark = await bed.lastAuditId();
    for (const who of ['jordan', 'robin', 'pat', 'alex', 'admin'] as const) {
      const res = await record(who, { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL' });
      expect({ who, codes: errorCodes(res), data: res.data }).toEqual({ who, codes: ['FORBIDDEN'], data: null });
    }
    const denials = (await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ');
    expect(denials).toEqual(
      Array.from({ length: 5 }, () => ({
        action: 'CREATE',
        outcome: 'DENIED',
        entity_type: 'PlanAgreement',
        entity_id: plan.id,
        client_id: plan.clientId,
      })),
    );
    expect(errorCodes(await record('casey', { planId: UNKNOWN, expectedVersion: 1, method: 'VERBAL' }))).toEqual(['NOT_FOUND']);
    expect(await stateOf(plan.clientId, plan.id)).toEqual(before);
    expect(await agreementRows(UNKNOWN)).toEqual([]);
  });

  it("lets the agency's supervisor record it, as for other plan changes", async () => {
    const { plan } = bed.takePlan(casey.id);
    const res = await record('sam', { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordPlanAgreement.agreement).toMatchObject({ recordedBy: { id: demoStaff('sam').id }, planVersion: plan.version });
  });

  it('refuses bad input naming the field, before asking for access, recording nothing', async () => {
    const { plan } = bed.takePlan(casey.id);
    const before = await stateOf(plan.clientId, plan.id);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ method: 'SMOKE_SIGNAL' }, 'method'],
      [{ method: null }, 'method'],
      [{ note: 'x'.repeat(2001) }, 'note'],
      [{ note: 'bell\u0007' }, 'note'],
      [{ planId: 'not-a-plan' }, 'planId'],
      [{ expectedVersion: 0 }, 'expectedVersion'],
      [{ expectedVersion: 1.5 }, 'expectedVersion'],
    ];
    for (const [vars, field] of bad) {
      const res = await record('casey', { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL', ...vars });
      expect({ field, codes: errorCodes(res), got: res.errors?.[0].extensions?.field }).toEqual({
        field,
        codes: ['BAD_USER_INPUT'],
        got: field,
      });
    }
    expect(bed.access.calls).toHaveLength(0);
    expect(await stateOf(plan.clientId, plan.id)).toEqual(before);
    // An empty note is no note.
    expect((await agree(plan.id, plan.version, 'VERBAL', '   ')).agreement!.note).toBeNull();
  });

  it('refuses a plan that is not ACTIVE with INVALID_TRANSITION, recording nothing', async () => {
    const { plan } = bed.takePlan(casey.id, 'COMPLETED');
    const before = await stateOf(plan.clientId, plan.id);
    const res = await record('casey', { planId: plan.id, expectedVersion: plan.version, method: 'VERBAL' });
    expect(errorCodes(res)).toEqual(['INVALID_TRANSITION']);
    expect(await stateOf(plan.clientId, plan.id)).toEqual(before);
    expect(await read(plan.id)).toMatchObject({ awaitingAgreement: false, agreement: null, agreementHistory: [] });
  });
});

describe('plans awaiting agreement on the caseload', () => {
  it("answers a page of clients' active plans with awaitingAgreement in one more statement, however many clients", async () => {
    const clients = bed.world.clients.filter((c) => c.caseManagerId !== casey.id).slice(0, 25);
    const actives = clients.map((c) => bed.seed.plans.find((p) => p.clientId === c.id && p.status === 'ACTIVE'));
    const agreedPlan = actives.find((p) => p)!;
    const res = await bed.gql('sam', RECORD, { planId: agreedPlan.id, expectedVersion: agreedPlan.version, method: 'VERBAL' });
    expect(res.errors).toBeUndefined();

    const run = async (count: number) => {
      const mark = bed.statementMark();
      const page = await bed.gql<{
        _entities: Array<{ activePlan: { id: string; awaitingAgreement: boolean; agreement: { planVersion: number } | null } | null }>;
      }>(
        'sam',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { activePlan { id awaitingAgreement agreement { planVersion } } } } }`,
        { r: clients.slice(0, count).map((c) => ({ __typename: 'Client', id: c.id })) },
      );
      expect(page.errors).toBeUndefined();
      expect(page.data!._entities).toEqual(
        actives.slice(0, count).map((p) => ({
          activePlan: p
            ? { id: p.id, awaitingAgreement: p.id !== agreedPlan.id, agreement: p.id === agreedPlan.id ? { planVersion: p.version } : null }
            : null,
        })),
      );
      return bed.sqlSince(mark);
    };
    const five = await run(5);
    const page = await run(25);
    expect(page).toHaveLength(five.length);
    // The clients' plans (with progress) in one statement, their agreements in one more.
    expect(page).toHaveLength(2);
    expect(page[1]).toContain('plan_agreement');
  });
});
