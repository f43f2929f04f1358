/**
 * Closure approval: a case manager requests a case's closure, a supervisor
 * of the agency other than the requester approves or rejects it, and the
 * requester may withdraw it while it is PENDING. Each change takes the
 * client's row lock first (as every change to a case does), then the
 * request's, and writes its audit event and domain event in the same
 * transaction. An approval closes the case through `ClientCommands.closeWithin`
 * and `recordChange`, exactly as `closeCase` does.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, conflict, forbidden, notFound, uuid } from '@caseflow/core';
import { recordEvents } from '@caseflow/events';
import { hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import { type CaseClient, ClientCommands, lockClient } from '../client/client.commands';
import { CLOSURE_OUTCOMES } from '../client/client.entity';
import { checkClosing } from '../client/client.transitions';
import { APPROVAL_DECISIONS, type ApprovalDecision, ClosureRequestEntity } from './closure-request.entity';
import type { RequestClosureInput } from './closure-request.inputs';
import { toClosureRequest } from './closure-request.mapper';
import { checkDecisionNote, checkPending, checkRequestTexts, decisionRefusal, mayWithdraw } from './closure-request.rules';
import type { ClosureRequest } from './closure-request.type';
import type { ClientsDeps } from '../deps';

export class ClosureRequestCommands {
  /** The client's own commands, for closing the case when a request is approved. */
  private readonly clientCommands: ClientCommands;

  constructor(private readonly deps: ClientsDeps) {
    this.clientCommands = new ClientCommands(deps);
  }

  /** A request to close the case, by a caller with case access; CONFLICT when one is already PENDING. */
  async requestClosure(actor: Actor, input: RequestClosureInput): Promise<ClosureRequest> {
    uuid('input.clientId', input.clientId);
    if (!(CLOSURE_OUTCOMES as readonly string[]).includes(input.outcome)) throw badInput('input.outcome', 'must be a closure outcome');
    const texts = checkRequestTexts(input);
    const clientId = input.clientId.toLowerCase();
    const denied = () => {
      this.deps.audit.note({
        action: 'CREATE',
        entityType: 'ClosureRequest',
        entityId: null,
        clientId,
        outcome: 'DENIED',
        detail: 'requestClosure',
      });
      return forbidden("Only the client's case manager or a supervisor of the agency may request its closure");
    };
    if (!mayHoldCaseload(actor)) throw denied();
    const request = await this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, clientId);
      if (!hasCaseAccess(actor, client)) throw denied();
      checkClosing(client.status);
      const requests = tx.getRepository(ClosureRequestEntity);
      if (await requests.existsBy({ clientId: client.id, status: 'PENDING' })) {
        throw conflict('This case has a pending closure request already: it is decided or withdrawn first', { field: 'input.clientId' });
      }
      const { identifiers } = await requests.insert({
        clientId: client.id,
        organizationId: client.organizationId,
        requestedBy: actor.staffId,
        requestedAt: new Date(),
        outcome: input.outcome,
        nextSteps: texts.nextSteps,
        rationale: texts.rationale,
        status: 'PENDING',
      });
      const saved = await requests.findOneByOrFail({ id: identifiers[0].id as string });
      await this.deps.audit.write(tx, { action: 'CREATE', entityType: 'ClosureRequest', entityId: saved.id, clientId: client.id });
      await recordEvents(tx, 'clients', [
        {
          type: 'closure.requested',
          aggregateType: 'ClosureRequest',
          aggregateId: saved.id,
          organizationId: saved.organizationId,
          payload: {
            clientId: saved.clientId,
            organizationId: saved.organizationId,
            requestId: saved.id,
            requestedById: saved.requestedBy,
            byStaffId: actor.staffId,
          },
        },
      ]);
      return saved;
    });
    return toClosureRequest(request);
  }

  /** A supervisor of the client's agency, never the requester, approves (closing the case as closeCase does) or rejects a PENDING request. */
  async decideClosure(
    actor: Actor,
    requestId: string,
    decision: ApprovalDecision,
    note: string | null | undefined,
  ): Promise<ClosureRequest> {
    uuid('requestId', requestId);
    if (!(APPROVAL_DECISIONS as readonly string[]).includes(decision)) throw badInput('decision', 'must be APPROVE or REJECT');
    const decisionNote = checkDecisionNote(note);
    return this.change(requestId, async (tx, request, client) => {
      const refusal = decisionRefusal(actor, { organizationId: client.organizationId, requestedBy: request.requestedBy });
      if (refusal) throw this.denied(request, `decide: ${refusal}`, refusal);
      checkPending(request.status, 'decided');
      if (decision === 'APPROVE') {
        await this.clientCommands.closeWithin(tx, actor, client, request.outcome, request.nextSteps);
        await this.clientCommands.recordChange(tx, client.id, 'status');
      }
      const status = decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      await tx
        .getRepository(ClosureRequestEntity)
        .update({ id: request.id }, { status, decidedBy: actor.staffId, decidedAt: new Date(), decisionNote });
      const facts = { entityType: 'ClosureRequest', entityId: request.id, clientId: request.clientId };
      await this.deps.audit.write(tx, { action: 'UPDATE', ...facts, detail: `decision: ${status}` });
      await recordEvents(tx, 'clients', [
        {
          type: 'closure.decided',
          aggregateType: 'ClosureRequest',
          aggregateId: request.id,
          organizationId: request.organizationId,
          payload: {
            clientId: request.clientId,
            organizationId: request.organizationId,
            requestId: request.id,
            requestedById: request.requestedBy,
            byStaffId: actor.staffId,
            approved: decision === 'APPROVE',
          },
        },
      ]);
    });
  }

  /** The requester withdraws their PENDING request; nothing is announced (no one is waiting on a withdrawal). */
  async withdrawClosureRequest(actor: Actor, requestId: string): Promise<ClosureRequest> {
    uuid('requestId', requestId);
    return this.change(requestId, async (tx, request) => {
      if (!mayWithdraw(actor, request)) {
        throw this.denied(request, 'withdraw: not the requester', 'Only the staff member who requested a closure may withdraw it');
      }
      checkPending(request.status, 'withdrawn');
      await tx.getRepository(ClosureRequestEntity).update({ id: request.id }, { status: 'WITHDRAWN', withdrawnAt: new Date() });
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'ClosureRequest',
        entityId: request.id,
        clientId: request.clientId,
        detail: 'withdrawn',
      });
    });
  }

  /**
   * Reads the request (NOT_FOUND when there is none), takes the client's row
   * lock (as every change to a case does, so changes to one case are
   * serialised), reads the request again under it and applies `apply`; the
   * answer is the request as the change left it.
   */
  private async change(
    requestId: string,
    apply: (tx: EntityManager, request: ClosureRequestEntity, client: CaseClient) => Promise<void>,
  ): Promise<ClosureRequest> {
    const id = requestId.toLowerCase();
    return this.deps.dataSource.transaction(async (tx) => {
      const requests = tx.getRepository(ClosureRequestEntity);
      const found = await requests.findOneBy({ id });
      if (!found) throw notFound('ClosureRequest', id);
      const client = await lockClient(tx, found.clientId);
      await apply(tx, await requests.findOneByOrFail({ id }), client);
      return toClosureRequest(await requests.findOneByOrFail({ id }));
    });
  }

  private denied(request: ClosureRequestEntity, detail: string, message: string) {
    this.deps.audit.note({
      action: 'UPDATE',
      entityType: 'ClosureRequest',
      entityId: request.id,
      clientId: request.clientId,
      outcome: 'DENIED',
      detail,
    });
    return forbidden(message);
  }
}
