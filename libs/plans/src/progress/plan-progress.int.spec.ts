import { Client } from 'pg';
import { demoStaff } from '@caseflow/demo';
import { until } from '@caseflow/testing';
import { calendarDate } from '../step/step.rules';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

/**
 * `plans.plan_progress` is derived by the database (migration
 * PlanProgress1765497600103): whatever writes a plan's goals, tasks and
 * steps, and however many at once, the kept counts must equal what the
 * progress rule derives from the tree itself.
 */
let bed: PlansTestbed;
let runtime: Client;
let owner: Client;
beforeAll(async () => {
  bed = await startPlansTestbed();
  runtime = new Client({ connectionString: bed.t.runtimeUrl });
  owner = new Client({ connectionString: bed.t.ownerUrl });
  await Promise.all([runtime.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([runtime?.end(), owner?.end()]);
  await bed?.stop();
});

/** Every plan's kept counts (a plan never given a goal has none: all zero, no due dates). */
const KEPT = `SELECT p.id AS plan_id, coalesce(pp.goals_total, 0) AS goals_total, coalesce(pp.goals_achieved, 0) AS goals_achieved,
    coalesce(pp.steps_total, 0) AS steps_total, coalesce(pp.steps_complete, 0) AS steps_complete,
    coalesce(pp.open_due_dates, '{}')::text AS open_due_dates
  FROM plans.action_plan p LEFT JOIN plans.plan_progress pp ON pp.plan_id = p.id ORDER BY p.id`;
/** The definition: the progress rule over each plan's tree, now. */
const DERIVED = `SELECT p.id AS plan_id,
    count(DISTINCT g.id) FILTER (WHERE g.status <> 'CANCELLED')::int AS goals_total,
    count(DISTINCT g.id) FILTER (WHERE g.status = 'ACHIEVED')::int AS goals_achieved,
    count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome <> 'CANCELLED')::int AS steps_total,
    count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome = 'COMPLETE')::int AS steps_complete,
    coalesce(array_agg(s.due_date ORDER BY s.due_date)
      FILTER (WHERE g.status = 'OPEN' AND s.due_date IS NOT NULL AND s.outcome NOT IN ('COMPLETE', 'CANCELLED')), '{}')::text AS open_due_dates
  FROM plans.action_plan p
  LEFT JOIN plans.goal g ON g.plan_id = p.id
  LEFT JOIN plans.plan_task t ON t.goal_id = g.id
  LEFT JOIN plans.plan_step s ON s.task_id = t.id
 GROUP BY p.id ORDER BY p.id`;

async function expectDerived(): Promise<void> {
  const [kept, derived] = await Promise.all([owner.query(KEPT), owner.query(DERIVED)]);
  expect(kept.rows.length).toBeGreaterThan(0);
  expect(kept.rows).toEqual(derived.rows);
}
const keptOf = async (planId: string) =>
  (
    await owner.query('SELECT steps_total, steps_complete, open_due_dates::text, xmin::text FROM plans.plan_progress WHERE plan_id = $1', [
      planId,
    ])
  ).rows[0];

const casey = demoStaff('casey');
const DAY = 86_400_000;

const SMART = { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true };

describe('the plan progress the database keeps', () => {
  it('holds, after the migration and the seed written in bulk, exactly what the rule derives for every plan', async () => {
    await expectDerived();
    const { rows } = await owner.query(
      `SELECT count(*)::int AS kept, count(*) FILTER (WHERE cardinality(open_due_dates) > 0)::int AS with_due_dates FROM plans.plan_progress`,
    );
    expect(rows[0].kept).toBe(bed.seed.plans.filter((p) => p.goals.length > 0).length);
    expect(rows[0].with_due_dates).toBeGreaterThan(0);
  });

  it('follows every write the API makes: a new plan with its goals and steps, a step completed, a goal cancelled', async () => {
    const client = bed.world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
    // A new step may be due from the day before the plan is made; the days are computed, so the spec holds on any date.
    const yesterday = calendarDate(new Date(Date.now() - DAY));
    const nextWeek = calendarDate(new Date(Date.now() + 7 * DAY));
    const created = await bed.gql<{
      createActionPlan: { id: string; version: number; goals: Array<{ id: string; tasks: Array<{ steps: Array<{ id: string }> }> }> };
    }>(
      'casey',
      `mutation($input: CreateActionPlanInput!) { createActionPlan(input: $input) { id version goals { id tasks { steps { id } } } } }`,
      {
        input: {
          clientId: client.id,
          activate: false,
          goals: ['Housing', 'Work'].map((description) => ({
            description,
            term: 'SHORT',
            smart: SMART,
            tasks: [
              {
                title: `${description} task`,
                steps: [
                  { description: `${description} first`, dueDate: yesterday },
                  { description: `${description} second`, dueDate: nextWeek },
                ],
              },
            ],
          })),
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createActionPlan;
    expect(await keptOf(plan.id)).toMatchObject({
      steps_total: 4,
      steps_complete: 0,
      open_due_dates: `{${yesterday},${yesterday},${nextWeek},${nextWeek}}`,
    });
    await expectDerived();

    const completed = await bed.gql('casey', `mutation($input: UpdateStepInput!) { updateStep(input: $input) { id } }`, {
      input: { stepId: plan.goals[0].tasks[0].steps[0].id, expectedVersion: plan.version, rationale: 'Done', outcome: 'COMPLETE' },
    });
    expect(completed.errors).toBeUndefined();
    expect(await keptOf(plan.id)).toMatchObject({
      steps_total: 4,
      steps_complete: 1,
      open_due_dates: `{${yesterday},${nextWeek},${nextWeek}}`,
    });
    await expectDerived();

    const cancelled = await bed.gql(
      'casey',
      `mutation($g: ID!, $v: Int!) { setGoalStatus(goalId: $g, expectedVersion: $v, status: CANCELLED, rationale: "Not now") { id } }`,
      { g: plan.goals[1].id, v: plan.version + 1 },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(await keptOf(plan.id)).toMatchObject({ steps_total: 2, steps_complete: 1, open_due_dates: `{${nextWeek}}` });
    await expectDerived();
  });

  it('follows writes made straight in the tables: many steps at once, a due date moved, a step, a task and a goal moved to another plan, rows deleted', async () => {
    const [a, b, c] = bed.seed.plans.filter((p) => p.goals.length >= 2 && p.goals.every((g) => g.task.steps.length > 0)).slice(-3);
    await runtime.query(
      `INSERT INTO plans.plan_step (task_id, position, description, due_date)
       SELECT task_id, 100 + n, 'Added in bulk', DATE '2019-05-01' + n FROM unnest($1::uuid[]) AS task_id, generate_series(1, 3) AS n`,
      [[a.goals[0].task.id, b.goals[0].task.id, c.goals[0].task.id]],
    );
    await expectDerived();
    await runtime.query(`UPDATE plans.plan_step SET due_date = DATE '2019-01-02', outcome = 'IN_PROGRESS' WHERE id = $1`, [
      a.goals[0].task.steps[0].id,
    ]);
    await expectDerived();
    await runtime.query('UPDATE plans.plan_step SET task_id = $2, position = 200 WHERE id = $1', [
      a.goals[1].task.steps[0].id,
      b.goals[1].task.id,
    ]);
    await expectDerived();
    await runtime.query('UPDATE plans.plan_task SET goal_id = $2, position = 200 WHERE id = $1', [b.goals[1].task.id, c.goals[1].id]);
    await expectDerived();
    await runtime.query('UPDATE plans.goal SET plan_id = $2, position = 200 WHERE id = $1', [c.goals[0].id, a.id]);
    await expectDerived();
    await owner.query(`DELETE FROM plans.plan_step WHERE description = 'Added in bulk'`);
    await expectDerived();
    const goal = a.goals[a.goals.length - 1];
    await owner.query('DELETE FROM plans.plan_step WHERE task_id IN (SELECT id FROM plans.plan_task WHERE goal_id = $1)', [goal.id]);
    await owner.query('DELETE FROM plans.plan_task WHERE goal_id = $1', [goal.id]);
    await owner.query('DELETE FROM plans.goal WHERE id = $1', [goal.id]);
    await expectDerived();
  });

  it('rebuilds nothing for a change the rule does not read (a step described again, a goal reordered)', async () => {
    const plan = bed.seed.plans.find((p) => p.goals.length > 1 && p.goals[0].task.steps.length > 0)!;
    const before = await keptOf(plan.id);
    await runtime.query(`UPDATE plans.plan_step SET description = 'Described again' WHERE id = $1`, [plan.goals[0].task.steps[0].id]);
    await runtime.query('UPDATE plans.goal SET position = position + 50 WHERE plan_id = $1', [plan.id]);
    expect(await keptOf(plan.id)).toEqual(before);
  });

  it('counts two writers of one plan at once one after the other: the second counts what the first committed', async () => {
    const plan = bed.seed.plans.find((p) => p.goals.length > 0)!;
    const taskId = plan.goals[0].task.id;
    const first = new Client({ connectionString: bed.t.runtimeUrl });
    const second = new Client({ connectionString: bed.t.runtimeUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const { steps_total: total } = await keptOf(plan.id);
      const add = (c: Client, n: number) =>
        c.query(
          `INSERT INTO plans.plan_step (task_id, position, description, due_date) VALUES ($1, $2, 'Written at once', DATE '2019-06-01')`,
          [taskId, 300 + n],
        );
      await first.query('BEGIN');
      await second.query('BEGIN');
      await add(first, 1);
      const secondPid = (await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const waiting = add(second, 2);
      // The second writer's rebuild waits for the plan's lock, which the first holds until it commits (seen as the same role).
      const waitedFor = await until(
        async () =>
          (await runtime.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [secondPid])).rows[0]?.wait_event_type,
        (waitEvent) => waitEvent === 'Lock',
      );
      expect(waitedFor).toBe('Lock');
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
      expect((await keptOf(plan.id)).steps_total).toBe(total + 2);
      await expectDerived();
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});
