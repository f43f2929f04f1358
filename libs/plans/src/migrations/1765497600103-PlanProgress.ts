import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each plan's progress counts, kept by the database beside the plan:
 * `plans.plan_progress` holds what the progress rule counts over a plan's
 * goals, tasks and steps, so that reading a plan's progress (every caseload
 * row) is one index lookup instead of an aggregate over its whole tree.
 *
 * The rule is written once, in `plans.rebuild_plan_progress`: cancelled
 * goals leave the totals with their steps, cancelled steps leave the step
 * total. Whether a step is overdue depends on the day it is read, so the row
 * keeps the due dates of the steps that could be overdue (neither COMPLETE
 * nor CANCELLED, under an OPEN goal) and a read counts those before its day;
 * the plan's own status (draft or active) is read from the plan.
 *
 * Statement-level triggers on goal, plan_task and plan_step rebuild the rows
 * of the plans a statement touched, in the writer's transaction, so a seed's
 * batch of thousands of steps rebuilds its plans once. A rebuild first locks
 * its plans' rows (in id order; every change to a plan already holds its
 * plan's lock, see plan.change.ts), so two writers of one plan rebuild it one
 * after the other and the second counts what the first committed. An update
 * that changes nothing the rule reads (a step's description, a goal's
 * position) rebuilds nothing.
 */
