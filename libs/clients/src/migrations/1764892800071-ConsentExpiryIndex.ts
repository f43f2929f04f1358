import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The consent reminder's daily look at the consents expiring in about two weeks reads this index, not the whole table. */
export class ConsentExpiryIndex1764892800071 implements MigrationInterface {
  name = 'ConsentExpiryIndex1764892800071';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX consent_expires_at_idx ON clients.consent (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clients.consent_expires_at_idx');
  }
}
