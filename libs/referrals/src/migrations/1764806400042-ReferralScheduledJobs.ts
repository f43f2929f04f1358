import type { MigrationInterface, QueryRunner } from 'typeorm';
import { scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick: replicas claim a tick here before
 * running it, so that a job runs once per tick however many replicas tick
 * (see startIntervalJob and tableLeadership in @caseflow/federation). One row
 * per job; `runs` counts the ticks run so far.
 */
export class ReferralScheduledJobs1764806400042 implements MigrationInterface {
  name = 'ReferralScheduledJobs1764806400042';

  async up(q: QueryRunner): Promise<void> {
    await q.query(scheduledJobTableSql('referrals'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referrals.scheduled_job');
  }
}
