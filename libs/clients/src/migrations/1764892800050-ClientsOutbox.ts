import { StatementsMigration } from '@caseflow/db';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The clients subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class ClientsOutbox1764892800050 extends StatementsMigration {
  name = 'ClientsOutbox1764892800050';
  protected upSql = outboxTablesSql('clients');
  protected downSql = dropOutboxTablesSql('clients');
}
