import { StatementsMigration } from '@caseflow/db';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The referrals subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class ReferralsOutbox1764892800052 extends StatementsMigration {
  name = 'ReferralsOutbox1764892800052';
  protected upSql = outboxTablesSql('referrals');
  protected downSql = dropOutboxTablesSql('referrals');
}
