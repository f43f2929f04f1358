import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A retried `openClient` must carry the same input as the first request with
 * its `clientMutationId`; the input's fingerprint is kept beside the key to
 * tell. Rows opened before this have none and are not compared.
 */
export class MutationFingerprint1764547200030 implements MigrationInterface {
  name = 'MutationFingerprint1764547200030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE clients.client ADD COLUMN client_mutation_fingerprint text CHECK (length(client_mutation_fingerprint) = 64)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients.client DROP COLUMN client_mutation_fingerprint');
  }
}
