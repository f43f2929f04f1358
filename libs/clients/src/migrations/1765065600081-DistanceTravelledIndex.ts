import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analysts' distance travelled reads an agency's assessments of a period:
 * an index on the assessment time, carrying the client (whose organization
 * is then checked) and the id, finds a period of months by an index-only
 * scan (a year, half of all assessments at scale 100, is cheaper read from
 * the table). Each compared assessment's ratings are then read by
 * assessment_item_assessment_idx.
 */
export class DistanceTravelledIndex1765065600081 implements MigrationInterface {
  name = 'DistanceTravelledIndex1765065600081';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX needs_assessment_period_idx ON clients.needs_assessment (assessed_at) INCLUDE (client_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clients.needs_assessment_period_idx');
  }
}
