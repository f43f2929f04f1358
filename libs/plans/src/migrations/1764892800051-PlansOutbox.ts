import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The plans subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class PlansOutbox1764892800051 implements MigrationInterface {
  name = 'PlansOutbox1764892800051';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of outboxTablesSql('plans')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTablesSql('plans')) await q.query(statement);
  }
}
