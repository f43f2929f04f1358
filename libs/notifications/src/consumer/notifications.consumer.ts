/**
 * The notifications subgraph's consumer of the domain events: each event
 * that maps to a notification kind becomes one notification per recipient
 * (PRODUCT.md "Notifications"), in the consumer's transaction. It is
 * idempotent on the event: a notification is unique per (event, recipient),
 * so a redelivered event creates nothing, and its e-mail is written only
 * with a new notification. The person who acted is not notified of their
 * own action. Recipients, their agencies and addresses come from the clients
 * subgraph; when it cannot answer, `handle` throws and the event is retried.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventConsumer } from '@caseflow/events';
import type { SubgraphRuntimeOptions } from '@caseflow/federation';
import { composeMail } from '../mail/mail.compose';
import { loadMailSettings } from '../mail/mail.settings';
import { insertDelivery } from '../mail/mail.sql';
import {
  kindOf,
  linksOf,
  messageOf,
  NOTIFYING_EVENT_TYPES,
  organizationNameOf,
  recipientsOf,
  recipientsRequest,
} from '../notification/notification.rules';
import { insertNotification } from '../notification/notification.sql';
import { preferencesOf } from '../preference/preference.queries';
import { type FetchRecipients, recipientsFetcher } from './recipients.peer';

export interface NotificationsConsumerOptions {
  fetchRecipients: FetchRecipients;
  /** Where the e-mails' link points. */
  dashboardUrl: string;
}

/** Applies one event; how many notifications it created (0 for a redelivery). */
export async function applyEvent(event: DomainEvent, manager: EntityManager, options: NotificationsConsumerOptions): Promise<number> {
  const kind = kindOf(event);
  if (!kind) return 0;
  const directory = await options.fetchRecipients(recipientsRequest(kind, event));
  const recipients = recipientsOf(kind, event, directory);
  if (recipients.length === 0) return 0;
  const preferences = await preferencesOf(manager, recipients);
  // Agency and service names come from the directory; a sentence stays within the column's 500 characters.
  const message = messageOf(kind, event).slice(0, 500);
  const links = linksOf(event);
  let created = 0;
  for (const recipientId of recipients) {
    const preference = preferences.get(recipientId)?.find((p) => p.kind === kind);
    if (!preference || preference.channels.length === 0) continue;
    const staff = directory.staff[recipientId];
    const email = preference.channels.includes('EMAIL') ? staff.email : null;
    const id = await insertNotification(manager, {
      recipientId,
      organizationId: staff.organizationId,
      kind,
      message,
      ...links,
      eventId: event.id,
      inApp: preference.channels.includes('IN_APP'),
      digestEmail: email && preference.dailyDigest ? email : null,
    });
    if (id === null) continue;
    created += 1;
    if (email && !preference.dailyDigest) {
      const mail = composeMail(kind, organizationNameOf(event), options.dashboardUrl);
      await insertDelivery(manager, { recipientId, to: email, kind, subject: mail.subject, body: mail.text, notificationId: id });
    }
  }
  return created;
}

/** The consumer, on the subgraph's database, asking the clients subgraph for recipients. */
export function notificationsEventConsumer(
  _dataSource: DataSource,
  options: SubgraphRuntimeOptions & { fetchRecipients?: FetchRecipients },
): EventConsumer {
  const consumerOptions: NotificationsConsumerOptions = {
    fetchRecipients:
      options.fetchRecipients ??
      recipientsFetcher({
        clientsUrl: options.peerUrls?.clients ?? '',
        internalSecret: options.internalSecret,
        timeoutMs: options.peerTimeoutMs,
      }),
    dashboardUrl: options.dashboardUrl ?? loadMailSettings().dashboardUrl,
  };
  return {
    name: 'notifications',
    types: NOTIFYING_EVENT_TYPES,
    handle: async (event, manager) => {
      await applyEvent(event, manager, consumerOptions);
    },
  };
}
