import { addDays, localDay } from '@caseflow/core';
import { demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { expectFieldRefusals } from '../testing/field-refusals';
import { type PlansTestbed, type StaffKey, startPlansTestbed } from '../testing/testbed';

const casey = demoStaff('casey');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';
const today = () => localDay(new Date(), 'UTC');

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

const PLAN = `id status version awaitingAgreement agreement { planVersion }
  goals { id status revisions { summary }
    tasks { id title steps { id description estimatedTime dueDate whoHelps outcome overdue revisions { summary rationale } } } }
  revisions { version rationale summary revisedBy { id } }`;
const ADD_TASK = `mutation($goalId: ID!, $v: Int!, $task: PlanTaskInput!, $why: String!) {
  addTask(goalId: $goalId, expectedVersion: $v, task: $task, rationale: $why) { ${PLAN} } }`;
const ADD_STEP = `mutation($taskId: ID!, $v: Int!, $step: PlanStepInput!, $why: String!) {
  addStep(taskId: $taskId, expectedVersion: $v, step: $step, rationale: $why) { ${PLAN} } }`;

interface Step {
  id: string;
  description: string;
  estimatedTime: string | null;
  dueDate: string | null;
  whoHelps: string | null;
  outcome: string;
  overdue: boolean;
  revisions: Array<{ summary: string; rationale: string }>;
}
interface PlanShown {
  id: string;
  status: string;
  version: number;
  awaitingAgreement: boolean;
  agreement: { planVersion: number } | null;
  goals: Array<{
    id: string;
    status: string;
    revisions: Array<{ summary: string }>;
    tasks: Array<{ id: string; title: string; steps: Step[] }>;
  }>;
  revisions: Array<{ version: number; rationale: string; summary: string; revisedBy: { id: string } }>;
}

const taskInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Prepare for interviews',
  steps: [
    { description: 'Mock interview with the job coach', estimatedTime: '1 hour', dueDate: addDays(today(), 7), whoHelps: 'Job coach' },
    { description: 'Buy interview clothes' },
  ],
  ...overrides,
});
const stepInput = (overrides: Record<string, unknown> = {}) => ({
  description: 'Call the landlord about the deposit',
  estimatedTime: '15 minutes',
  dueDate: addDays(today(), 3),
  whoHelps: null,
  ...overrides,
});
const addTask = (who: StaffKey, vars: Record<string, unknown>) => bed.gql<{ addTask: PlanShown }>(who, ADD_TASK, vars);
const addStep = (who: StaffKey, vars: Record<string, unknown>) => bed.gql<{ addStep: PlanShown }>(who, ADD_STEP, vars);

/** Everything a refused change must leave as it was: the client's plans, goals, tasks, steps and revisions, and the outbox. */
const stateOf = async (clientId: string) => ({ snapshot: await bed.snapshot(clientId), outbox: await bed.outboxMark() });

async function agree(planId: string, version: number): Promise<void> {
  const res = await bed.gql(
    'casey',
    `mutation($p: ID!, $v: Int!) { recordPlanAgreement(planId: $p, expectedVersion: $v, method: VERBAL) { id } }`,
    { p: planId, v: version },
  );
  expect(res.errors).toBeUndefined();
}

