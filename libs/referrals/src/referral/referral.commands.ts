/**
 * The referral mutations: creating a referral (with its references checked by
 * the subgraphs that own them) and every move of the status machine. Each
 * validates its input first, then decides with the caller's side and the
 * pure transition table, then writes the move, its history event, its
 * audit event and its domain events (referral.events.ts) in one transaction with a conditional UPDATE (… WHERE status =
 * the status it was decided from), so that of two racing moves one wins and
 * the other is INVALID_TRANSITION with nothing written.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, assertCaseOpen, type ClientGrant } from '@caseflow/auth';
import { type AuditTrail, checkReplay } from '@caseflow/audit';
import {
  AppError,
  badInput,
  forbidden,
  inputFingerprint,
  invalidTransition,
  notFound,
  optionalText,
  requiredText,
  uuid,
} from '@caseflow/core';
import type { ReferralsLoaders, ReferralsPeers } from '../loaders';
import { ACTIVE_SERVICE_STATUS } from '../service/service-directory';
import { ReferralEntity, ReferralEventEntity } from './referral.entity';
import type { CompleteReferralInput, CreateReferralInput, RespondToReferralInput } from './referral.inputs';
import { eventsOfMove, recordReferralEvents } from './referral.events';
import { toReferral } from './referral.mapper';
import { caseSideSees, clearToSend, partnerSees, partnerView, visibilityRule } from './referral.policy';
import { REFERRAL_TEXT, sendableBy, validateCompleteReferral, validateCreateReferral, validateRespondToReferral } from './referral.rules';
import { type CallerMove, insertDraft, moveStatus } from './referral.sql';
import { type ReferralSide, decideTransition } from './referral.transitions';
import type { Referral, ReferralDecision } from './referral.type';

const MOVE_OF_DECISION: Record<ReferralDecision, 'ACCEPT' | 'DECLINE' | 'WAITLIST'> = {
  ACCEPT: 'ACCEPT',
  DECLINE: 'DECLINE',
  WAITLIST: 'WAITLIST',
};

interface MovePlan {
  note: string | null;
  value?: string;
  /** A supervisor's reason for sending without a consent. */
  override?: string;
}

type Caller = { side: ReferralSide; grant: ClientGrant | null };

