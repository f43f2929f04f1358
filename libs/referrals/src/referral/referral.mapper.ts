import type { ReferralEntity, ReferralEventEntity } from './referral.entity';
import { FULL_VIEW, type ReferralView } from './referral.policy';
import type { Referral, ReferralEvent } from './referral.type';

/** What a withheld text field reads as. */
export const WITHHELD = '';

/** A reference to `id`, or null when there is none. */
export function refTo(id: string | null): { id: string } | null {
  return id ? { id } : null;
}

/**
 * A referral as the API shows it, to a caller with `view` of it. What a view
 * withholds reads as empty text or null (`need` and the rationales are
 * non-null in the schema).
 */
export function toReferral(entity: ReferralEntity, view: ReferralView = FULL_VIEW): Referral {
  const details = view.details;
  return {
    id: entity.id,
    clientId: entity.clientId,
    client: view.client ? { id: entity.clientId } : null,
    service: { id: entity.serviceId },
    organization: { id: entity.organizationId },
    referredBy: { id: entity.referredBy },
    goal: details ? refTo(entity.goalId) : null,
    need: details ? entity.need : WITHHELD,
    necessaryRationale: details ? entity.necessaryRationale : WITHHELD,
    appropriateRationale: details ? entity.appropriateRationale : WITHHELD,
    paidByContract: entity.paidByContract,
    urgency: entity.urgency,
    status: entity.status,
    createdAt: entity.createdAt,
    sentAt: entity.sentAt,
    respondBy: entity.respondBy,
    declineReason: details ? entity.declineReason : null,
    outcome: entity.outcome,
    followUpAt: entity.followUpAt,
    detailsWithheld: !details,
  };
}

export function toReferralEvent(entity: ReferralEventEntity): ReferralEvent {
  return { id: entity.id, status: entity.status, at: entity.at, actor: refTo(entity.actorId), note: entity.note };
}
