/**
 * From a domain event to notifications, as pure rules: which kind an event
 * type is (PRODUCT.md "Notifications"), whom it is for, what it says and
 * what it links to. Messages are plain sentences that name agencies and
 * services (directory data) but never a client: the dashboard shows the
 * linked client's name through `client { displayName }`, for readers who
 * may still see it.
 */
import type { Role } from '@caseflow/auth';
import type { DomainEvent, EventPayloads, EventType } from '@caseflow/events';
import type { RecipientDirectory, RecipientsRequest } from '../consumer/recipients.peer';
import type { NotificationKind } from './notification.kinds';

export const KIND_OF_EVENT: Partial<Record<EventType, NotificationKind>> = {
  'referral.sent': 'REFERRAL_RECEIVED',
  'referral.answered': 'REFERRAL_ANSWERED',
  'referral.completed': 'REFERRAL_COMPLETED',
  'referral.expired': 'REFERRAL_EXPIRED',
  'referral.cancelled': 'REFERRAL_CANCELLED',
  'consent.expiring': 'CONSENT_EXPIRING',
  'referral.follow_up_due': 'FOLLOW_UP_DUE',
  'plan.step_overdue': 'STEP_OVERDUE',
  'appointment.soon': 'APPOINTMENT_SOON',
  'client.assigned': 'CLIENT_ASSIGNED',
  'caseload.transferred': 'CLIENT_ASSIGNED',
  'consent.override_used': 'CONSENT_OVERRIDE_USED',
  'closure.requested': 'APPROVAL_REQUESTED',
  'closure.decided': 'APPROVAL_DECIDED',
};

/** The event types that notify someone: the consumer subscribes to exactly these. */
export const NOTIFYING_EVENT_TYPES = Object.keys(KIND_OF_EVENT) as EventType[];

/**
 * The kind of notification an event makes, if any. A client assigned as part
 * of a caseload transfer makes none: the transfer's one `caseload.transferred`
 * tells the new case manager of all its clients at once.
 */
export function kindOf(event: DomainEvent): NotificationKind | undefined {
  if (event.type === 'client.assigned' && str(payloadOf(event).transferId)) return undefined;
  return KIND_OF_EVENT[event.type];
}

type Payload = Partial<EventPayloads[keyof EventPayloads]> & Record<string, unknown>;
const payloadOf = (event: DomainEvent) => event.payload as Payload;
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Who, in the recipients' terms, each kind is for. */
type Audience = 'partners' | 'referrer-and-case-manager' | 'case-manager-and-team' | 'new-case-manager' | 'supervisors' | 'requester';

const AUDIENCE: Record<NotificationKind, Audience> = {
  REFERRAL_RECEIVED: 'partners',
  REFERRAL_CANCELLED: 'partners',
  REFERRAL_ANSWERED: 'referrer-and-case-manager',
  REFERRAL_COMPLETED: 'referrer-and-case-manager',
  REFERRAL_EXPIRED: 'referrer-and-case-manager',
  CONSENT_EXPIRING: 'case-manager-and-team',
  FOLLOW_UP_DUE: 'case-manager-and-team',
  STEP_OVERDUE: 'case-manager-and-team',
  APPOINTMENT_SOON: 'case-manager-and-team',
  CLIENT_ASSIGNED: 'new-case-manager',
  CONSENT_OVERRIDE_USED: 'supervisors',
  APPROVAL_REQUESTED: 'supervisors',
  APPROVAL_DECIDED: 'requester',
};

/** What to ask the clients subgraph for an event of this kind. */
export function recipientsRequest(kind: NotificationKind, event: DomainEvent): RecipientsRequest {
  const p = payloadOf(event);
  const clientId = str(p.clientId);
  switch (AUDIENCE[kind]) {
    case 'partners':
      return { clientIds: [], organizations: [str(p.receivingOrganizationId) ?? event.organizationId], staffIds: [] };
    case 'supervisors':
      return { clientIds: [], organizations: [event.organizationId], staffIds: [] };
    case 'referrer-and-case-manager':
      return { clientIds: clientId ? [clientId] : [], organizations: [], staffIds: [str(p.referredById)].filter((s): s is string => !!s) };
    case 'case-manager-and-team':
      return { clientIds: clientId ? [clientId] : [], organizations: [], staffIds: [] };
    case 'new-case-manager':
      return { clientIds: [], organizations: [], staffIds: [newCaseManagerOf(p)].filter((s): s is string => !!s) };
    case 'requester':
      return { clientIds: [], organizations: [], staffIds: [str(p.requestedById)].filter((s): s is string => !!s) };
  }
}

