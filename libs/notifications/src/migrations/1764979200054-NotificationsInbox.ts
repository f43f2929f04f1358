import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropInboxTablesSql, inboxTablesSql } from '@caseflow/events';

/**
 * The notifications subgraph's inbox: the events its consumer has applied,
 * written in the transaction of the notifications they made, so that each
 * event is applied once and in order per aggregate (see @caseflow/events).
 */
export class NotificationsInbox1764979200054 implements MigrationInterface {
  name = 'NotificationsInbox1764979200054';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of inboxTablesSql('notifications')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dropInboxTablesSql('notifications')) await q.query(statement);
  }
}
