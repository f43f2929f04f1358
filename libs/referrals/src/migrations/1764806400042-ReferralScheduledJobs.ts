import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who ran each background job's last tick: replicas claim a tick here before
 * running it, so that a job runs once per tick however many replicas tick
 * (see startIntervalJob and tableLeadership in @caseflow/federation). One row
 * per job; `runs` counts the ticks run so far.
 */
export class ReferralScheduledJobs1764806400042 implements MigrationInterface {
  name = 'ReferralScheduledJobs1764806400042';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE referrals.scheduled_job (
                     job text PRIMARY KEY CHECK (length(job) BETWEEN 1 AND 100),
                     last_tick bigint NOT NULL,
                     runs bigint NOT NULL CHECK (runs > 0),
                     last_replica text NOT NULL CHECK (length(last_replica) <= 300),
                     last_run_at timestamptz NOT NULL
                   )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referrals.scheduled_job');
  }
}