/** Who a client (`client.assigned`) or a caseload (`caseload.transferred`) now belongs to. */
const newCaseManagerOf = (p: Payload): string | null => str(p.caseManagerId) ?? str(p.toStaffMemberId);

/** The staff member whose action the event records, when it says: they are not notified of their own action. */
export function actorOf(event: DomainEvent): string | null {
  return str(payloadOf(event).byStaffId);
}

/**
 * Exactly the recipients of PRODUCT.md for this event, each once: known to
 * the directory, active, and not the person who acted. Ids outside the
 * directory's answer are left out (deny by default).
 */
export function recipientsOf(kind: NotificationKind, event: DomainEvent, directory: RecipientDirectory): string[] {
  const p = payloadOf(event);
  const client = directory.clients[str(p.clientId) ?? ''];
  const caseManager = client?.assignedCaseManagerId ? [client.assignedCaseManagerId] : [];
  const byRole = (organizationId: string, role: Role) => directory.organizations[organizationId]?.[role] ?? [];
  let candidates: string[];
  switch (AUDIENCE[kind]) {
    case 'partners':
      candidates = byRole(str(p.receivingOrganizationId) ?? '', 'PARTNER');
      break;
    case 'supervisors':
      candidates = byRole(event.organizationId, 'SUPERVISOR');
      break;
    case 'referrer-and-case-manager':
      candidates = [...[str(p.referredById)].filter((s): s is string => !!s), ...caseManager];
      break;
    case 'case-manager-and-team':
      candidates = [...caseManager, ...(client?.caseTeam ?? [])];
      break;
    case 'new-case-manager':
      candidates = [newCaseManagerOf(p)].filter((s): s is string => !!s);
      break;
    case 'requester':
      candidates = [str(p.requestedById)].filter((s): s is string => !!s);
      break;
  }
  const actor = actorOf(event);
  return [...new Set(candidates)].filter((id) => id !== actor && directory.staff[id]?.active === true);
}

const ANSWERS: Record<string, string> = { ACCEPTED: 'accepted', DECLINED: 'declined', WAITLISTED: 'waitlisted' };

/** The sentence shown in the app. */
export function messageOf(kind: NotificationKind, event: DomainEvent): string {
  const p = payloadOf(event);
  const service = str(p.serviceName) ?? 'a service';
  const agency = str(p.receivingOrganizationName) ?? 'the partner agency';
  switch (kind) {
    case 'REFERRAL_RECEIVED':
      return `New referral to ${service}.`;
    case 'REFERRAL_ANSWERED':
      return `Referral to ${agency} ${ANSWERS[str(p.answer) ?? ''] ?? 'answered'} (${service}).`;
    case 'REFERRAL_COMPLETED':
      return `Referral to ${agency} completed (${service}).`;
    case 'REFERRAL_EXPIRED':
      return `Referral to ${agency} expired without an answer (${service}).`;
    case 'REFERRAL_CANCELLED':
      return `A referral to ${service} was cancelled.`;
    case 'CONSENT_EXPIRING':
      return `A consent expires on ${str(p.expiresOn) ?? 'a coming day'}.`;
    case 'FOLLOW_UP_DUE':
      return `Follow-up due today on the referral to ${agency} (${service}).`;
    case 'STEP_OVERDUE': {
      const n = Array.isArray(p.overdueStepIds) ? p.overdueStepIds.length : 1;
      return n > 1 ? `${n} plan steps overdue.` : `A plan step is overdue (due ${str(p.dueOn) ?? 'earlier'}).`;
    }
    case 'APPOINTMENT_SOON':
      return `An appointment starts within 24 hours (${str(p.startsAt) ?? 'soon'}).`;
    case 'CLIENT_ASSIGNED': {
      if (!Array.isArray(p.clientIds)) return 'A client was assigned to you.';
      const n = p.clientIds.length;
      return n === 1 ? 'A client was transferred to you.' : `${n} clients were transferred to you.`;
    }
    case 'CONSENT_OVERRIDE_USED':
      return "A referral was sent without a covering consent, under a supervisor's override.";
    case 'APPROVAL_REQUESTED':
      return 'A case closure is waiting for your approval.';
    case 'APPROVAL_DECIDED':
      return p.approved === true ? 'Your case closure request was approved.' : 'Your case closure request was rejected.';
  }
}

/** What a notification links to. */
export function linksOf(event: DomainEvent): { clientId: string | null; referralId: string | null; appointmentId: string | null } {
  const p = payloadOf(event);
  return { clientId: str(p.clientId), referralId: str(p.referralId), appointmentId: str(p.appointmentId) };
}

/** The agency an e-mail may name: the partner agency of a referral, which is directory data; otherwise none. */
export function organizationNameOf(event: DomainEvent): string | null {
  return str(payloadOf(event).receivingOrganizationName);
}
