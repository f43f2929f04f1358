import { StatementsMigration } from '@caseflow/db';
import { dropScheduledJobTableSql, scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick (the overdue-steps job, see
 * step/overdue.job.ts): replicas claim a tick here before running it, so a
 * job runs once per tick however many replicas tick.
 */
export class PlansScheduledJobs1764892800061 extends StatementsMigration {
  name = 'PlansScheduledJobs1764892800061';
  protected upSql = [scheduledJobTableSql('plans')];
  protected downSql = [dropScheduledJobTableSql('plans')];
}
