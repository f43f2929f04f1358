/**
 * The domain events: what one subgraph tells the others happened. Each is
 * written to its producer's outbox in the transaction of the change (see
 * `recordEvents`), relayed at least once, in order per aggregate, and applied
 * by idempotent consumers (the notifications subgraph, the clients
 * subgraph's caseload priority).
 *
 * Payloads carry identifiers, statuses and dates, and the names of agencies
 * and services (directory data, public) — never a client's name, contact
 * details, need or note text: events are stored by the queue and read by
 * other services. Fields may be added; none is removed or retyped.
 */

/** What every referral event carries: enough to route it and to word it. */
export interface ReferralFacts {
  referralId: string;
  clientId: string;
  /** The agency of the case manager who referred. */
  referringOrganizationId: string;
  /** The case manager who sent it (null for a draft never sent). */
  referredById: string | null;
  receivingOrganizationId: string;
  receivingOrganizationName: string;
  serviceId: string;
  serviceName: string;
}

export interface ClientFacts {
  clientId: string;
  organizationId: string;
}

export interface AppointmentFacts extends ClientFacts {
  appointmentId: string;
  staffMemberId: string;
  kind: string;
  startsAt: string;
  endsAt: string;
}

export interface EventPayloads {
  'referral.sent': ReferralFacts;
  'referral.answered': ReferralFacts & { answer: 'ACCEPTED' | 'DECLINED' | 'WAITLISTED' };
  'referral.started': ReferralFacts;
  'referral.completed': ReferralFacts & { outcome: string | null };
  'referral.expired': ReferralFacts;
  'referral.cancelled': ReferralFacts;
  /** Time-based: the referral's follow-up date is today in the referring agency's time zone. */
  'referral.follow_up_due': ReferralFacts & { dueOn: string };

  /** `transferId` when the assignment is part of a caseload transfer (then `caseload.transferred` tells the new case manager once). */
  'client.assigned': ClientFacts & { caseManagerId: string; previousCaseManagerId: string | null; byStaffId: string; transferId?: string };
  /** A supervisor moved clients from one case manager to another in one step (each client also has its `client.assigned`). */
  'caseload.transferred': {
    transferId: string;
    organizationId: string;
    fromStaffMemberId: string;
    toStaffMemberId: string;
    clientIds: string[];
    byStaffId: string;
  };
  'consent.recorded': ClientFacts & { consentId: string };
  'consent.revoked': ClientFacts & { consentId: string };
  /** Time-based: the consent expires in 14 days (agency time zone). */
  'consent.expiring': ClientFacts & { consentId: string; expiresOn: string };
  /** A supervisor sent a referral without a consent covering it. */
  'consent.override_used': ClientFacts & { referralId: string; byStaffId: string };

  /** Time-based: the plan step's due date has passed (agency time zone). The state of the whole client is carried, so that applying the latest suffices. */
  'plan.step_overdue': ClientFacts & { planId: string; stepId: string; dueOn: string; overdueStepIds: string[] };
  /** The client's overdue steps changed other than by a day passing (a step done, moved or removed). */
  'plan.steps_changed': ClientFacts & { planId: string; overdueStepIds: string[] };
  'plan.revised': ClientFacts & { planId: string; version: number };
  'plan.agreed': ClientFacts & { planId: string; version: number };

  'appointment.scheduled': AppointmentFacts;
  'appointment.rescheduled': AppointmentFacts & { reason: string };
  'appointment.cancelled': AppointmentFacts & { reason: string };
  'appointment.attended': AppointmentFacts;
  'appointment.missed': AppointmentFacts;
  /** Time-based: starts within 24 hours. */
  'appointment.soon': AppointmentFacts;

  'closure.requested': ClientFacts & { requestId: string; requestedById: string; byStaffId: string };
  'closure.decided': ClientFacts & { requestId: string; requestedById: string; approved: boolean; byStaffId: string };

  'organization.time_zone_set': { organizationId: string; timeZone: string };
  'organization.closure_approval_set': { organizationId: string; closureNeedsApproval: boolean };
}

export type EventType = keyof EventPayloads;

/** What is told of a referral once it is sent: its answer, each later move, and its follow-up falling due. */
export const REFERRAL_PROGRESS_EVENTS = [
  'referral.answered',
  'referral.started',
  'referral.completed',
  'referral.expired',
  'referral.cancelled',
  'referral.follow_up_due',
] as const satisfies readonly EventType[];

export const EVENT_TYPES = [
  'referral.sent',
  ...REFERRAL_PROGRESS_EVENTS,
  'client.assigned',
  'caseload.transferred',
  'consent.recorded',
  'consent.revoked',
  'consent.expiring',
  'consent.override_used',
  'plan.step_overdue',
  'plan.steps_changed',
  'plan.revised',
  'plan.agreed',
  'appointment.scheduled',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.attended',
  'appointment.missed',
  'appointment.soon',
  'closure.requested',
  'closure.decided',
  'organization.time_zone_set',
  'organization.closure_approval_set',
] as const satisfies readonly EventType[];

/** An event as consumers receive it. */
export interface DomainEvent<T extends EventType = EventType> {
  /** Unique; consumers are idempotent on it. */
  id: string;
  /** The producing subgraph. */
  source: string;
  type: T;
  /** E.g. `Referral`, `Client`, `Appointment`, `Plan`, `Organization`. */
  aggregateType: string;
  aggregateId: string;
  /** 1, 2, 3… per (source, aggregate): gapless, so a consumer knows when one is missing. */
  sequence: number;
  /** The agency whose data it is (for a referral, the referring agency). */
  organizationId: string;
  occurredAt: string;
  payload: EventPayloads[T];
}

/** An event as a producer records it. */
export interface NewDomainEvent<T extends EventType = EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  organizationId: string;
  payload: EventPayloads[T];
  /**
   * For time-based events: `kind:subject:day` (e.g. `consent.expiring:<id>:2026-12-03`).
   * A second event with the same key is not recorded, so a daily job fires
   * once per (kind, subject, day) however many replicas or ticks run it.
   */
  onceKey?: string;
}
