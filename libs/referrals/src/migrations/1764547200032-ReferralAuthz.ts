import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two facts authorization now reads from the referral row:
 * - the fingerprint of createReferral's input beside its `clientMutationId`
 *   (a retry must carry the same input; rows made before this have none and
 *   are not compared);
 * - when a supervisor sent the referral without a consent (the override lets
 *   the receiving organization read the referral's details); earlier
 *   overrides are found in the history, where the send recorded them.
 */
export class ReferralAuthz1764547200032 implements MigrationInterface {
  name = 'ReferralAuthz1764547200032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referrals.referral
                     ADD COLUMN client_mutation_fingerprint text CHECK (length(client_mutation_fingerprint) = 64),
                     ADD COLUMN consent_override_at timestamptz`);
    await q.query(`UPDATE referrals.referral r SET consent_override_at = e.at
                     FROM referrals.referral_event e
                    WHERE e.referral_id = r.id AND e.status = 'SENT' AND e.note LIKE 'Sent without a recorded consent (supervisor override)%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE referrals.referral DROP COLUMN client_mutation_fingerprint, DROP COLUMN consent_override_at');
  }
}
