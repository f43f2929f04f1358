/**
 * The plans subgraph's part of the benchmark dataset: about 1.2 action plans
 * per generated client (the current one — DRAFT in intake, ACTIVE while the
 * case is open, COMPLETED or CANCELLED once closed — and, for some, an
 * earlier finished one), each of 3–5 goals with one task of 4–6 steps (about
 * 20 steps a plan), revisions, and step outcomes that leave some steps
 * overdue (already told about: their `plan.step_overdue` once-keys are
 * claimed). Generated inside PostgreSQL from the clients' facts passed in;
 * deterministic for a seed (hashes of row numbers, dates relative to `today`).
 */
import type { DataSource } from 'typeorm';
import { generatedIdSql, generatedRandomSql } from '@caseflow/db';
import { loadScaleClients, pickSql as pick, type ScaleClients } from '@caseflow/demo';

export interface PlansScalePlan {
  seed: number;
  today: Date;
  plans: number;
  /** The generated clients, in row order. */
  clients: ScaleClients;
}

const random = generatedRandomSql;
const id = generatedIdSql;

const GOALS = [
  'Update the resume and apply to three warehouse jobs by month end',
  'Obtain a class 5 driver licence',
  'Secure stable rental housing within six months',
  'Complete the high-school equivalency',
  'Attend the weekly food pantry until income is stable',
  'Finish the forklift certification course',
  'Find reliable childcare for the day shift',
  'Open a bank account and set up a monthly budget',
  'Reconnect with a family doctor',
  'Volunteer ten hours a month to build references',
];
const TASKS = [
  'Prepare the documents',
  'Book the appointments',
  'Do the applications',
  'Follow up with the contacts',
  'Practise with the case manager',
];
const STEPS = [
  'Gather identification and proof of address',
  'Call the office to book a time',
  'Fill in the application form together',
  'Bring the paperwork to the appointment',
  'Follow up by phone after a week',
  'Review the result with the case manager',
];
const TIMES = ['30 minutes', '1 hour', '2 hours', 'half a day'];

