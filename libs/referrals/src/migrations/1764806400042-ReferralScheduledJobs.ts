import { StatementsMigration } from '@caseflow/db';
import { dropScheduledJobTableSql, scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick: replicas claim a tick here before
 * running it, so that a job runs once per tick however many replicas tick
 * (see startIntervalJob and tableLeadership in @caseflow/federation). One row
 * per job; `runs` counts the ticks run so far.
 */
export class ReferralScheduledJobs1764806400042 extends StatementsMigration {
  name = 'ReferralScheduledJobs1764806400042';
  protected upSql = [scheduledJobTableSql('referrals')];
  protected downSql = [dropScheduledJobTableSql('referrals')];
}
