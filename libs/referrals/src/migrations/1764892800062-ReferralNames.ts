import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's and the receiving organization's names as the directory gave
 * them when the referral was made: the referral's events carry them (a
 * consumer words "Referral to Northside Food Bank declined" without asking
 * the directory). Directory data, public; null for referrals made before.
 * And the index the follow-up job reads follow-ups near today by.
 */
export class ReferralNames1764892800062 implements MigrationInterface {
  name = 'ReferralNames1764892800062';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referrals.referral
      ADD COLUMN service_name text CHECK (length(service_name) <= 300),
      ADD COLUMN organization_name text CHECK (length(organization_name) <= 300)`);
    await q.query('CREATE INDEX referral_follow_up_idx ON referrals.referral (follow_up_at) WHERE follow_up_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referrals.referral_follow_up_idx');
    await q.query('ALTER TABLE referrals.referral DROP COLUMN organization_name, DROP COLUMN service_name');
  }
}
