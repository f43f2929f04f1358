import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue-steps job reads only the steps it has not told about.
 *
 * Every minute the job looked for steps past due and not yet told (no
 * once-key `plan.step_overdue:<step>:<due date>` in the outbox). Nearly
 * every open step past due has been told about, so each tick read all of
 * them and probed a once-key for each: at the benchmark's scale (237,000
 * such steps) 0.45–1.2 s of PostgreSQL a minute, growing with every step
 * that ever fell overdue.
 *
 * `plan_step.overdue_told_on` is the due date the step was last told
 * overdue for, set by the job in the transaction that records the event
 * (overdue.job.ts). The partial index holds the open steps whose due date
 * has not been told — the ones to come and the few just passed — so a tick
 * reads those only. The once-key stays the guarantee of "once"; the column
 * is what makes the job's read small. A moved due date differs from the one
 * told, so the step is a candidate again, as before.
 *
 * The steps whose once-key exists are marked here.
 */
export class OverdueToldOn1765584000105 implements MigrationInterface {
  name = 'OverdueToldOn1765584000105';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plans.plan_step ADD COLUMN overdue_told_on date');
    await q.query(`COMMENT ON COLUMN plans.plan_step.overdue_told_on IS
      'The due date this step was last told overdue for (plan.step_overdue); the overdue-steps job reads the open steps where it differs from due_date.'`);
    await q.query(
      `UPDATE plans.plan_step s SET overdue_told_on = s.due_date
         FROM plans.outbox_once o
        WHERE o.once_key = 'plan.step_overdue:' || s.id || ':' || s.due_date::text`,
    );
    await q.query(
      `CREATE INDEX plan_step_overdue_untold_idx ON plans.plan_step (due_date, id)
        WHERE outcome NOT IN ('COMPLETE', 'CANCELLED') AND overdue_told_on IS DISTINCT FROM due_date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plans.plan_step_overdue_untold_idx');
    await q.query('ALTER TABLE plans.plan_step DROP COLUMN overdue_told_on');
  }
}
