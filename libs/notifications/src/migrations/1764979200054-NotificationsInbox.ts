import { StatementsMigration } from '@caseflow/db';
import { dropInboxTablesSql, inboxTablesSql } from '@caseflow/events';

/**
 * The notifications subgraph's inbox: the events its consumer has applied,
 * written in the transaction of the notifications they made, so that each
 * event is applied once and in order per aggregate (see @caseflow/events).
 */
export class NotificationsInbox1764979200054 extends StatementsMigration {
  name = 'NotificationsInbox1764979200054';
  protected upSql = inboxTablesSql('notifications');
  protected downSql = dropInboxTablesSql('notifications');
}
