import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the plan tree, found with the benchmark at scale 100
 * (120,000 plans, 2.4 million steps): the progress of a page of plans and
 * an agency's goal attainment read only what these indexes hold (index-only
 * scans), instead of one heap page per goal, task and step. Each replaces
 * the index it extends, keeping its name and its order.
 */
export class CoveringIndexes1763856000021 implements MigrationInterface {
  name = 'CoveringIndexes1763856000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plans.goal_plan_position_idx');
    await q.query('CREATE INDEX goal_plan_position_idx ON plans.goal (plan_id, position) INCLUDE (id, status, term, set_at)');
    await q.query('DROP INDEX plans.plan_task_goal_position_idx');
    await q.query('CREATE INDEX plan_task_goal_position_idx ON plans.plan_task (goal_id, position) INCLUDE (id)');
    await q.query('DROP INDEX plans.plan_step_task_position_idx');
    await q.query('CREATE INDEX plan_step_task_position_idx ON plans.plan_step (task_id, position) INCLUDE (id, outcome, due_date)');
    await q.query('DROP INDEX plans.action_plan_organization_idx');
    await q.query('CREATE INDEX action_plan_organization_idx ON plans.action_plan (organization_id) INCLUDE (id, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plans.goal_plan_position_idx');
    await q.query('CREATE INDEX goal_plan_position_idx ON plans.goal (plan_id, position)');
    await q.query('DROP INDEX plans.plan_task_goal_position_idx');
    await q.query('CREATE INDEX plan_task_goal_position_idx ON plans.plan_task (goal_id, position)');
    await q.query('DROP INDEX plans.plan_step_task_position_idx');
    await q.query('CREATE INDEX plan_step_task_position_idx ON plans.plan_step (task_id, position)');
    await q.query('DROP INDEX plans.action_plan_organization_idx');
    await q.query('CREATE INDEX action_plan_organization_idx ON plans.action_plan (organization_id)');
  }
}
