import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's team caseloads count the overdue steps of each case
 * manager's open clients: the draft and active plans of a set of clients,
 * then their goals, tasks and steps by the existing position indexes.
 */
export class TeamCaseloadIndex1765152000095 implements MigrationInterface {
  name = 'TeamCaseloadIndex1765152000095';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX action_plan_open_client_idx ON plans.action_plan (client_id) INCLUDE (id) WHERE status IN ('DRAFT', 'ACTIVE')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plans.action_plan_open_client_idx');
  }
}