/** Writes plans, goals, tasks, steps and revisions for the generated clients. */
export async function seedPlansAtScale(
  dataSource: DataSource,
  plan: PlansScalePlan,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const r = (salt: string, key: string) => random(plan.seed, salt, key);
  const clients = plan.clients.ids.length;
  const today = plan.today.toISOString().slice(0, 10);
  if (clients === 0) return;

  await dataSource.transaction(async (tx) => {
    await tx.query(`SET LOCAL timezone = 'UTC'`);
    await loadScaleClients(tx, plan.clients);

    // Plan p ≤ N is client p's current plan; a plan p > N is an earlier, finished plan of some client (a returning one, if in intake now).
    await tx.query(
      `CREATE TEMP TABLE scale_plan ON COMMIT DROP AS
       SELECT p, ${id('plan', 'p')} AS id, c.id AS client_id, c.organization_id, c.cm_id,
              CASE WHEN p > $2 THEN CASE WHEN ${r('earlier-status', 'p')} < 0.7 THEN 'COMPLETED' ELSE 'CANCELLED' END
                   WHEN c.status = 'INTAKE' THEN 'DRAFT'
                   WHEN c.status = 'CLOSED' THEN CASE WHEN ${r('closed-status', 'p')} < 0.85 THEN 'COMPLETED' ELSE 'CANCELLED' END
                   ELSE 'ACTIVE' END AS status,
              least(c.intake_date + CASE WHEN p > $2 THEN 1 WHEN c.status = 'INTAKE' THEN 1 ELSE 10 END, $1::date) + time '13:00' AS created_at,
              3 + floor(${r('goals', 'p')} * 3)::int AS goal_count,
              CASE WHEN p > $2 OR c.status = 'INTAKE' THEN 0 ELSE floor(${r('revisions', 'p')} * 4)::int END AS revisions
         FROM (SELECT p, CASE WHEN p <= $2 THEN p ELSE 1 + floor(${r('earlier-client', 'p')} * $2)::int END AS n
                 FROM generate_series(1, ${plan.plans}) p) k
         JOIN scale_client c USING (n)`,
      [today, clients],
    );
    await tx.query('ANALYZE scale_plan');
    await tx.query(
      `INSERT INTO plans.action_plan (id, client_id, organization_id, status, version, created_at, created_by, updated_at)
       SELECT id, client_id, organization_id, status, 1 + revisions, created_at, cm_id,
              least(created_at + revisions * interval '21 days', $1::date + time '08:00')
         FROM scale_plan`,
      [today],
    );

    await tx.query(
      `CREATE TEMP TABLE scale_goal ON COMMIT DROP AS
       SELECT p.p, g, p.id AS plan_id, ${id('goal', `p.p || ':' || g`)} AS id, p.status AS plan_status, p.created_at,
              CASE WHEN p.status = 'CANCELLED' THEN 'CANCELLED'
                   WHEN p.status = 'COMPLETED' THEN CASE WHEN ${r('goal-met', `p.p || ':' || g`)} < 0.7 THEN 'ACHIEVED' ELSE 'NOT_ACHIEVED' END
                   WHEN p.status = 'ACTIVE' AND ${r('goal-met', `p.p || ':' || g`)} < 0.25 THEN 'ACHIEVED'
                   ELSE 'OPEN' END AS status
         FROM scale_plan p CROSS JOIN LATERAL generate_series(0, p.goal_count - 1) g`,
    );
    await tx.query(
      `INSERT INTO plans.goal (id, plan_id, position, description, term, target_date, status, created_at, set_at,
                               smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
       SELECT id, plan_id, g, ${pick(GOALS, r('goal-text', `p || ':' || g`))}, ${pick(['SHORT', 'SHORT', 'MID', 'LONG'], r('term', `p || ':' || g`))},
              created_at::date + 30 + g * 45, status, created_at, CASE WHEN plan_status <> 'DRAFT' THEN created_at END,
              true, ${r('measurable', `p || ':' || g`)} < 0.9, true, true, ${r('time-limited', `p || ':' || g`)} < 0.8
         FROM scale_goal`,
    );
    await tx.query(
      `INSERT INTO plans.plan_task (id, goal_id, position, title)
       SELECT ${id('task', `p || ':' || g`)}, id, 0, ${pick(TASKS, r('task-text', `p || ':' || g`))} FROM scale_goal`,
    );
    log(`plans: ${plan.plans} plans and their goals`);

    // Steps fall due a week apart from the plan's start; in an open plan the past ones are mostly done, the rest overdue or ahead.
    await tx.query(
      `INSERT INTO plans.plan_step (id, task_id, position, description, estimated_time, due_date, completed_at, outcome, who_helps,
                                    overdue_told_on)
       SELECT ${id('step', `g.p || ':' || g.g || ':' || s`)}, ${id('task', `g.p || ':' || g.g`)}, s,
              ${pick(STEPS, r('step-text', `g.p || ':' || g.g || ':' || s`))}, ${pick(TIMES, r('step-time', `g.p || ':' || g.g || ':' || s`))},
              d.due, CASE WHEN o.outcome = 'COMPLETE' THEN least(d.due - 1, $1::date) END, o.outcome,
              CASE WHEN s = 0 THEN 'Case manager' END,
              -- Already overdue on the dataset's day: told when it fell due (its once-key is claimed below).
              CASE WHEN g.status = 'OPEN' AND g.plan_status IN ('DRAFT', 'ACTIVE') AND d.due < $1::date
                        AND o.outcome NOT IN ('COMPLETE', 'CANCELLED') THEN d.due END
         FROM scale_goal g
         CROSS JOIN LATERAL generate_series(0, 3 + floor(${r('steps', `g.p || ':' || g.g`)} * 3)::int) s
         CROSS JOIN LATERAL (SELECT g.created_at::date + 7 + g.g * 21 + s * 7 AS due) d
         CROSS JOIN LATERAL (SELECT CASE
                  WHEN g.status = 'ACHIEVED' THEN 'COMPLETE'
                  WHEN g.status = 'CANCELLED' THEN 'CANCELLED'
                  WHEN g.status = 'NOT_ACHIEVED' THEN CASE WHEN ${r('step-done', `g.p || ':' || g.g || ':' || s`)} < 0.5 THEN 'COMPLETE' ELSE 'CANCELLED' END
                  WHEN d.due < $1::date THEN CASE WHEN ${r('step-done', `g.p || ':' || g.g || ':' || s`)} < 0.75 THEN 'COMPLETE'
                                                  WHEN ${r('step-done', `g.p || ':' || g.g || ':' || s`)} < 0.9 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END
                  ELSE 'NOT_STARTED' END AS outcome) o`,
      [today],
    );
    log('plans: steps');

    // The steps already overdue on the dataset's day were told about when they fell due: their once-keys are claimed, so the
    // overdue-steps job's first run records only what falls due from now on (the once-key is overdue.job.ts's).
    await tx.query(
      `INSERT INTO plans.outbox_once (once_key, recorded_at)
       SELECT 'plan.step_overdue:' || s.id || ':' || s.due_date::text, s.due_date + 1 + time '08:00'
         FROM scale_goal g
         JOIN plans.plan_task t ON t.goal_id = g.id
         JOIN plans.plan_step s ON s.task_id = t.id
        WHERE g.status = 'OPEN' AND g.plan_status IN ('DRAFT', 'ACTIVE')
          AND s.due_date < $1::date AND s.outcome NOT IN ('COMPLETE', 'CANCELLED')
       ON CONFLICT (once_key) DO NOTHING`,
      [today],
    );

    await tx.query(
      `INSERT INTO plans.plan_revision (id, plan_id, version, revised_at, revised_by, rationale, summary, entity_type, entity_id, changes)
       SELECT ${id('revision', `p.p || ':' || v`)}, p.id, v, least(p.created_at + (v - 1) * interval '21 days', $1::date + time '08:00'), p.cm_id,
              'Reviewed with the client at the monthly check-in.', 'Plan reviewed: target dates adjusted', 'ActionPlan', p.id, '{}'::jsonb
         FROM scale_plan p CROSS JOIN LATERAL generate_series(2, 1 + p.revisions) v`,
      [today],
    );
  });
}
