/**
 * Who is to be told: the clients subgraph answers, in one call, each
 * client's agency, assigned case manager and case team, each agency's staff
 * by role, and each staff member's e-mail address, agency and whether they
 * are active (`POST /internal/notification-recipients`). The consumer has no
 * caller of its own: it signs the internal token as the subgraph's system
 * identity for the event's agency. Fails closed (UNAVAILABLE): the event is
 * then retried by the queue, and nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, callInternal } from '@caseflow/auth';

export const NOTIFICATION_RECIPIENTS_PATH = '/internal/notification-recipients';

/** The notifications subgraph when it asks for itself (no person): the nil staff id, in the event's agency. */
export const SYSTEM_STAFF_ID = '00000000-0000-0000-0000-000000000000';

export interface RecipientsRequest {
  clientIds: string[];
  organizations: string[];
  staffIds: string[];
}

export interface RecipientDirectory {
  clients: Record<string, { organizationId: string; assignedCaseManagerId: string | null; caseTeam: string[] }>;
  /** Staff ids by role, per organization. */
  organizations: Record<string, Partial<Record<string, string[]>>>;
  staff: Record<string, { email: string | null; organizationId: string; active: boolean }>;
}

export interface RecipientsPeer {
  clientsUrl: string;
  internalSecret: string;
  timeoutMs?: number;
}

export type FetchRecipients = (organizationId: string, request: RecipientsRequest) => Promise<RecipientDirectory>;

export function recipientsFetcher(peer: RecipientsPeer): FetchRecipients {
  return async (organizationId, request) => {
    const actor: Actor = { staffId: SYSTEM_STAFF_ID, role: 'ADMIN', organizationId };
    const answer = await callInternal<Partial<RecipientDirectory>>({
      peer: 'the clients service',
      purpose: 'The recipients of a notification could not be found',
      baseUrl: peer.clientsUrl,
      path: NOTIFICATION_RECIPIENTS_PATH,
      body: request,
      identity: { actor, secret: peer.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: peer.timeoutMs,
    });
    return { clients: answer.clients ?? {}, organizations: answer.organizations ?? {}, staff: answer.staff ?? {} };
  };
}