export class ReferralCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ReferralsLoaders,
    private readonly peers: ReferralsPeers,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Creates a DRAFT referral. The client must exist and be on the caller's
   * case (asked of the clients subgraph); the service must exist and be
   * active (asked of the resources subgraph), and its organization becomes
   * the receiving organization; a goal must be one of the client's plans
   * (asked of the plans subgraph). A `clientMutationId` the caller used
   * before returns that first referral and creates nothing — for the same
   * input only, and only while the caller may still see it (see `replay`).
   */
  async create(actor: Actor, input: CreateReferralInput): Promise<Referral> {
    if (actor.role !== 'CASE_MANAGER' && actor.role !== 'SUPERVISOR') {
      this.audit.note({ action: 'CREATE', entityType: 'Referral', outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden('Only case managers and supervisors may refer clients');
    }
    const valid = validateCreateReferral(input, new Date());
    const { clientMutationId: _key, ...fields } = valid;
    const fingerprint = valid.clientMutationId !== null ? inputFingerprint({ ...fields }) : null;
    if (valid.clientMutationId !== null) {
      const first = await this.byMutationKey(this.dataSource.manager, actor, valid.clientMutationId);
      if (first) return this.replay(first, fingerprint);
    }

    const [grant, service] = await Promise.all([this.peers.access.load(valid.clientId), this.peers.directory.load(valid.serviceId)]);
    if (!grant.exists) throw notFound('Client', valid.clientId);
    if (!grant.write) {
      this.audit.note({ action: 'CREATE', entityType: 'Referral', clientId: valid.clientId, outcome: 'DENIED', detail: 'no case access' });
      throw forbidden('You may refer only clients on your own case');
    }
    assertCaseOpen(grant);
    if (!service) throw notFound('Service', valid.serviceId);
    if (service.status !== ACTIVE_SERVICE_STATUS)
      throw badInput('input.serviceId', `is not an active service (its status is ${service.status})`);
    if (valid.serviceAtLocationId !== null && !service.serviceAtLocationIds.includes(valid.serviceAtLocationId)) {
      throw badInput('input.serviceAtLocationId', 'is not a location of this service');
    }
    if (valid.goalId !== null) {
      const goal = await this.peers.goals.load(valid.goalId);
      if (!goal || goal.clientId !== valid.clientId) throw badInput('input.goalId', "is not a goal of this client's plans");
    }

    const result = await this.dataSource.transaction(async (tx): Promise<{ created: ReferralEntity } | { raced: ReferralEntity }> => {
      const created = await insertDraft(tx, {
        ...valid,
        serviceId: service.id,
        clientOrganizationId: grant.organizationId,
        organizationId: service.organizationId,
        organizationName: service.organizationName,
        serviceName: service.name,
        referredBy: actor.staffId,
        serviceTaxonomyTermIds: service.taxonomyTermIds,
        clientMutationFingerprint: fingerprint,
      });
      if (!created) {
        // A concurrent request with the same key committed first: answer with its referral (checked like any replay).
        const first = await this.byMutationKey(tx, actor, valid.clientMutationId as string);
        if (!first) throw new AppError('CONFLICT', 'This clientMutationId is in use by a request that has not finished; retry');
        return { raced: first };
      }
      await tx.insert(ReferralEventEntity, { referralId: created.id, status: 'DRAFT', at: created.createdAt, actorId: actor.staffId });
      await this.audit.write(tx, { action: 'CREATE', entityType: 'Referral', entityId: created.id, clientId: created.clientId });
      return { created };
    });
    if ('raced' in result) return this.replay(result.raced, fingerprint);
    this.loaders.referral.clear(result.created.id).prime(result.created.id, result.created);
    return toReferral(result.created);
  }

  /** DRAFT → SENT, by the case side, under the consent gate (see referral.policy.ts). */
  send(actor: Actor, referralId: string, overrideConsentReason: string | null | undefined): Promise<Referral> {
    const id = uuid('referralId', referralId);
    const override = optionalText('overrideConsentReason', overrideConsentReason, REFERRAL_TEXT);
    return this.move(actor, id, 'SEND', (referral, caller) => {
      if (!sendableBy(referral.respondBy, new Date())) {
        throw invalidTransition('This referral cannot be sent: its respondBy has passed; create a new referral');
      }
      assertCaseOpen(caller.grant as ClientGrant);
      const clearance = clearToSend(actor, caller.grant as ClientGrant, referral.organizationId, override, new Date());
      return clearance.by === 'override'
        ? { note: `Sent without a recorded consent (supervisor override): ${clearance.reason}`, override: clearance.reason }
        : { note: null };
    });
  }

  /** SENT or WAITLISTED → ACCEPTED | DECLINED (with a reason) | WAITLISTED, by the receiving organization. */
  respond(actor: Actor, input: RespondToReferralInput): Promise<Referral> {
    const { referralId, decision, reason, note } = validateRespondToReferral(input);
    return this.move(actor, referralId, MOVE_OF_DECISION[decision], () =>
      reason !== null ? { note: note ?? reason, value: reason } : { note },
    );
  }

  /** ACCEPTED → IN_PROGRESS, by the receiving organization. */
  start(actor: Actor, referralId: string, note: string | null | undefined): Promise<Referral> {
    const id = uuid('referralId', referralId);
    const text = optionalText('note', note, REFERRAL_TEXT);
    return this.move(actor, id, 'START', () => ({ note: text }));
  }

  /** ACCEPTED or IN_PROGRESS → COMPLETED with an outcome, by the receiving organization. */
  complete(actor: Actor, input: CompleteReferralInput): Promise<Referral> {
    const { referralId, outcome, note } = validateCompleteReferral(input);
    return this.move(actor, referralId, 'COMPLETE', () => ({ note, value: outcome }));
  }

  /** DRAFT, SENT, ACCEPTED or WAITLISTED → CANCELLED with a reason, by the case side. */
  cancel(actor: Actor, referralId: string, reason: string): Promise<Referral> {
    const id = uuid('referralId', referralId);
    const text = requiredText('reason', reason, REFERRAL_TEXT);
    return this.move(actor, id, 'CANCEL', () => ({ note: text }));
  }

  private async move(
    actor: Actor,
    id: string,
    move: CallerMove,
    plan: (referral: ReferralEntity, caller: Caller) => MovePlan,
  ): Promise<Referral> {
    const referral = await this.loaders.referral.clear(id).load(id);
    if (!referral) throw notFound('Referral', id);
    const caller = await this.callerOf(actor, referral);
    if (!caller) {
      this.refused(referral, `${move}: may not see`);
      throw forbidden('You may not see this referral');
    }
    const decision = decideTransition(referral.status, move, caller.side);
    if (!decision.allowed) {
      this.refused(referral, `${move} from ${referral.status}: ${decision.code}`);
      throw new AppError(decision.code, decision.message);
    }
    let movePlan: MovePlan;
    try {
      movePlan = plan(referral, caller);
    } catch (error) {
      this.refused(referral, `${move}: ${error instanceof AppError ? error.code : 'refused'}`);
      throw error;
    }

    const updated = await this.dataSource.transaction(async (tx) => {
      const moved = await moveStatus(tx, {
        id,
        move,
        from: decision.from,
        to: decision.to,
        value: movePlan.value,
        override: movePlan.override !== undefined,
      });
      if (!moved) return null;
      await tx.insert(ReferralEventEntity, {
        referralId: id,
        status: decision.to,
        at: () => 'now()',
        actorId: actor.staffId,
        note: movePlan.note,
      });
      const facts = { entityType: 'Referral', entityId: id, clientId: referral.clientId };
      await this.audit.write(tx, { action: 'TRANSITION', ...facts, detail: `${decision.from}→${decision.to}` });
      if (movePlan.override !== undefined) {
        await this.audit.write(tx, {
          action: 'OVERRIDE',
          ...facts,
          detail: `sent without consent REFERRAL_DETAILS to organization ${referral.organizationId}`,
        });
      }
      const override = movePlan.override !== undefined ? { byStaffId: actor.staffId } : null;
      await recordReferralEvents(tx, eventsOfMove(moved, decision.to, override));
      return moved;
    });
    if (!updated) {
      this.refused(referral, `${move} from ${decision.from}: lost a race`);
      throw invalidTransition(`The referral is no longer ${decision.from}: another change came first`);
    }
    this.loaders.referral.clear(id).prime(id, updated);
    this.loaders.eventsByReferral.clear(id);
    if (caller.side === 'SENDER') return toReferral(updated);
    // The receiver's consents decide how much of the referral it is shown, not whether it may move it; the move is
    // committed, so a clients subgraph that cannot answer now shows the status and dates only.
    const grant = await this.peers.access.load(referral.clientId).catch(() => null);
    return toReferral(updated, partnerView(grant, updated));
  }

  /** The caller's side of this referral, or null when the caller may not see it at all. */
  private async callerOf(actor: Actor, referral: ReferralEntity): Promise<Caller | null> {
    switch (visibilityRule(actor)) {
      case 'receiving-organization':
        return partnerSees(actor, referral) ? { side: 'RECEIVER', grant: null } : null;
      case 'case-access': {
        const grant = await this.peers.access.load(referral.clientId);
        return caseSideSees(grant) ? { side: 'SENDER', grant } : null;
      }
      case 'none':
        return null;
    }
  }

  private byMutationKey(manager: EntityManager, actor: Actor, key: string): Promise<ReferralEntity | null> {
    return manager.getRepository(ReferralEntity).findOneBy({ referredBy: actor.staffId, clientMutationId: key });
  }

  /**
   * A retried createReferral: the referral its key made, read like any
   * referral read — only while the caller may see it now (the client may
   * have been reassigned since), and audited — and only for the same input
   * (else the key is being reused for another request: CONFLICT).
   */
  private async replay(first: ReferralEntity, fingerprint: string | null): Promise<Referral> {
    const entity = { entityType: 'Referral', entityId: first.id, clientId: first.clientId };
    const fingerprints = { stored: first.clientMutationFingerprint, given: fingerprint };
    const mayRead = async () => caseSideSees(await this.peers.access.load(first.clientId));
    await checkReplay(this.audit, entity, fingerprints, mayRead, 'You may not see this referral');
    return toReferral(first);
  }

  private refused(referral: ReferralEntity, detail: string): void {
    this.audit.note({
      action: 'TRANSITION',
      entityType: 'Referral',
      entityId: referral.id,
      clientId: referral.clientId,
      outcome: 'DENIED',
      detail,
    });
  }
}
