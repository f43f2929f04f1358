import { demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import type { SeedPlan } from '@caseflow/plans-seed';
import { calendarDate } from '../step/step.rules';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const DAY = 86_400_000;
const day = (offset: number) => calendarDate(new Date(Date.now() + offset * DAY));
const casey = demoStaff('casey');
const PROGRESS = 'progress { goalsTotal goalsAchieved stepsTotal stepsComplete overdueSteps percentComplete }';

type Progress = {
  goalsTotal: number;
  goalsAchieved: number;
  stepsTotal: number;
  stepsComplete: number;
  overdueSteps: number;
  percentComplete: number;
};

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

/** The same rules as the SQL, worked out by hand from the seed. */
function expectedProgress(plan: SeedPlan, today: string): Progress {
  const goals = plan.goals.filter((g) => g.status !== 'CANCELLED');
  const steps = goals.flatMap((g) => g.task.steps.filter((s) => s.outcome !== 'CANCELLED').map((s) => ({ ...s, goal: g })));
  const open = plan.status === 'DRAFT' || plan.status === 'ACTIVE';
  const complete = steps.filter((s) => s.outcome === 'COMPLETE').length;
  return {
    goalsTotal: goals.length,
    goalsAchieved: goals.filter((g) => g.status === 'ACHIEVED').length,
    stepsTotal: steps.length,
    stepsComplete: complete,
    overdueSteps: open ? steps.filter((s) => s.goal.status === 'OPEN' && s.dueDate < today && s.outcome !== 'COMPLETE').length : 0,
    percentComplete: steps.length ? Math.round((1000 * complete) / steps.length) / 10 : 0,
  };
}

async function createPlan(clientId: string, goals: unknown[]) {
  const res = await bed.gql<{
    createActionPlan: { id: string; version: number; goals: Array<{ id: string; tasks: Array<{ steps: Array<{ id: string }> }> }> };
  }>(
    'casey',
    `mutation($input: CreateActionPlanInput!) { createActionPlan(input: $input) { id version goals { id tasks { steps { id } } } } }`,
    { input: { clientId, goals } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createActionPlan;
}

const SMART = { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true };
const goal = (description: string, steps: Array<string | null>) => ({
  description,
  term: 'SHORT',
  smart: SMART,
  tasks: steps.length
    ? [{ title: `${description} task`, steps: steps.map((dueDate, i) => ({ description: `${description} step ${i}`, dueDate })) }]
    : [],
});

describe('plan progress', () => {
  it('counts goals and steps by the rules: cancelled steps and goals leave the totals, brought-forward steps keep their history', async () => {
    const client = bed.world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
    const plan = await createPlan(client.id, [
      goal('First', [day(-1), day(5), day(-1), day(-1)]),
      goal('Second', [day(-1), day(-1)]),
      goal('Third', []),
      goal('Fourth', [day(-1)]),
    ]);
    const [g1, g2, g3, g4] = plan.goals;
    const [s1, , s3, s4] = g1.tasks[0].steps;
    const [s5, s6] = g2.tasks[0].steps;
    let version = plan.version;
    const step = async (stepId: string, change: Record<string, unknown>) => {
      const res = await bed.gql('casey', `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id } }`, {
        input: { stepId, expectedVersion: version, rationale: 'Reviewed with the client', ...change },
      });
      expect(res.errors).toBeUndefined();
      version += 1;
    };
    const goalStatus = async (goalId: string, status: string) => {
      const res = await bed.gql(
        'casey',
        `mutation($g: ID!, $v: Int!, $s: GoalStatus!) { setGoalStatus(goalId: $g, expectedVersion: $v, status: $s, rationale: "Reviewed") { id } }`,
        {
          g: goalId,
          v: version,
          s: status,
        },
      );
      expect(res.errors).toBeUndefined();
      version += 1;
    };
    await step(s3.id, { outcome: 'COMPLETE' });
    await step(s4.id, { outcome: 'CANCELLED' });
    await step(s5.id, { outcome: 'BROUGHT_FORWARD', dueDate: day(7) });
    await step(s6.id, { outcome: 'IN_PROGRESS' });
    await goalStatus(g3.id, 'ACHIEVED');
    await goalStatus(g4.id, 'CANCELLED');

    const res = await bed.gql<{
      actionPlan: {
        version: number;
        progress: Progress;
        goals: Array<{ tasks: Array<{ steps: Array<{ id: string; overdue: boolean; revisions: Array<{ summary: string }> }> }> }>;
      };
    }>(
      'casey',
      `query($id: ID!) { actionPlan(id: $id) { version ${PROGRESS} goals { tasks { steps { id overdue revisions { summary } } } } } }`,
      { id: plan.id },
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!.actionPlan;
    expect(got.version).toBe(version);
    // Goals: First, Second, Third (Fourth cancelled); achieved: Third. Steps: s1 s2 s3 of First (s4 cancelled), s5 s6 of Second;
    // complete: s3; overdue: s1 (not started) and s6 (in progress), not s5 (brought forward to next week).
    expect(got.progress).toEqual({
      goalsTotal: 3,
      goalsAchieved: 1,
      stepsTotal: 5,
      stepsComplete: 1,
      overdueSteps: 2,
      percentComplete: 20,
    });
    const steps = got.goals.flatMap((g) => g.tasks.flatMap((t) => t.steps));
    expect(
      steps
        .filter((s) => s.overdue)
        .map((s) => s.id)
        .sort(),
    ).toEqual([s1.id, s6.id].sort());
    expect(steps.find((s) => s.id === s5.id)!.revisions).toEqual([
      { summary: `Step "Second step 0": brought forward, due ${day(-1)} → ${day(7)}` },
    ]);
  });

  it('is 0 for an empty draft and measured by goals when a plan has no steps', async () => {
    const client = bed.world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')[1];
    const draft = await bed.gql<{ createActionPlan: { progress: Progress } }>(
      'casey',
      `mutation($input: CreateActionPlanInput!) { createActionPlan(input: $input) { ${PROGRESS} } }`,
      { input: { clientId: client.id, goals: [], activate: false } },
    );
    expect(draft.data!.createActionPlan.progress).toEqual({
      goalsTotal: 0,
      goalsAchieved: 0,
      stepsTotal: 0,
      stepsComplete: 0,
      overdueSteps: 0,
      percentComplete: 0,
    });

    const plan = await createPlan(client.id, [goal('One', []), goal('Two', [])]);
    const res = await bed.gql<{ setGoalStatus: { plan: { progress: Progress } } }>(
      'casey',
      `mutation($g: ID!, $v: Int!) { setGoalStatus(goalId: $g, expectedVersion: $v, status: ACHIEVED, rationale: "Met") { plan { ${PROGRESS} } } }`,
      { g: plan.goals[0].id, v: plan.version },
    );
    expect(res.data!.setGoalStatus.plan.progress).toEqual({
      goalsTotal: 2,
      goalsAchieved: 1,
      stepsTotal: 0,
      stepsComplete: 0,
      overdueSteps: 0,
      percentComplete: 50,
    });
  });

  it('agrees with the rules worked out by hand for every seeded plan of the agency', async () => {
    const plans = bed.seed.plans.filter(
      (p) => !bed.world.clients.some((c) => c.id === p.clientId && c.caseManagerId === casey.id && c.status === 'ACTIVE'),
    );
    const res = await bed.gql<{ _entities: Array<{ id: string; progress: Progress }> }>(
      'sam',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ActionPlan { id ${PROGRESS} } } }`,
      { r: plans.map((p) => ({ __typename: 'ActionPlan', id: p.id })) },
    );
    expect(res.errors).toBeUndefined();
    const today = calendarDate(new Date());
    expect(res.data!._entities).toEqual(plans.map((p) => ({ id: p.id, progress: expectedProgress(p, today) })));
    expect(res.data!._entities.some((e) => e.progress.overdueSteps > 0)).toBe(true);
  });

  it("reads 25 clients' active plans with their progress (a caseload page) in one SQL statement, as for 5", async () => {
    const clients = bed.world.clients.filter((c) => c.caseManagerId !== casey.id).slice(0, 25);
    const today = calendarDate(new Date());
    const run = async (count: number) => {
      const mark = bed.statementMark();
      const res = await bed.gql<{ _entities: Array<{ activePlan: { id: string; progress: Progress } | null }> }>(
        'sam',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { activePlan { id ${PROGRESS} } } } }`,
        { r: clients.slice(0, count).map((c) => ({ __typename: 'Client', id: c.id })) },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities.filter((e) => e.activePlan).length).toBeGreaterThan(count / 2);
      const expected = clients.slice(0, count).map((c) => {
        const active = bed.seed.plans.find((p) => p.clientId === c.id && p.status === 'ACTIVE');
        return { activePlan: active ? { id: active.id, progress: expectedProgress(active, today) } : null };
      });
      expect(res.data!._entities).toEqual(expected);
      return bed.sqlSince(mark);
    };
    const five = await run(5);
    const page = await run(25);
    // The client's plans and the active plan's progress (the counts the database keeps) come in one statement, which primes the progress loader.
    expect(page).toHaveLength(five.length);
    expect(page).toHaveLength(1);
    expect(page[0]).toContain('plans.plan_progress');
  });

  it("reads the progress of a client's other plans in one more statement, and the active plan's from its client's plans", async () => {
    const client = bed.world.clients.find(
      (c) =>
        c.caseManagerId !== casey.id &&
        bed.seed.plans.filter((p) => p.clientId === c.id).length > 1 &&
        bed.seed.plans.some((p) => p.clientId === c.id && p.status === 'ACTIVE'),
    );
    expect(client).toBeDefined();
    const today = calendarDate(new Date());
    const mark = bed.statementMark();
    const res = await bed.gql<{
      _entities: Array<{ actionPlans: Array<{ id: string; progress: Progress }>; activePlan: { id: string; progress: Progress } }>;
    }>(
      'sam',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { actionPlans { id ${PROGRESS} } activePlan { id ${PROGRESS} } } } }`,
      { r: [{ __typename: 'Client', id: client!.id }] },
    );
    expect(res.errors).toBeUndefined();
    const seeded = bed.seed.plans.filter((p) => p.clientId === client!.id);
    const [found] = res.data!._entities;
    expect([...found.actionPlans].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      seeded.map((p) => ({ id: p.id, progress: expectedProgress(p, today) })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(found.activePlan).toEqual(found.actionPlans.find((p) => p.id === found.activePlan.id));
    expect(bed.sqlSince(mark)).toHaveLength(2);
  });

  it('is not shown for a client whose plans the caller may not read', async () => {
    const plan = bed.seed.plans.find((p) => p.status === 'ACTIVE')!;
    bed.access.denied.add(plan.clientId);
    const res = await bed.gql('casey', `query($id: ID!) { actionPlan(id: $id) { ${PROGRESS} } }`, { id: plan.id });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toEqual({ actionPlan: null });
  });
});
