import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scheduledJobTableSql } from '@caseflow/federation';

/**
 * The other HSDS directories this one mirrors (`npm run hsds -- pull`, and
 * the scheduled pull): one row per source base URL, with the watermark of
 * its last successful pull — the latest `last_modified` of the services it
 * brought, asked again as `modified_after` next time — when that pull ran
 * and how many rows it wrote. And the subgraph's `scheduled_job` table, so
 * that the scheduled pull runs once per tick across replicas.
 */
export class HsdsSources1765238400101 implements MigrationInterface {
  name = 'HsdsSources1765238400101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE resources.hsds_source (
      url text PRIMARY KEY CHECK (length(url) BETWEEN 1 AND 2000),
      modified_after timestamptz,
      last_pulled_at timestamptz NOT NULL,
      last_rows_written integer NOT NULL CHECK (last_rows_written >= 0)
    )`);
    await q.query(scheduledJobTableSql('resources'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE resources.scheduled_job');
    await q.query('DROP TABLE resources.hsds_source');
  }
}
