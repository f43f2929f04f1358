import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the closed loop needs beyond the first schema:
 * - the service's taxonomy term ids, copied from the directory when the
 *   referral is created, so that outcome figures by taxonomy term never ask
 *   another subgraph at read time;
 * - when the receiving organization first answered and when it accepted, so
 *   that outcomes are one aggregate over this table (history stays the
 *   record; these are derived once, at the transition);
 * - indexes for the inbox without a status filter, outcome periods and the
 *   expiry sweep.
 */
export class ClosedLoopReferrals1763856000012 implements MigrationInterface {
  name = 'ClosedLoopReferrals1763856000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE referrals.referral
        ADD COLUMN service_taxonomy_term_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN accepted_at timestamptz`);
    await q.query(`
      UPDATE referrals.referral r
         SET first_response_at = e.first_response_at, accepted_at = e.accepted_at
        FROM (SELECT referral_id,
                     min(at) FILTER (WHERE status IN ('ACCEPTED', 'DECLINED', 'WAITLISTED')) AS first_response_at,
                     min(at) FILTER (WHERE status = 'ACCEPTED') AS accepted_at
                FROM referrals.referral_event GROUP BY referral_id) e
       WHERE e.referral_id = r.id`);
    // A partner's whole inbox, newest sent first (the status-filtered inbox uses referral_organization_inbox_idx).
    await q.query(
      `CREATE INDEX referral_organization_sent_idx ON referrals.referral (organization_id, sent_at, id) WHERE sent_at IS NOT NULL`,
    );
    // Outcome figures: an agency's referrals sent in a period.
    await q.query(
      `CREATE INDEX referral_client_organization_sent_idx ON referrals.referral (client_organization_id, sent_at) WHERE sent_at IS NOT NULL`,
    );
    // The expiry sweep reads only referrals still waiting for an answer.
    await q.query(`CREATE INDEX referral_expiry_due_idx ON referrals.referral (respond_by) WHERE status IN ('SENT', 'WAITLISTED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referrals.referral_expiry_due_idx`);
    await q.query(`DROP INDEX referrals.referral_client_organization_sent_idx`);
    await q.query(`DROP INDEX referrals.referral_organization_sent_idx`);
    await q.query(`
      ALTER TABLE referrals.referral
        DROP COLUMN accepted_at,
        DROP COLUMN first_response_at,
        DROP COLUMN service_taxonomy_term_ids`);
  }
}
