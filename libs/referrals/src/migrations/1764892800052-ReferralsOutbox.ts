import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@caseflow/events';

/**
 * The referrals subgraph's outbox: the domain events it records in the
 * transaction of each change, until the relay has handed them to the queue
 * (see @caseflow/events).
 */
export class ReferralsOutbox1764892800052 implements MigrationInterface {
  name = 'ReferralsOutbox1764892800052';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of outboxTablesSql('referrals')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTablesSql('referrals')) await q.query(statement);
  }
}
