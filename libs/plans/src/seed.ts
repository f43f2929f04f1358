import type { DataSource, EntityManager } from 'typeorm';
import { type DemoGoal, type DemoPlan, type DemoWorld, demoId } from '@caseflow/demo';
import { calendarDate } from './step/step.rules';

const DAY = 86_400_000;
const PLANS_PER_BATCH = 1000;

type StepTemplate = [description: string, estimatedTime: string, whoHelps: string | null];

const TASKS: Array<{ title: string; steps: StepTemplate[] }> = [
  {
    title: 'Prepare the paperwork',
    steps: [
      ['Gather identification and recent pay stubs', '1 hour', null],
      ['Fill in the application together', '2 hours', 'Case manager'],
      ['Submit the application and keep a copy', '30 minutes', null],
    ],
  },
  {
    title: 'Build a job-search routine',
    steps: [
      ['Update the resume with recent experience', '2 hours', 'Job Search Workshop'],
      ['Apply to three postings', 'One afternoon', null],
      ['Follow up on each application by phone', '1 hour', null],
    ],
  },
  {
    title: 'Line up the supports needed',
    steps: [
      ['Call the service to book an intake', '20 minutes', 'Case manager'],
      ['Arrange a ride to appointments', '1 hour', 'Family member'],
      ['Attend the first appointment', 'Half a day', null],
    ],
  },
];

interface StepRow {
  id: string;
  taskId: string;
  position: number;
  description: string;
  estimatedTime: string;
  dueDate: string;
  completedAt: string | null;
  outcome: string;
  whoHelps: string | null;
}

/**
 * One task per goal with two or three steps around `today`: the first done;
 * the second three days overdue for two goals in three (due in five days for
 * the rest); the third due in two weeks. Every step of an achieved goal or of
 * a plan that is no longer active is complete.
 */
function stepsFor(goal: DemoGoal, plan: DemoPlan, n: number, today: Date): { title: string; steps: StepRow[] } {
  const template = TASKS[n % TASKS.length];
  const taskId = demoId('task', goal.id);
  const settled = goal.status !== 'OPEN' || plan.status !== 'ACTIVE';
  const date = (offset: number) => calendarDate(new Date(today.getTime() + offset * DAY));
  const count = 2 + (n % 2);
  const steps = template.steps.slice(0, count).map(([description, estimatedTime, whoHelps], k): StepRow => {
    const row = { id: demoId('step', `${goal.id}:${k}`), taskId, position: k, description, estimatedTime, whoHelps };
    if (k === 0 || settled) {
      const due = [-10, -3, 14][k];
      return { ...row, dueDate: date(due), completedAt: date(Math.min(due, 0) - 1), outcome: 'COMPLETE' };
    }
    if (k === 1 && n % 3 !== 2) return { ...row, dueDate: date(-3), completedAt: null, outcome: n % 3 === 0 ? 'IN_PROGRESS' : 'NOT_STARTED' };
    return { ...row, dueDate: date(k === 1 ? 5 : 14), completedAt: null, outcome: 'NOT_STARTED' };
  });
  return { title: template.title, steps };
}

/**
 * Writes the plans subgraph's part of the demo world: the plans and goals of
 * `world.plans`, and a task with its steps under each goal. Safe to run twice;
 * a row that conflicts with anything already there (the same id, or another
 * ACTIVE plan of the client) is skipped together with what hangs under it.
 */
export async function seedPlans(dataSource: DataSource, world: DemoWorld): Promise<void> {
  let n = 0;
  for (let i = 0; i < world.plans.length; i += PLANS_PER_BATCH) {
    const plans = world.plans.slice(i, i + PLANS_PER_BATCH);
    const goals = plans.flatMap((plan) => plan.goals.map((goal, position) => ({ plan, goal, position })));
    const tasks = goals.map(({ plan, goal }) => ({ goal, ...stepsFor(goal, plan, n++, world.today) }));
    await dataSource.transaction((tx) => writeBatch(tx, plans, goals, tasks));
  }
}

async function writeBatch(
  tx: EntityManager,
  plans: DemoPlan[],
  goals: Array<{ plan: DemoPlan; goal: DemoGoal; position: number }>,
  tasks: Array<{ goal: DemoGoal; title: string; steps: StepRow[] }>,
): Promise<void> {
  await tx.query(
    `INSERT INTO plans.action_plan (id, client_id, organization_id, status, created_at, created_by, updated_at)
     SELECT id, client_id, organization_id, status, created_at, created_by, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::uuid[])
         AS t(id, client_id, organization_id, status, created_at, created_by)
     ON CONFLICT DO NOTHING`,
    [plans.map((p) => p.id), plans.map((p) => p.clientId), plans.map((p) => p.organizationId), plans.map((p) => p.status),
      plans.map((p) => p.createdAt), plans.map((p) => p.createdById)],
  );
  await tx.query(
    `INSERT INTO plans.goal (id, plan_id, position, description, term, target_date, status, created_at,
                             smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
     SELECT t.id, t.plan_id, t.position, t.description, t.term, t.target_date, t.status, p.created_at,
            true, true, true, t.relevant, t.target_date IS NOT NULL
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::boolean[])
         AS t(id, plan_id, position, description, term, target_date, status, relevant)
       JOIN plans.action_plan p ON p.id = t.plan_id
     ON CONFLICT DO NOTHING`,
    [goals.map((g) => g.goal.id), goals.map((g) => g.plan.id), goals.map((g) => g.position), goals.map((g) => g.goal.description),
      goals.map((g) => g.goal.term), goals.map((g) => g.goal.targetDate), goals.map((g) => g.goal.status),
      // Some goals are left not yet "relevant", so that the SMART check shows both answers.
      goals.map((g) => g.position === 0 || g.goal.term !== 'LONG')],
  );
  await tx.query(
    `INSERT INTO plans.plan_task (id, goal_id, position, title)
     SELECT t.id, t.goal_id, 0, t.title
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(id, goal_id, title)
      WHERE EXISTS (SELECT 1 FROM plans.goal g WHERE g.id = t.goal_id)
     ON CONFLICT DO NOTHING`,
    [tasks.map((t) => demoId('task', t.goal.id)), tasks.map((t) => t.goal.id), tasks.map((t) => t.title)],
  );
  const steps = tasks.flatMap((t) => t.steps);
  await tx.query(
    `INSERT INTO plans.plan_step (id, task_id, position, description, estimated_time, due_date, completed_at, outcome, who_helps)
     SELECT t.*
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[])
         AS t(id, task_id, position, description, estimated_time, due_date, completed_at, outcome, who_helps)
      WHERE EXISTS (SELECT 1 FROM plans.plan_task k WHERE k.id = t.task_id)
     ON CONFLICT DO NOTHING`,
    [steps.map((s) => s.id), steps.map((s) => s.taskId), steps.map((s) => s.position), steps.map((s) => s.description),
      steps.map((s) => s.estimatedTime), steps.map((s) => s.dueDate), steps.map((s) => s.completedAt), steps.map((s) => s.outcome),
      steps.map((s) => s.whoHelps)],
  );
}
