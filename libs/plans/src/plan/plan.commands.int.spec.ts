import { demoStaff, EASTSIDE_ID } from '@caseflow/demo';
import { errorCodes, freePort, internalHeaders, postGraphQL, startTestSubgraph } from '@caseflow/testing';
import { calendarDate } from '../step/step.rules';
import { plansSubgraph } from '../subgraph';
import { actorOf, type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const DAY = 86_400_000;
const day = (offset: number) => calendarDate(new Date(Date.now() + offset * DAY));
const casey = demoStaff('casey');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

const PLAN_FIELDS = `id status version client { id } createdBy { id }
  goals { id description term targetDate status smart { specific measurable achievable relevant timeLimited missing }
    tasks { id title steps { id description estimatedTime dueDate whoHelps outcome completedAt overdue } } }
  goalsNotSmart { id } progress { goalsTotal stepsTotal overdueSteps percentComplete }
  revisions { version rationale summary revisedBy { id } }`;
const CREATE = `mutation($input: CreateActionPlanInput!) { createActionPlan(input: $input) { ${PLAN_FIELDS} } }`;
const ADD_GOAL = `mutation($planId: ID!, $v: Int!, $goal: GoalInput!, $why: String!) {
  addGoal(planId: $planId, expectedVersion: $v, goal: $goal, rationale: $why) { ${PLAN_FIELDS} } }`;
const COMPLETE = `mutation($planId: ID!, $v: Int!) { completePlan(planId: $planId, expectedVersion: $v) { ${PLAN_FIELDS} } }`;
const ACTIVATE = `mutation($planId: ID!, $v: Int!) { activatePlan(planId: $planId, expectedVersion: $v) { ${PLAN_FIELDS} } }`;
const CANCEL = `mutation($planId: ID!, $v: Int!, $why: String!) { cancelPlan(planId: $planId, expectedVersion: $v, rationale: $why) { ${PLAN_FIELDS} } }`;

interface PlanResult {
  id: string;
  status: string;
  version: number;
  client: { id: string };
  createdBy: { id: string };
  goals: Array<{
    id: string;
    description: string;
    term: string;
    targetDate: string | null;
    status: string;
    smart: Record<string, unknown>;
    tasks: Array<{ id: string; title: string; steps: Array<Record<string, unknown>> }>;
  }>;
  goalsNotSmart: Array<{ id: string }>;
  progress: { goalsTotal: number; stepsTotal: number; overdueSteps: number; percentComplete: number };
  revisions: Array<{ version: number; rationale: string; summary: string; revisedBy: { id: string } }>;
}

const SMART = { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true };
function goalInput(overrides: Record<string, unknown> = {}) {
  return {
    description: 'Secure stable rental housing within six months',
    term: 'MID',
    targetDate: day(120),
    smart: SMART,
    tasks: [
      {
        title: 'Search for units',
        steps: [
          { description: 'Meet the housing worker', estimatedTime: '1 hour', dueDate: day(7), whoHelps: 'Eastside Housing Help' },
          { description: 'Visit three units', dueDate: day(21) },
        ],
      },
    ],
    ...overrides,
  };
}

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

/** Casey's clients by the state of their world plan, handed out once each so that tests do not share a client. */
const pool = (status: 'ACTIVE' | 'COMPLETED' | 'INTAKE') => {
  const clients = bed.world.clients.filter((c) => c.caseManagerId === casey.id);
  if (status === 'INTAKE') return clients.filter((c) => c.status === 'INTAKE');
  return clients.filter((c) => bed.world.plans.some((p) => p.clientId === c.id && p.status === status));
};
const used = new Set<string>();
function take(status: 'ACTIVE' | 'COMPLETED' | 'INTAKE') {
  const client = pool(status).find((c) => !used.has(c.id));
  if (!client) throw new Error(`no unused ${status} client left`);
  used.add(client.id);
  return client;
}
const activePlanOf = (clientId: string) => bed.seed.plans.find((p) => p.clientId === clientId && p.status === 'ACTIVE')!;
const draftOf = (clientId: string) => bed.seed.plans.find((p) => p.clientId === clientId && p.status === 'DRAFT')!;

describe('createActionPlan', () => {
  it("creates an active plan with its goals, tasks and steps, in the client's agency, and completes the previous active plan as a revision", async () => {
    const client = take('ACTIVE');
    const previous = activePlanOf(client.id);
    const auditMark = await bed.lastAuditId();
    const res = await bed.gql<{ createActionPlan: PlanResult }>('casey', CREATE, {
      input: {
        clientId: client.id,
        goals: [
          goalInput(),
          goalInput({
            description: 'Feel more confident',
            term: 'SHORT',
            targetDate: null,
            smart: { ...SMART, measurable: false, timeLimited: false },
            tasks: [],
          }),
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const plan = res.data!.createActionPlan;
    expect(plan).toMatchObject({ status: 'ACTIVE', version: 1, client: { id: client.id }, createdBy: { id: casey.id }, revisions: [] });
    expect(plan.goals.map((g) => [g.description, g.term, g.targetDate, g.status])).toEqual([
      ['Secure stable rental housing within six months', 'MID', day(120), 'OPEN'],
      ['Feel more confident', 'SHORT', null, 'OPEN'],
    ]);
    expect(plan.goals[0].tasks).toEqual([
      {
        id: expect.any(String),
        title: 'Search for units',
        steps: [
          {
            id: expect.any(String),
            description: 'Meet the housing worker',
            estimatedTime: '1 hour',
            dueDate: day(7),
            whoHelps: 'Eastside Housing Help',
            outcome: 'NOT_STARTED',
            completedAt: null,
            overdue: false,
          },
          {
            id: expect.any(String),
            description: 'Visit three units',
            estimatedTime: null,
            dueDate: day(21),
            whoHelps: null,
            outcome: 'NOT_STARTED',
            completedAt: null,
            overdue: false,
          },
        ],
      },
    ]);
    // Accepted although not SMART; the plan says which goal still needs work.
    expect(plan.goals[1].smart).toMatchObject({ measurable: false, timeLimited: false, missing: ['MEASURABLE', 'TIME_LIMITED'] });
    expect(plan.goalsNotSmart).toEqual([{ id: plan.goals[1].id }]);
    expect(plan.progress).toEqual({ goalsTotal: 2, stepsTotal: 2, overdueSteps: 0, percentComplete: 0 });

    const [row] = await bed.sql<{ organization_id: string }>('SELECT organization_id FROM plans.action_plan WHERE id = $1', [plan.id]);
    expect(row.organization_id).toBe(client.organizationId);
    const goalsSet = await bed.sql<{ set: boolean }>('SELECT set_at IS NOT NULL AS set FROM plans.goal WHERE plan_id = $1', [plan.id]);
    expect(goalsSet).toEqual([{ set: true }, { set: true }]);

    const before = await bed.gql<{ actionPlan: PlanResult }>('casey', `query($id: ID!) { actionPlan(id: $id) { ${PLAN_FIELDS} } }`, {
      id: previous.id,
    });
    expect(before.data!.actionPlan).toMatchObject({ status: 'COMPLETED', version: previous.version + 1 });
    expect(before.data!.actionPlan.revisions.at(-1)).toEqual({
      version: previous.version + 1,
      rationale: 'A new active plan replaces this one.',
      summary: 'Plan completed: replaced by a new active plan',
      revisedBy: { id: casey.id },
    });
    const events = await bed.auditSince(auditMark);
    expect(events.filter((e) => e.action !== 'READ')).toEqual([
      { action: 'TRANSITION', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: previous.id, client_id: client.id },
      { action: 'CREATE', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: plan.id, client_id: client.id },
    ]);
  });

  it('creates a DRAFT when activate is false, leaving the active plan alone and the goals not yet set', async () => {
    const client = take('ACTIVE');
    const active = activePlanOf(client.id);
    const res = await bed.gql<{ createActionPlan: PlanResult }>('casey', CREATE, {
      input: { clientId: client.id, goals: [], activate: false },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createActionPlan).toMatchObject({
      status: 'DRAFT',
      version: 1,
      goals: [],
      progress: { goalsTotal: 0, stepsTotal: 0, overdueSteps: 0, percentComplete: 0 },
    });
    const [still] = await bed.sql<{ status: string; version: number }>('SELECT status, version FROM plans.action_plan WHERE id = $1', [
      active.id,
    ]);
    expect(still).toEqual({ status: 'ACTIVE', version: active.version });
  });

  it("lets the agency's supervisor create a plan for a case manager's client", async () => {
    const client = take('ACTIVE');
    const res = await bed.gql<{ createActionPlan: PlanResult }>('sam', CREATE, { input: { clientId: client.id, goals: [goalInput()] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createActionPlan).toMatchObject({ status: 'ACTIVE', createdBy: { id: demoStaff('sam').id } });
  });

  it('refuses bad input naming the field, before asking for access, and writes nothing', async () => {
    const client = take('ACTIVE');
    const before = await bed.snapshot(client.id);
    const cases: Array<[unknown, string]> = [
      [{ clientId: 'nope', goals: [goalInput()] }, 'input.clientId'],
      [{ clientId: client.id, goals: [] }, 'input.goals'],
      [{ clientId: client.id, goals: Array.from({ length: 21 }, () => goalInput()) }, 'input.goals'],
      [{ clientId: client.id, goals: [goalInput(), goalInput({ description: ' ' })] }, 'input.goals[1].description'],
      [{ clientId: client.id, goals: [goalInput({ targetDate: day(-2) })] }, 'input.goals[0].targetDate'],
      [
        { clientId: client.id, goals: [goalInput({ tasks: [{ title: 'T', steps: [{ description: 'S', dueDate: day(-2) }] }] })] },
        'input.goals[0].tasks[0].steps[0].dueDate',
      ],
      [
        {
          clientId: client.id,
          goals: [goalInput({ tasks: [{ title: 'T', steps: Array.from({ length: 51 }, () => ({ description: 'S' })) }] })],
        },
        'input.goals[0].tasks[0].steps',
      ],
      [{ clientId: client.id, goals: [goalInput({ tasks: [{ title: 'x'.repeat(501), steps: [] }] })] }, 'input.goals[0].tasks[0].title'],
    ];
    for (const [input, field] of cases) {
      const res = await bed.gql('casey', CREATE, { input });
      expect({ field, codes: errorCodes(res), got: res.errors?.[0].extensions?.field }).toEqual({
        field,
        codes: ['BAD_USER_INPUT'],
        got: field,
      });
      expect(res.data).toBeNull();
    }
    expect(bed.access.calls).toHaveLength(0);
    expect(await bed.snapshot(client.id)).toEqual(before);
  });

  it('refuses callers who may not change the case with FORBIDDEN (audited), and an unknown client with NOT_FOUND, writing nothing', async () => {
    const client = take('ACTIVE');
    bed.access.consents.set(`${EASTSIDE_ID}:${client.id}`, ['PLANS']);
    const before = await bed.snapshot(client.id);
    const auditMark = await bed.lastAuditId();
    for (const who of ['jordan', 'robin', 'pat', 'alex', 'admin'] as const) {
      const res = await bed.gql(who, CREATE, { input: { clientId: client.id, goals: [goalInput()] } });
      expect({ who, codes: errorCodes(res) }).toEqual({ who, codes: ['FORBIDDEN'] });
    }
    const denials = await bed.auditSince(auditMark);
    expect(denials).toHaveLength(5);
    expect(denials.every((e) => e.action === 'CREATE' && e.outcome === 'DENIED' && e.client_id === client.id)).toBe(true);

    const unknown = await bed.gql('casey', CREATE, { input: { clientId: UNKNOWN, goals: [goalInput()] } });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(await bed.snapshot(client.id)).toEqual(before);
    expect(await bed.sql(`SELECT id FROM plans.action_plan WHERE client_id = $1`, [UNKNOWN])).toEqual([]);
  });

  it('fails closed with UNAVAILABLE and writes nothing when the clients subgraph does not answer', async () => {
    const client = take('ACTIVE');
    const before = await bed.snapshot(client.id);
    const down = await startTestSubgraph(plansSubgraph, {
      databaseUrl: bed.t.databaseUrl,
      peerUrls: { clients: `http://127.0.0.1:${await freePort()}` },
      peerTimeoutMs: 1000,
    });
    try {
      const res = await postGraphQL(
        down.url,
        CREATE,
        { input: { clientId: client.id, goals: [goalInput()] } },
        internalHeaders(actorOf('casey'), down.secret),
      );
      expect(errorCodes(res)).toEqual(['UNAVAILABLE']);
      expect(res.data).toBeNull();
    } finally {
      await down.stop();
    }
    expect(await bed.snapshot(client.id)).toEqual(before);
  });

  it('keeps one active plan per client when two activations race: each is a success or a CONFLICT', async () => {
    const client = take('ACTIVE');
    const results = await Promise.all(
      [1, 2].map(() =>
        bed.gql<{ createActionPlan: PlanResult }>('casey', CREATE, { input: { clientId: client.id, goals: [goalInput()] } }),
      ),
    );
    for (const res of results) expect(res.errors === undefined || errorCodes(res).join() === 'CONFLICT').toBe(true);
    expect(results.some((r) => r.errors === undefined)).toBe(true);
    const active = await bed.sql(`SELECT id FROM plans.action_plan WHERE client_id = $1 AND status = 'ACTIVE'`, [client.id]);
    expect(active).toHaveLength(1);
  });
});

describe('addGoal', () => {
  it('appends a goal to an active plan as a revision with the rationale, raising the version', async () => {
    const client = take('ACTIVE');
    const plan = activePlanOf(client.id);
    const auditMark = await bed.lastAuditId();
    const res = await bed.gql<{ addGoal: PlanResult }>('casey', ADD_GOAL, {
      planId: plan.id,
      v: plan.version,
      goal: goalInput(),
      why: '  Housing became urgent after the rent increase.  ',
    });
    expect(res.errors).toBeUndefined();
    const got = res.data!.addGoal;
    expect(got.version).toBe(plan.version + 1);
    expect(got.goals.map((g) => g.description)).toEqual([
      ...plan.goals.map((g) => g.description),
      'Secure stable rental housing within six months',
    ]);
    expect(got.revisions.at(-1)).toEqual({
      version: plan.version + 1,
      rationale: 'Housing became urgent after the rent increase.',
      summary: 'Goal added: "Secure stable rental housing within six months" (MID, 1 task(s))',
      revisedBy: { id: casey.id },
    });
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'UPDATE', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: plan.id, client_id: client.id },
    ]);
  });

  it('refuses bad input, a stale version, a closed plan, a full plan and other callers, changing nothing', async () => {
    const client = take('ACTIVE');
    const plan = activePlanOf(client.id);
    const closed = take('COMPLETED');
    const completed = bed.seed.plans.find(
      (p) => p.clientId === closed.id && p.status === 'COMPLETED' && bed.world.plans.some((w) => w.id === p.id),
    )!;
    const before = [await bed.snapshot(client.id), await bed.snapshot(closed.id)];
    const run = (who: 'casey' | 'jordan', vars: Record<string, unknown>) =>
      bed.gql(who, ADD_GOAL, { planId: plan.id, v: plan.version, goal: goalInput(), why: 'Because', ...vars });

    const bad: Array<[Record<string, unknown>, string]> = [
      [{ why: '   ' }, 'rationale'],
      [{ why: 'x'.repeat(2001) }, 'rationale'],
      [{ planId: 'x' }, 'planId'],
      [{ v: 0 }, 'expectedVersion'],
      [{ goal: goalInput({ targetDate: calendarDate(new Date(plan.createdAt.getTime() - 2 * DAY)) }) }, 'goal.targetDate'],
      [{ goal: goalInput({ tasks: Array.from({ length: 21 }, () => ({ title: 'T', steps: [] })) }) }, 'goal.tasks'],
    ];
    for (const [vars, field] of bad) {
      const res = await run('casey', vars);
      expect({ field, codes: errorCodes(res), got: res.errors?.[0].extensions?.field }).toEqual({
        field,
        codes: ['BAD_USER_INPUT'],
        got: field,
      });
    }
    const stale = await run('casey', { v: plan.version - 1 || 99 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions!.currentVersion).toBe(plan.version);
    const onClosed = await bed.gql('casey', ADD_GOAL, { planId: completed.id, v: completed.version, goal: goalInput(), why: 'Because' });
    expect(errorCodes(onClosed)).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await run('jordan', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('casey', { planId: UNKNOWN }))).toEqual(['NOT_FOUND']);
    expect([await bed.snapshot(client.id), await bed.snapshot(closed.id)]).toEqual(before);
  });

  it('refuses a 21st goal, naming goal', async () => {
    const client = take('ACTIVE');
    const created = await bed.gql<{ createActionPlan: PlanResult }>('casey', CREATE, {
      input: { clientId: client.id, goals: Array.from({ length: 20 }, () => goalInput({ tasks: [] })) },
    });
    const plan = created.data!.createActionPlan;
    const before = await bed.snapshot(client.id);
    const res = await bed.gql('casey', ADD_GOAL, { planId: plan.id, v: plan.version, goal: goalInput(), why: 'One more' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('goal');
    expect(await bed.snapshot(client.id)).toEqual(before);
  });
});

describe('plan status: completePlan, activatePlan, cancelPlan', () => {
  it('completes an active plan as a revision, and then refuses to complete it again', async () => {
    const client = take('ACTIVE');
    const plan = activePlanOf(client.id);
    const res = await bed.gql<{ completePlan: PlanResult }>('casey', COMPLETE, { planId: plan.id, v: plan.version });
    expect(res.errors).toBeUndefined();
    expect(res.data!.completePlan).toMatchObject({ status: 'COMPLETED', version: plan.version + 1 });
    expect(res.data!.completePlan.revisions.at(-1)).toMatchObject({ summary: 'Plan completed', rationale: 'Plan completed.' });
    // A completed plan's late steps are no longer overdue.
    expect(res.data!.completePlan.progress.overdueSteps).toBe(0);
    const before = await bed.snapshot(client.id);
    const again = await bed.gql('casey', COMPLETE, { planId: plan.id, v: plan.version + 1 });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    expect(await bed.snapshot(client.id)).toEqual(before);
  });

  it('refuses to complete a draft (INVALID_TRANSITION), a stale version (CONFLICT) and another case manager (FORBIDDEN)', async () => {
    const intake = take('INTAKE');
    const draft = draftOf(intake.id);
    const client = take('ACTIVE');
    const plan = activePlanOf(client.id);
    const before = [await bed.snapshot(intake.id), await bed.snapshot(client.id)];
    expect(errorCodes(await bed.gql('casey', COMPLETE, { planId: draft.id, v: draft.version }))).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await bed.gql('casey', COMPLETE, { planId: plan.id, v: plan.version + 5 }))).toEqual(['CONFLICT']);
    expect(errorCodes(await bed.gql('jordan', COMPLETE, { planId: plan.id, v: plan.version }))).toEqual(['FORBIDDEN']);
    expect([await bed.snapshot(intake.id), await bed.snapshot(client.id)]).toEqual(before);
  });

  it('activates a draft, setting its goals, and refuses to activate it twice or to activate a plan without goals', async () => {
    const intake = take('INTAKE');
    const draft = draftOf(intake.id);
    const res = await bed.gql<{ activatePlan: PlanResult }>('casey', ACTIVATE, { planId: draft.id, v: draft.version });
    expect(res.errors).toBeUndefined();
    expect(res.data!.activatePlan).toMatchObject({ status: 'ACTIVE', version: 2, revisions: [{ version: 2, summary: 'Plan activated' }] });
    expect(await bed.sql('SELECT count(*)::int AS unset FROM plans.goal WHERE plan_id = $1 AND set_at IS NULL', [draft.id])).toEqual([
      { unset: 0 },
    ]);
    expect(errorCodes(await bed.gql('casey', ACTIVATE, { planId: draft.id, v: 2 }))).toEqual(['INVALID_TRANSITION']);

    const empty = await bed.gql<{ createActionPlan: PlanResult }>('casey', CREATE, {
      input: { clientId: intake.id, goals: [], activate: false },
    });
    const before = await bed.snapshot(intake.id);
    const refused = await bed.gql('casey', ACTIVATE, { planId: empty.data!.createActionPlan.id, v: 1 });
    expect(errorCodes(refused)).toEqual(['INVALID_TRANSITION']);
    expect(await bed.snapshot(intake.id)).toEqual(before);
  });

  it('cancels a plan only with a reason', async () => {
    const client = take('ACTIVE');
    const plan = activePlanOf(client.id);
    const before = await bed.snapshot(client.id);
    const noReason = await bed.gql('casey', CANCEL, { planId: plan.id, v: plan.version, why: ' ' });
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors![0].extensions!.field).toBe('rationale');
    expect(await bed.snapshot(client.id)).toEqual(before);

    const res = await bed.gql<{ cancelPlan: PlanResult }>('sam', CANCEL, {
      planId: plan.id,
      v: plan.version,
      why: 'Client moved to another province.',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.cancelPlan).toMatchObject({ status: 'CANCELLED', version: plan.version + 1 });
    expect(res.data!.cancelPlan.revisions.at(-1)).toEqual({
      version: plan.version + 1,
      rationale: 'Client moved to another province.',
      summary: 'Plan cancelled',
      revisedBy: { id: demoStaff('sam').id },
    });
  });
});
