import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The clients subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class ClientsOutbox1764892800050 implements MigrationInterface {
  name = 'ClientsOutbox1764892800050';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of outboxTablesSql('clients')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTablesSql('clients')) await q.query(statement);
  }
}
