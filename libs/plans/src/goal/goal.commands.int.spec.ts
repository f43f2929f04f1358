import { demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { calendarDate } from '../step/step.rules';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const today = () => calendarDate(new Date());
const casey = demoStaff('casey');

const SET_GOAL = `mutation($goalId: ID!, $v: Int!, $status: GoalStatus!, $why: String!) {
  setGoalStatus(goalId: $goalId, expectedVersion: $v, status: $status, rationale: $why) {
    id status plan { id version status progress { goalsTotal goalsAchieved stepsTotal stepsComplete overdueSteps } revisions { summary rationale } }
    tasks { steps { overdue } } } }`;

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

describe('setGoalStatus', () => {
  it('marks a goal achieved as a revision; the plan progress follows', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const res = await bed.gql<{
      setGoalStatus: {
        id: string;
        status: string;
        plan: { version: number; progress: { goalsAchieved: number }; revisions: Array<{ summary: string; rationale: string }> };
      };
    }>('casey', SET_GOAL, { goalId: goal.id, v: plan.version, status: 'ACHIEVED', why: 'Client signed the lease.' });
    expect(res.errors).toBeUndefined();
    const got = res.data!.setGoalStatus;
    expect(got).toMatchObject({ id: goal.id, status: 'ACHIEVED', plan: { version: plan.version + 1 } });
    expect(got.plan.progress.goalsAchieved).toBe(plan.goals.filter((g) => g.status === 'ACHIEVED').length + 1);
    expect(got.plan.revisions.at(-1)).toEqual({
      summary: `Goal "${goal.description}": OPEN → ACHIEVED`,
      rationale: 'Client signed the lease.',
    });
  });

  it('cancels a goal: it and its steps leave the totals and its late steps stop being overdue', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    type Result = { setGoalStatus: { plan: { progress: Record<string, number> }; tasks: Array<{ steps: Array<{ overdue: boolean }> }> } };
    const read = await bed.gql<{ actionPlan: { progress: Record<string, number> } }>(
      'casey',
      'query($id: ID!) { actionPlan(id: $id) { progress { goalsTotal stepsTotal stepsComplete overdueSteps } } }',
      { id: plan.id },
    );
    const before = read.data!.actionPlan.progress;
    const res = await bed.gql<Result>('casey', SET_GOAL, {
      goalId: goal.id,
      v: plan.version,
      status: 'CANCELLED',
      why: 'No longer a priority for the client.',
    });
    expect(res.errors).toBeUndefined();
    const counted = goal.task.steps.filter((s) => s.outcome !== 'CANCELLED');
    const overdue = goal.task.steps.filter((s) => s.dueDate < today() && !['COMPLETE', 'CANCELLED'].includes(s.outcome));
    expect(res.data!.setGoalStatus.plan.progress).toEqual({
      goalsTotal: before.goalsTotal - 1,
      goalsAchieved: expect.any(Number),
      stepsTotal: before.stepsTotal - counted.length,
      stepsComplete: before.stepsComplete - counted.filter((s) => s.outcome === 'COMPLETE').length,
      overdueSteps: before.overdueSteps - overdue.length,
    });
    expect(res.data!.setGoalStatus.tasks.flatMap((t) => t.steps).some((s) => s.overdue)).toBe(false);
  });

  it('refuses an invalid goal transition, a stale version, bad input and other callers, changing nothing', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const before = await bed.snapshot(plan.clientId);
    const run = (who: 'casey' | 'pat', vars: Record<string, unknown>) =>
      bed.gql(who, SET_GOAL, { goalId: goal.id, v: plan.version, status: 'ACHIEVED', why: 'Met', ...vars });
    expect(errorCodes(await run('casey', { status: 'OPEN' }))).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await run('casey', { v: plan.version + 1 }))).toEqual(['CONFLICT']);
    const noWhy = await run('casey', { why: '' });
    expect([errorCodes(noWhy), noWhy.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'rationale']);
    const badId = await run('casey', { goalId: '42' });
    expect([errorCodes(badId), badId.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'goalId']);
    expect(errorCodes(await run('pat', {}))).toEqual(['FORBIDDEN']);
    expect(await bed.snapshot(plan.clientId)).toEqual(before);
  });

  it('reopens an achieved goal, and refuses to move it from one closed status to another', async () => {
    const { plan, goal } = bed.takePlan(casey.id);
    const achieved = await bed.gql('casey', SET_GOAL, { goalId: goal.id, v: plan.version, status: 'ACHIEVED', why: 'Met' });
    expect(achieved.errors).toBeUndefined();
    const before = await bed.snapshot(plan.clientId);
    expect(
      errorCodes(await bed.gql('casey', SET_GOAL, { goalId: goal.id, v: plan.version + 1, status: 'CANCELLED', why: 'Changed mind' })),
    ).toEqual(['INVALID_TRANSITION']);
    expect(await bed.snapshot(plan.clientId)).toEqual(before);
    const reopened = await bed.gql<{ setGoalStatus: { status: string } }>('casey', SET_GOAL, {
      goalId: goal.id,
      v: plan.version + 1,
      status: 'OPEN',
      why: 'Lease fell through',
    });
    expect(reopened.data!.setGoalStatus.status).toBe('OPEN');
  });
});