describe('addTask', () => {
  it('appends a task with its steps to a goal as a revision with the rationale, clears the agreement, audits and tells plan.revised', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    await agree(plan.id, plan.version);
    const [auditMark, outbox] = [await bed.lastAuditId(), await bed.outboxMark()];

    const res = await addTask('casey', { goalId: goal.id, v: plan.version, task: taskInput(), why: '  Interviews are coming up.  ' });
    expect(res.errors).toBeUndefined();
    const got = res.data!.addTask;
    expect(got).toMatchObject({ id: plan.id, status: 'ACTIVE', version: plan.version + 1, agreement: null, awaitingAgreement: true });
    const tasks = got.goals.find((g) => g.id === goal.id)!.tasks;
    expect(tasks.map((t) => t.title)).toEqual([goal.task.title, 'Prepare for interviews']);
    expect(tasks[1].steps.map(({ revisions: _revisions, id: _id, ...s }) => s)).toEqual([
      {
        description: 'Mock interview with the job coach',
        estimatedTime: '1 hour',
        dueDate: addDays(today(), 7),
        whoHelps: 'Job coach',
        outcome: 'NOT_STARTED',
        overdue: false,
      },
      { description: 'Buy interview clothes', estimatedTime: null, dueDate: null, whoHelps: null, outcome: 'NOT_STARTED', overdue: false },
    ]);
    const summary = `Task added to goal "${goal.description}": "Prepare for interviews" (2 step(s))`;
    expect(got.revisions.at(-1)).toEqual({
      version: plan.version + 1,
      rationale: 'Interviews are coming up.',
      summary,
      revisedBy: { id: casey.id },
    });
    expect(got.goals.find((g) => g.id === goal.id)!.revisions.at(-1)).toEqual({ summary });
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'UPDATE', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: plan.id, client_id: plan.clientId },
    ]);
    expect(await bed.outboxSince(outbox)).toEqual([
      {
        type: 'plan.revised',
        aggregate_id: plan.id,
        payload: { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id, version: plan.version + 1 },
      },
    ]);
  });

  it("lets the agency's supervisor add a task without steps to a draft's goal", async () => {
    const { plan } = bed.takePlan(casey.id);
    const created = await bed.gql<{ createActionPlan: PlanShown }>(
      'casey',
      `mutation($i: CreateActionPlanInput!) { createActionPlan(input: $i) { ${PLAN} } }`,
      {
        i: {
          clientId: plan.clientId,
          activate: false,
          goals: [
            {
              description: 'Finish the forklift course',
              term: 'SHORT',
              smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
              tasks: [],
            },
          ],
        },
      },
    );
    const draft = created.data!.createActionPlan;
    const res = await addTask('sam', { goalId: draft.goals[0].id, v: draft.version, task: taskInput({ steps: [] }), why: 'Agreed' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addTask).toMatchObject({ status: 'DRAFT', version: draft.version + 1 });
    expect(res.data!.addTask.goals[0].tasks).toEqual([{ id: expect.any(String), title: 'Prepare for interviews', steps: [] }]);
    expect(res.data!.addTask.revisions.at(-1)!.revisedBy).toEqual({ id: demoStaff('sam').id });
  });

  it('refuses bad input naming the field, a stale version, other callers and unknown goals, changing nothing', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const before = await stateOf(plan.clientId);
    const auditMark = await bed.lastAuditId();
    const run = (who: StaffKey, vars: Record<string, unknown>) =>
      addTask(who, { goalId: goal.id, v: plan.version, task: taskInput(), why: 'Because', ...vars });

    const tooEarly = addDays(localDay(plan.createdAt, 'UTC'), -2);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ goalId: 'goal-1' }, 'goalId'],
      [{ v: 0 }, 'expectedVersion'],
      [{ why: '  ' }, 'rationale'],
      [{ why: 'x'.repeat(2001) }, 'rationale'],
      [{ task: taskInput({ title: ' ' }) }, 'task.title'],
      [{ task: taskInput({ title: 'x'.repeat(501) }) }, 'task.title'],
      [{ task: taskInput({ steps: Array.from({ length: 51 }, () => ({ description: 'S' })) }) }, 'task.steps'],
      [{ task: taskInput({ steps: [{ description: '' }] }) }, 'task.steps[0].description'],
      [{ task: taskInput({ steps: [{ description: 'S', dueDate: tooEarly }] }) }, 'task.steps[0].dueDate'],
      [{ task: taskInput({ steps: [{ description: 'S', whoHelps: 'x'.repeat(501) }] }) }, 'task.steps[0].whoHelps'],
    ];
    await expectFieldRefusals((vars) => run('casey', vars), bad);
    const stale = await run('casey', { v: plan.version + 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions!.currentVersion).toBe(plan.version);
    expect(errorCodes(await run('jordan', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('pat', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('alex', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('casey', { goalId: UNKNOWN }))).toEqual(['NOT_FOUND']);
    expect(await stateOf(plan.clientId)).toEqual(before);
    expect((await bed.auditSince(auditMark)).filter((e) => e.outcome === 'DENIED')).toEqual(
      ['jordan', 'pat', 'alex'].map(() => ({
        action: 'UPDATE',
        outcome: 'DENIED',
        entity_type: 'Goal',
        entity_id: goal.id,
        client_id: plan.clientId,
      })),
    );
  });

  it('refuses a goal of a closed plan, a closed goal and a 21st task, changing nothing', async () => {
    const completed = bed.takePlan(casey.id, 'COMPLETED');
    const { plan, goal } = bed.takePlan(casey.id);
    const closing = await bed.gql(
      'casey',
      `mutation($g: ID!, $v: Int!) { setGoalStatus(goalId: $g, expectedVersion: $v, status: ACHIEVED, rationale: "Done") { id } }`,
      { g: goal.id, v: plan.version },
    );
    expect(closing.errors).toBeUndefined();
    const before = [await stateOf(completed.plan.clientId), await stateOf(plan.clientId)];

    const onClosedPlan = await addTask('casey', {
      goalId: completed.goal.id,
      v: completed.plan.version,
      task: taskInput(),
      why: 'More work',
    });
    expect([errorCodes(onClosedPlan), onClosedPlan.errors![0].extensions!.status]).toEqual([['INVALID_TRANSITION'], 'COMPLETED']);
    const onClosedGoal = await addTask('casey', { goalId: goal.id, v: plan.version + 1, task: taskInput(), why: 'More work' });
    expect([errorCodes(onClosedGoal), onClosedGoal.errors![0].extensions!.status]).toEqual([['INVALID_TRANSITION'], 'ACHIEVED']);
    expect([await stateOf(completed.plan.clientId), await stateOf(plan.clientId)]).toEqual(before);

    const third = bed.takePlan(casey.id);
    await bed.sql(`INSERT INTO plans.plan_task (goal_id, position, title) SELECT $1, 100 + n, 'Filler' FROM generate_series(1, 19) AS n`, [
      third.goal.id,
    ]);
    const full = await stateOf(third.plan.clientId);
    const res = await addTask('casey', { goalId: third.goal.id, v: third.plan.version, task: taskInput(), why: 'One more' });
    expect([errorCodes(res), res.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'task']);
    expect(await stateOf(third.plan.clientId)).toEqual(full);
  });
});

