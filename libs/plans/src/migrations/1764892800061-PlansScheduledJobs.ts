import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick (the overdue-steps job, see
 * step/overdue.job.ts): replicas claim a tick here before running it, so a
 * job runs once per tick however many replicas tick.
 */
export class PlansScheduledJobs1764892800061 implements MigrationInterface {
  name = 'PlansScheduledJobs1764892800061';

  async up(q: QueryRunner): Promise<void> {
    await q.query(scheduledJobTableSql('plans'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plans.scheduled_job');
  }
}
