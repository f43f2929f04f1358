import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's team caseloads read every open client of the agency by
 * case manager, with the two columns they count by: one index-only scan.
 */
export class TeamCaseloadIndex1765152000094 implements MigrationInterface {
  name = 'TeamCaseloadIndex1765152000094';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX client_team_caseload_idx ON clients.client (organization_id, assigned_case_manager_id)
                   INCLUDE (priority_level, next_follow_up_at) WHERE status <> 'CLOSED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clients.client_team_caseload_idx');
  }
}