export class PlanProgress1765497600103 implements MigrationInterface {
  name = 'PlanProgress1765497600103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE plans.plan_progress (
      plan_id uuid PRIMARY KEY REFERENCES plans.action_plan (id) ON DELETE CASCADE,
      goals_total int NOT NULL,
      goals_achieved int NOT NULL,
      steps_total int NOT NULL,
      steps_complete int NOT NULL,
      open_due_dates date[] NOT NULL
    )`);
    await q.query(`COMMENT ON TABLE plans.plan_progress IS
      'Derived by triggers from goal, plan_task and plan_step (plans.rebuild_plan_progress): each plan''s progress counts, and the due dates of its steps that may be overdue.'`);

    await q.query(`CREATE FUNCTION plans.rebuild_plan_progress(plan_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       IF cardinality(plan_ids) = 0 THEN RETURN; END IF;
       -- In id order, so that writers touching several plans never wait on each other in a circle.
       PERFORM 1 FROM plans.action_plan WHERE id = ANY(plan_ids) ORDER BY id FOR NO KEY UPDATE;
       WITH counts AS (
         SELECT g.plan_id,
                count(DISTINCT g.id) FILTER (WHERE g.status <> 'CANCELLED')::int AS goals_total,
                count(DISTINCT g.id) FILTER (WHERE g.status = 'ACHIEVED')::int AS goals_achieved,
                count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome <> 'CANCELLED')::int AS steps_total,
                count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome = 'COMPLETE')::int AS steps_complete,
                array_agg(s.due_date ORDER BY s.due_date)
                  FILTER (WHERE g.status = 'OPEN' AND s.due_date IS NOT NULL AND s.outcome NOT IN ('COMPLETE', 'CANCELLED')) AS open_due_dates
           FROM plans.goal g
           LEFT JOIN plans.plan_task t ON t.goal_id = g.id
           LEFT JOIN plans.plan_step s ON s.task_id = t.id
          WHERE g.plan_id = ANY(plan_ids)
          GROUP BY g.plan_id)
       INSERT INTO plans.plan_progress AS pp (plan_id, goals_total, goals_achieved, steps_total, steps_complete, open_due_dates)
       SELECT p.id, coalesce(c.goals_total, 0), coalesce(c.goals_achieved, 0), coalesce(c.steps_total, 0),
              coalesce(c.steps_complete, 0), coalesce(c.open_due_dates, '{}')
         FROM plans.action_plan p
         LEFT JOIN counts c ON c.plan_id = p.id
        WHERE p.id = ANY(plan_ids)
       ON CONFLICT (plan_id) DO UPDATE SET
         goals_total = excluded.goals_total, goals_achieved = excluded.goals_achieved, steps_total = excluded.steps_total,
         steps_complete = excluded.steps_complete, open_due_dates = excluded.open_due_dates;
     END $$`);

    // The plans of goals, and of tasks: where a trigger on a task or a step finds the plans it touched.
    await q.query(`CREATE FUNCTION plans.plans_of_goals(goal_ids uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $$
      SELECT ARRAY(SELECT DISTINCT plan_id FROM plans.goal WHERE id = ANY(goal_ids)) $$`);
    await q.query(`CREATE FUNCTION plans.plans_of_tasks(task_ids uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $$
      SELECT plans.plans_of_goals(ARRAY(SELECT DISTINCT goal_id FROM plans.plan_task WHERE id = ANY(task_ids))) $$`);

    // One function per table; each trigger names its transition tables new_rows and old_rows, and only the branch of its event reads
    // them. An update counts only when it changes what the rule reads; the rows' old and new parents are both rebuilt.
    await q.query(
      progressTrigger('plan_progress_of_goals', 'plan_id', (ids) => ids, '(o.status, o.plan_id) IS DISTINCT FROM (n.status, n.plan_id)'),
    );
    await q.query(
      progressTrigger('plan_progress_of_tasks', 'goal_id', (ids) => `plans.plans_of_goals(${ids})`, 'o.goal_id IS DISTINCT FROM n.goal_id'),
    );
    await q.query(
      progressTrigger(
        'plan_progress_of_steps',
        'task_id',
        (ids) => `plans.plans_of_tasks(${ids})`,
        '(o.outcome, o.due_date, o.task_id) IS DISTINCT FROM (n.outcome, n.due_date, n.task_id)',
      ),
    );
    for (const [table, fn] of [
      ['goal', 'plan_progress_of_goals'],
      ['plan_task', 'plan_progress_of_tasks'],
      ['plan_step', 'plan_progress_of_steps'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_progress_insert AFTER INSERT ON plans.${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plans.${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_progress_update AFTER UPDATE ON plans.${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plans.${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_progress_delete AFTER DELETE ON plans.${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plans.${fn}()`);
    }

    await q.query('SELECT plans.rebuild_plan_progress(ARRAY(SELECT id FROM plans.action_plan))');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['goal', 'plan_task', 'plan_step']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_progress_${event} ON plans.${table}`);
    }
    await q.query('DROP FUNCTION plans.plan_progress_of_steps()');
    await q.query('DROP FUNCTION plans.plan_progress_of_tasks()');
    await q.query('DROP FUNCTION plans.plan_progress_of_goals()');
    await q.query('DROP FUNCTION plans.plans_of_tasks(uuid[])');
    await q.query('DROP FUNCTION plans.plans_of_goals(uuid[])');
    await q.query('DROP FUNCTION plans.rebuild_plan_progress(uuid[])');
    await q.query('DROP TABLE plans.plan_progress');
  }
}

/**
 * A statement-level trigger function that rebuilds the plans its rows touched:
 * `parent` is the column naming each row's parent, `plansOf` turns an array
 * of parents into their plans, and an update counts only when `changed`.
 */
function progressTrigger(name: string, parent: string, plansOf: (ids: string) => string, changed: string): string {
  const rebuild = (ids: string) => `PERFORM plans.rebuild_plan_progress(${plansOf(ids)});`;
  return `CREATE FUNCTION plans.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         ${rebuild(`ARRAY(SELECT DISTINCT ${parent} FROM new_rows)`)}
       ELSIF TG_OP = 'DELETE' THEN
         ${rebuild(`ARRAY(SELECT DISTINCT ${parent} FROM old_rows)`)}
       ELSE
         ${rebuild(`ARRAY(SELECT DISTINCT unnest(ARRAY[o.${parent}, n.${parent}]) FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${changed})`)}
       END IF;
       RETURN NULL;
     END $$`;
}
