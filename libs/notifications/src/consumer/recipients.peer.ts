/**
 * Who is to be told: the clients subgraph answers, in one call, each
 * client's agency, assigned case manager and case team, each agency's staff
 * by role, and each staff member's e-mail address, agency and whether they
 * are active (`fetchNotificationRecipients` in @caseflow/auth, asked as a
 * Caseflow service). Fails closed (UNAVAILABLE): the event is then retried
 * by the queue, and nothing was written.
 */
import { fetchNotificationRecipients, type NotificationRecipients } from '@caseflow/auth';

export { NOTIFICATION_RECIPIENTS_PATH, SERVICE_ACTOR } from '@caseflow/auth';

export interface RecipientsRequest {
  clientIds: string[];
  organizations: string[];
  staffIds: string[];
}

export type RecipientDirectory = NotificationRecipients;

export interface RecipientsPeer {
  clientsUrl: string;
  internalSecret: string;
  timeoutMs?: number;
}

export type FetchRecipients = (request: RecipientsRequest) => Promise<RecipientDirectory>;

export function recipientsFetcher(peer: RecipientsPeer): FetchRecipients {
  return async (request) => {
    const answer = await fetchNotificationRecipients(peer, request);
    return { clients: answer.clients ?? {}, organizations: answer.organizations ?? {}, staff: answer.staff ?? {} };
  };
}