describe('addStep', () => {
  it("appends a step to a task as a revision kept in the step's history; a late step is overdue at once and told", async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const [auditMark, outbox] = [await bed.lastAuditId(), await bed.outboxMark()];
    const res = await addStep('casey', {
      taskId: goal.task.id,
      v: plan.version,
      step: stepInput({ dueDate: addDays(today(), -1), whoHelps: '  Housing worker ' }),
      why: 'The deposit is still owed.',
    });
    expect(res.errors).toBeUndefined();
    const got = res.data!.addStep;
    expect(got.version).toBe(plan.version + 1);
    const steps = got.goals.find((g) => g.id === goal.id)!.tasks.find((t) => t.id === goal.task.id)!.steps;
    expect(steps.map((s) => s.id).slice(0, -1)).toEqual(goal.task.steps.map((s) => s.id));
    const summary = `Step added to task "${goal.task.title}": "Call the landlord about the deposit", due ${addDays(today(), -1)}`;
    expect(steps.at(-1)).toEqual({
      id: expect.any(String),
      description: 'Call the landlord about the deposit',
      estimatedTime: '15 minutes',
      dueDate: addDays(today(), -1),
      whoHelps: 'Housing worker',
      outcome: 'NOT_STARTED',
      overdue: true,
      revisions: [{ summary, rationale: 'The deposit is still owed.' }],
    });
    expect(got.revisions.at(-1)).toEqual({
      version: plan.version + 1,
      rationale: 'The deposit is still owed.',
      summary,
      revisedBy: { id: casey.id },
    });
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'UPDATE', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: plan.id, client_id: plan.clientId },
    ]);
    const events = await bed.outboxSince(outbox);
    expect(events.map((e) => e.type)).toEqual(['plan.revised', 'plan.steps_changed']);
    expect(events[1].payload.overdueStepIds).toContain(steps.at(-1)!.id);
  });

  it('clears the agreement to the version before', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    await agree(plan.id, plan.version);
    const res = await addStep('casey', { taskId: goal.task.id, v: plan.version, step: stepInput(), why: 'Agreed at the meeting' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addStep).toMatchObject({ version: plan.version + 1, agreement: null, awaitingAgreement: true });
  });

  it('refuses bad input naming the field, a stale version, other callers, a closed plan and a full task, changing nothing', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const completed = bed.takePlan(casey.id, 'COMPLETED');
    const before = [await stateOf(plan.clientId), await stateOf(completed.plan.clientId)];
    const run = (who: StaffKey, vars: Record<string, unknown>) =>
      addStep(who, { taskId: goal.task.id, v: plan.version, step: stepInput(), why: 'Because', ...vars });

    const bad: Array<[Record<string, unknown>, string]> = [
      [{ taskId: '7' }, 'taskId'],
      [{ v: -1 }, 'expectedVersion'],
      [{ why: '' }, 'rationale'],
      [{ step: stepInput({ description: '   ' }) }, 'step.description'],
      [{ step: stepInput({ description: 'x'.repeat(2001) }) }, 'step.description'],
      [{ step: stepInput({ estimatedTime: 'x'.repeat(201) }) }, 'step.estimatedTime'],
      [{ step: stepInput({ dueDate: addDays(localDay(plan.createdAt, 'UTC'), -2) }) }, 'step.dueDate'],
      [{ step: stepInput({ dueDate: addDays(today(), 366 * 11) }) }, 'step.dueDate'],
    ];
    await expectFieldRefusals((vars) => run('casey', vars), bad);
    const stale = await run('casey', { v: plan.version - 1 || 99 });
    expect([errorCodes(stale), stale.errors![0].extensions!.currentVersion]).toEqual([['CONFLICT'], plan.version]);
    expect(errorCodes(await run('jordan', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('pat', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('admin', {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await run('casey', { taskId: UNKNOWN }))).toEqual(['NOT_FOUND']);
    const onClosed = await run('casey', { taskId: completed.goal.task.id, v: completed.plan.version });
    expect([errorCodes(onClosed), onClosed.errors![0].extensions!.status]).toEqual([['INVALID_TRANSITION'], 'COMPLETED']);
    expect([await stateOf(plan.clientId), await stateOf(completed.plan.clientId)]).toEqual(before);

    await bed.sql(
      `INSERT INTO plans.plan_step (task_id, position, description) SELECT $1, 100 + n, 'Filler' FROM generate_series(1, $2::int) AS n`,
      [goal.task.id, 50 - goal.task.steps.length],
    );
    const full = await stateOf(plan.clientId);
    const res = await run('casey', {});
    expect([errorCodes(res), res.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'step']);
    expect(await stateOf(plan.clientId)).toEqual(full);
  });
});
