import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick: replicas claim a tick here before
 * running it, so that a job runs once per tick however many replicas tick
 * (see startIntervalJob and tableLeadership in @caseflow/federation). One row
 * per job; `runs` counts the ticks run so far.
 */
export class ScheduledJobs1764806400040 implements MigrationInterface {
  name = 'ScheduledJobs1764806400040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(scheduledJobTableSql('clients'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.scheduled_job');
  }
}
