/**
 * Who is to be told: the clients subgraph answers, in one call, each
 * client's agency, assigned case manager and case team, each agency's staff
 * by role, and each staff member's e-mail address, agency and whether they
 * are active (`POST /internal/notification-recipients`). The consumer has no
 * caller of its own: it signs the internal token as a Caseflow service (the
 * nil staff id and agency), which is all the route answers. Fails closed (UNAVAILABLE): the event is
 * then retried by the queue, and nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, callInternal } from '@caseflow/auth';

export const NOTIFICATION_RECIPIENTS_PATH = '/internal/notification-recipients';

/** A Caseflow service asking for itself (no person): the nil staff id and agency. */
const NIL = '00000000-0000-0000-0000-000000000000';
export const SERVICE_ACTOR: Actor = { staffId: NIL, role: 'ADMIN', organizationId: NIL };

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

export type FetchRecipients = (request: RecipientsRequest) => Promise<RecipientDirectory>;

export function recipientsFetcher(peer: RecipientsPeer): FetchRecipients {
  return async (request) => {
    const answer = await callInternal<Partial<RecipientDirectory>>({
      peer: 'the clients service',
      purpose: 'The recipients of a notification could not be found',
      baseUrl: peer.clientsUrl,
      path: NOTIFICATION_RECIPIENTS_PATH,
      body: request,
      identity: { actor: SERVICE_ACTOR, secret: peer.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: peer.timeoutMs,
    });
    return { clients: answer.clients ?? {}, organizations: answer.organizations ?? {}, staff: answer.staff ?? {} };
  };
}
