/**
 * The referral's domain events (see @caseflow/events): what each move tells
 * the other subgraphs, recorded in the referrals outbox in the transaction
 * of the move. Every event of a referral is on the aggregate
 * ('Referral', id), so consumers get them in the order they happened; the
 * agency they belong to is the referring one.
 */
import type { EntityManager } from 'typeorm';
import { type NewDomainEvent, type ReferralFacts, recordEvents } from '@caseflow/events';
import type { ReferralEntity } from './referral.entity';
import type { ReferralStatus } from './referral.transitions';

export const REFERRALS_SCHEMA = 'referrals';
export const REFERRAL_AGGREGATE = 'Referral';

/** What a referral row must hold to be told about (the sweep's rows carry just these). */
export type ReferralFactsSource = Pick<
  ReferralEntity,
  'id' | 'clientId' | 'clientOrganizationId' | 'referredBy' | 'organizationId' | 'organizationName' | 'serviceId' | 'serviceName' | 'sentAt'
>;

/** The same facts as a statement's row (the jobs' reads: snake_case columns). */
export interface ReferralFactsRow {
  id: string;
  client_id: string;
  client_organization_id: string;
  referred_by: string;
  organization_id: string;
  organization_name: string | null;
  service_id: string;
  service_name: string | null;
  sent_at: Date | null;
}

export const referralFactsOfRow = (r: ReferralFactsRow): ReferralFactsSource => ({
  id: r.id,
  clientId: r.client_id,
  clientOrganizationId: r.client_organization_id,
  referredBy: r.referred_by,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  serviceId: r.service_id,
  serviceName: r.service_name,
  sentAt: r.sent_at,
});

/** Names for referrals made before the directory's names were kept with them. */
const UNNAMED_ORGANIZATION = 'the receiving organization';
const UNNAMED_SERVICE = 'the service';

export function referralFacts(r: ReferralFactsSource): ReferralFacts {
  return {
    referralId: r.id,
    clientId: r.clientId,
    referringOrganizationId: r.clientOrganizationId,
    referredById: r.sentAt !== null ? r.referredBy : null,
    receivingOrganizationId: r.organizationId,
    receivingOrganizationName: r.organizationName ?? UNNAMED_ORGANIZATION,
    serviceId: r.serviceId,
    serviceName: r.serviceName ?? UNNAMED_SERVICE,
  };
}

function event<T extends NewDomainEvent['type']>(
  type: T,
  r: ReferralFactsSource,
  payload: NewDomainEvent<T>['payload'],
  onceKey?: string,
): NewDomainEvent<T> {
  return { type, aggregateType: REFERRAL_AGGREGATE, aggregateId: r.id, organizationId: r.clientOrganizationId, payload, onceKey };
}

/** What a move that left the referral in `to` tells; `override` is the supervisor who sent it without a consent. */
export function eventsOfMove(r: ReferralEntity, to: ReferralStatus, override: { byStaffId: string } | null): NewDomainEvent[] {
  const facts = referralFacts(r);
  switch (to) {
    case 'SENT': {
      const sent: NewDomainEvent[] = [event('referral.sent', r, facts)];
      if (override) {
        sent.push(
          event('consent.override_used', r, {
            clientId: r.clientId,
            organizationId: r.clientOrganizationId,
            referralId: r.id,
            byStaffId: override.byStaffId,
          }),
        );
      }
      return sent;
    }
    case 'ACCEPTED':
    case 'DECLINED':
    case 'WAITLISTED':
      return [event('referral.answered', r, { ...facts, answer: to })];
    case 'IN_PROGRESS':
      return [event('referral.started', r, facts)];
    case 'COMPLETED':
      return [event('referral.completed', r, { ...facts, outcome: r.outcome })];
    case 'CANCELLED':
      return [event('referral.cancelled', r, facts)];
    case 'EXPIRED':
      return [referralExpired(r)];
    case 'DRAFT':
      return [];
  }
}

/** `referral.expired`, for the expiry sweep's rows. */
export const referralExpired = (r: ReferralFactsSource): NewDomainEvent<'referral.expired'> =>
  event('referral.expired', r, referralFacts(r));

/** `referral.follow_up_due` for the referral on its local day `dueOn`: recorded once per (referral, day). */
export function followUpDue(r: ReferralFactsSource, dueOn: string): NewDomainEvent<'referral.follow_up_due'> {
  return event('referral.follow_up_due', r, { ...referralFacts(r), dueOn }, `referral.follow_up_due:${r.id}:${dueOn}`);
}

/** Records the events in the referrals outbox, within the change's transaction. */
export const recordReferralEvents = (tx: EntityManager, events: readonly NewDomainEvent[]) => recordEvents(tx, REFERRALS_SCHEMA, events);
