import type DataLoader from 'dataloader';
import { type Actor, type ClientGrant, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden } from '@caseflow/core';
import type { ReferralsLoaders } from '../loaders';
import { refTo } from '../shared/entity-refs';
import type { ReferralEventEntity } from './referral-event.entity';
import type { ReferralEntity } from './referral.entity';
import type { ReferralStatus } from './referral.enums';
import type { Referral, ReferralEvent } from './referral.type';
import { caseSideSees, FULL_VIEW, partnerSees, partnerView, type ReferralView, visibilityRule } from './referral.visibility';

/** What a withheld text field reads as. */
export const WITHHELD = '';

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

/** Referral reads, scoped to the caller (deny by default) and audited. */
export class ReferralService {
  constructor(
    private readonly loaders: ReferralsLoaders,
    private readonly access: DataLoader<string, ClientGrant>,
    private readonly audit: AuditTrail,
  ) {}

  /** One referral, or null when none has this id; FORBIDDEN (and a denial event) when the caller may not see it. */
  async get(actor: Actor, id: string): Promise<Referral | null> {
    if (!isUuid(id)) throw badInput('id', 'must be a UUID');
    const entity = await this.loaders.referral.load(id);
    if (!entity) return null;
    const view = await this.viewOf(actor, entity);
    if (!view) {
      this.denied(actor, 'Referral', entity.id, entity.clientId);
      throw forbidden('You may not see this referral');
    }
    this.read('Referral', entity.id, entity.clientId, view);
    return toReferral(entity, view);
  }

  /** For `__resolveReference`: the referral if the caller may see it, otherwise null (the denial is audited). */
  async reference(actor: Actor, id: string): Promise<Referral | null> {
    if (!isUuid(id)) return null;
    const entity = await this.loaders.referral.load(id);
    if (!entity) return null;
    const view = await this.viewOf(actor, entity);
    if (!view) {
      this.denied(actor, 'Referral', entity.id, entity.clientId);
      return null;
    }
    this.read('Referral', entity.id, entity.clientId, view);
    return toReferral(entity, view);
  }

  /** For `__resolveReference` of a ReferralEvent: visible exactly when its referral's history is. */
  async eventReference(actor: Actor, id: string): Promise<ReferralEvent | null> {
    if (!isUuid(id)) return null;
    const event = await this.loaders.event.load(id);
    const referral = event ? await this.loaders.referral.load(event.referralId) : null;
    if (!event || !referral) return null;
    if (!(await this.viewOf(actor, referral))?.details) {
      this.denied(actor, 'ReferralEvent', event.id, referral.clientId);
      return null;
    }
    this.read('ReferralEvent', event.id, referral.clientId);
    return toReferralEvent(event);
  }

  /**
   * `Client.referrals`: the client's referrals the caller may see, newest
   * first, optionally of some statuses. Null (and a denial event) when the
   * caller has no right to the client's referrals at all.
   */
  async forClient(actor: Actor, clientId: string, statuses: readonly ReferralStatus[] | null | undefined): Promise<Referral[] | null> {
    if (!isUuid(clientId)) return null;
    const rule = visibilityRule(actor);
    if (rule === 'none') {
      this.denied(actor, 'Referral', null, clientId);
      return null;
    }
    // Rows and grant are asked together, so that a page of clients costs one statement and one round trip in all
    // (a partner's grant too: its consents decide how much of each referral it sees).
    const [rows, grant] = await Promise.all([this.loaders.referralsByClient.load(clientId), this.access.load(clientId)]);
    if (rule === 'case-access' && !caseSideSees(grant)) {
      this.denied(actor, 'Referral', null, clientId);
      return null;
    }
    const wanted = statuses?.length ? new Set(statuses) : null;
    const visible = rows.filter((r) => (rule === 'case-access' || partnerSees(actor, r)) && (!wanted || wanted.has(r.status)));
    return visible.map((r) => {
      const view = rule === 'case-access' ? FULL_VIEW : partnerView(grant, r);
      this.read('Referral', r.id, r.clientId, view);
      return toReferral(r, view);
    });
  }

  /**
   * `Goal.referrals`: the goal's referrals the caller may see, newest first
   * (each checked like `referral(id)`; hidden ones are left out and their
   * denial audited). Null for analysts and admins, who see no referral.
   */
  async forGoal(actor: Actor, goalId: string): Promise<Referral[] | null> {
    if (!isUuid(goalId)) return null;
    const rule = visibilityRule(actor);
    if (rule === 'none') {
      this.audit.note({ action: 'READ', entityType: 'Referral', outcome: 'DENIED', detail: `goal referrals; role ${actor.role}` });
      return null;
    }
    const rows = await this.loaders.referralsByGoal.load(goalId);
    const views = await Promise.all(rows.map((r) => this.viewOf(actor, r)));
    return rows.flatMap((r, i) => {
      const view = views[i];
      if (!view) {
        this.denied(actor, 'Referral', r.id, r.clientId);
        return [];
      }
      this.read('Referral', r.id, r.clientId, view);
      return [toReferral(r, view)];
    });
  }

  /** A referral's history, oldest first; the referral itself was checked when it was loaded (a view without details has none). */
  async history(referral: Referral): Promise<ReferralEvent[]> {
    if (referral.detailsWithheld) return [];
    const events = await this.loaders.eventsByReferral.load(referral.id);
    return events.map(toReferralEvent);
  }

  /** How much of the referral the caller may see, or null when nothing (see referral.visibility.ts). */
  async viewOf(actor: Actor, referral: ReferralEntity): Promise<ReferralView | null> {
    switch (visibilityRule(actor)) {
      case 'receiving-organization':
        return partnerSees(actor, referral) ? partnerView(await this.access.load(referral.clientId), referral) : null;
      case 'case-access':
        return caseSideSees(await this.access.load(referral.clientId)) ? FULL_VIEW : null;
      case 'none':
        return null;
    }
  }

  private read(entityType: string, entityId: string, clientId: string, view: ReferralView = FULL_VIEW): void {
    this.audit.note({ action: 'READ', entityType, entityId, clientId, detail: view.details ? null : 'status and dates only' });
  }

  private denied(actor: Actor, entityType: string, entityId: string | null, clientId: string): void {
    this.audit.note({ action: 'READ', entityType, entityId, clientId, outcome: 'DENIED', detail: `role ${actor.role}` });
  }
}
