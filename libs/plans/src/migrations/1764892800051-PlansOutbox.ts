import { StatementsMigration } from '@caseflow/db';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The plans subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class PlansOutbox1764892800051 extends StatementsMigration {
  name = 'PlansOutbox1764892800051';
  protected upSql = outboxTablesSql('plans');
  protected downSql = dropOutboxTablesSql('plans');
}
