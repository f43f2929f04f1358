import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A supervisor's team caseloads count each case manager's clients' referrals awaiting an answer (SENT). */
export class TeamCaseloadIndex1765152000096 implements MigrationInterface {
  name = 'TeamCaseloadIndex1765152000096';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX referral_client_awaiting_idx ON referrals.referral (client_id, client_organization_id) WHERE status = 'SENT'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referrals.referral_client_awaiting_idx');
  }
}
