import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A caseload shows each client's open referrals (out or under way: SENT,
 * ACCEPTED, WAITLISTED, IN_PROGRESS), about a fifth of a client's referrals.
 * This index holds only those, so the caseload's read finds its rows without
 * visiting the closed ones (`referral.sql.ts`, OPEN_REFERRAL_STATUSES).
 */
export class OpenReferralsOfClients1765497600104 implements MigrationInterface {
  name = 'OpenReferralsOfClients1765497600104';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX referral_client_open_idx ON referrals.referral (client_id, created_at)
        WHERE status IN ('SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referrals.referral_client_open_idx');
  }
}
