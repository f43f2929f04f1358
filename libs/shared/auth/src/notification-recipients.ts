/**
 * Who is told about an event: the notifications subgraph asks the clients
 * subgraph (which holds staff, agencies' rosters and case assignment) over
 * the internal channel, as the service itself. One round trip answers every
 * client, agency role and person an event involves. The answer holds staff
 * ids, their work e-mail addresses and agencies — never client data beyond
 * the client's agency and who works the case.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from './actor';
import { callInternal } from './internal-client';
import { type ClientsServiceOptions, SERVICE_ACTOR } from './organization-time-zones';

export const NOTIFICATION_RECIPIENTS_PATH = '/internal/notification-recipients';

export interface NotificationRecipientsQuery {
  /** Clients whose agency and case team are wanted. */
  clientIds?: string[];
  /** Agencies whose active staff in these roles are wanted (an id alone, or no roles: every role). */
  organizations?: Array<string | { organizationId: string; roles?: Role[] }>;
  /** People whose address, agency and status are wanted. */
  staffIds?: string[];
}

export interface ClientRecipients {
  organizationId: string;
  assignedCaseManagerId: string | null;
  /** Other staff working the case (empty until case teams exist). */
  caseTeam: string[];
}

export interface StaffRecipient {
  email: string;
  organizationId: string;
  active: boolean;
}

export interface NotificationRecipients {
  /** Each known asked client (unknown ones are left out). */
  clients: Record<string, ClientRecipients>;
  /** Each asked agency: the ids of its active staff in each asked role (every role when none was named; empty lists when nobody). */
  organizations: Record<string, Partial<Record<Role, string[]>>>;
  /** Every person named anywhere in this answer, and each known asked one. */
  staff: Record<string, StaffRecipient>;
}

/** The recipients' facts for `query`. UNAVAILABLE when the clients subgraph cannot answer. */
export function fetchNotificationRecipients(
  options: ClientsServiceOptions,
  query: NotificationRecipientsQuery,
): Promise<NotificationRecipients> {
  return callInternal<NotificationRecipients>({
    peer: 'the clients service',
    purpose: 'The recipients could not be looked up',
    baseUrl: options.clientsUrl,
    path: NOTIFICATION_RECIPIENTS_PATH,
    body: query,
    identity: { actor: SERVICE_ACTOR, secret: options.internalSecret },
    requestId: randomUUID(),
    idempotent: true,
    timeoutMs: options.timeoutMs,
  });
}
