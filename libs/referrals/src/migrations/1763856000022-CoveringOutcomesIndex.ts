import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome figures read an agency's referrals sent in a period; at scale 100
 * (300,000 referrals) those rows lie on as many heap pages as there are rows.
 * The index now carries every column the figures read, so they come from the
 * index alone (an index-only scan) instead of one page per referral.
 */
export class CoveringOutcomesIndex1763856000022 implements MigrationInterface {
  name = 'CoveringOutcomesIndex1763856000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referrals.referral_client_organization_sent_idx');
    await q.query(`CREATE INDEX referral_client_organization_sent_idx ON referrals.referral (client_organization_id, sent_at)
                     INCLUDE (client_id, organization_id, status, accepted_at, first_response_at, service_taxonomy_term_ids) WHERE sent_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referrals.referral_client_organization_sent_idx');
    await q.query(
      'CREATE INDEX referral_client_organization_sent_idx ON referrals.referral (client_organization_id, sent_at) WHERE sent_at IS NOT NULL',
    );
  }
}
