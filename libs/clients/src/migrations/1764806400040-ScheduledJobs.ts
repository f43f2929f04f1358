import { StatementsMigration } from '@caseflow/db';
import { dropScheduledJobTableSql, scheduledJobTableSql } from '@caseflow/federation';

/**
 * Who ran each background job's last tick: replicas claim a tick here before
 * running it, so that a job runs once per tick however many replicas tick
 * (see startIntervalJob and tableLeadership in @caseflow/federation). One row
 * per job; `runs` counts the ticks run so far.
 */
export class ScheduledJobs1764806400040 extends StatementsMigration {
  name = 'ScheduledJobs1764806400040';
  protected upSql = [scheduledJobTableSql('clients')];
  protected downSql = [dropScheduledJobTableSql('clients')];
}
