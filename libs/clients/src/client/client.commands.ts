/**
 * Changes to a client's case: intake, eligibility, activation, contact
 * preferences, key dates, follow-up, assignment, closure and re-opening.
 * Each validates everything first, then changes the row under a lock in one
 * transaction with its audit event and the recomputed priority.
 */
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type Actor } from '@caseflow/auth';
import { type AuditEvent, checkReplay } from '@caseflow/audit';
import { badInput, forbidden, inputFingerprint, localDay, notFound, optionalText, requiredText, uuid } from '@caseflow/core';
import { hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import { recomputePriorities } from '../caseload/priority.store';
import { closureNeedsApproval } from '../organization/organization-setting.sql';
import { organizationTimeZones } from '../organization/time-zone';
import { checkIntakeProfile, recordIntakeProfile } from '../profile/profile.writes';
import { foldName, searchNameOf, sortKeyOf } from '../shared/names';
import { NAME_MAX, TEXT_MAX, birthDate } from '../shared/validation';
import { StaffMemberEntity } from '../staff/staff.entity';
import { withCaseTeam } from '../team/team.access';
import { endMembershipsOf } from '../team/team.sql';
import {
  CaseEventEntity,
  type CaseEventKind,
  ClientEntity,
  type ClientStatus,
  type ClosureOutcome,
  EligibilityEntity,
} from './client.entity';
import type { CloseCaseInput, ContactPreferenceInput, DetermineEligibilityInput, KeyDateInput, OpenClientInput } from './client.inputs';
import { toClient } from './client.mapper';
import { recordAssignment } from './client.events';
import { CASE_ACCESS } from './client.policy';
import { checkContactPreference, checkFollowUp, checkKeyDates } from './client.rules';
import { checkActivation, checkClosing, checkNotClosed, checkReopening, reopenedStatus } from './client.transitions';
import type { Client } from './client.type';
import type { ClientsDeps } from '../deps';

export class ClientCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async openClient(actor: Actor, input: OpenClientInput): Promise<Client> {
    this.requireCaseRole(actor, 'open a client');
    const firstName = requiredText('input.firstName', input.firstName, { max: NAME_MAX });
    const lastName = requiredText('input.lastName', input.lastName, { max: NAME_MAX });
    const preferredName = optionalText('input.preferredName', input.preferredName, { max: NAME_MAX });
    const dateOfBirth = birthDate('input.dateOfBirth', input.dateOfBirth);
    const contact = input.contactPreference ? checkContactPreference(input.contactPreference, 'input.contactPreference') : null;
    const mutationId = optionalText('input.clientMutationId', input.clientMutationId, { max: 200 });
    const profile = checkIntakeProfile(input);
    const assignee = await this.assignee(actor, input.assignedCaseManagerId, 'input.assignedCaseManagerId');
    const fingerprint = mutationId
      ? inputFingerprint({
          firstName,
          lastName,
          preferredName,
          dateOfBirth,
          contact,
          assignedCaseManagerId: input.assignedCaseManagerId ?? null,
          // The profile counts only when given, so keys used before intake took one keep their fingerprints.
          ...(input.address || input.household || input.demographics ? { profile } : {}),
        })
      : null;

    if (mutationId) {
      const earlier = await this.deps.dataSource
        .getRepository(ClientEntity)
        .findOneBy({ createdBy: actor.staffId, clientMutationId: mutationId });
      if (earlier) return this.replay(actor, await withCaseTeam(this.deps.dataSource, earlier), fingerprint);
    }
    try {
      return await this.deps.dataSource.transaction(async (tx) => {
        // The intake is dated in the agency's time zone (an evening intake in Vancouver is not tomorrow's).
        const zones = await organizationTimeZones(tx, [actor.organizationId]);
        const { identifiers } = await tx.getRepository(ClientEntity).insert({
          organizationId: actor.organizationId,
          firstName,
          lastName,
          preferredName,
          dateOfBirth,
          status: 'INTAKE',
          intakeDate: localDay(new Date(), zones.get(actor.organizationId)),
          assignedCaseManagerId: assignee,
          searchName: searchNameOf(firstName, lastName, preferredName),
          sortKey: sortKeyOf(firstName, lastName),
          foldedFirst: foldName(firstName),
          foldedLast: foldName(lastName),
          contactMethod: contact?.method ?? null,
          contactPhone: contact?.phone ?? null,
          contactEmail: contact?.email ?? null,
          voicemailAllowed: contact?.voicemailAllowed ?? false,
          publicGreeting: contact?.publicGreeting ?? null,
          contactNotes: contact?.notes ?? null,
          createdBy: actor.staffId,
          clientMutationId: mutationId,
          clientMutationFingerprint: fingerprint,
        });
        const id = identifiers[0].id as string;
        await this.event(tx, actor, id, 'OPENED', null, 'INTAKE');
        await this.deps.audit.write(tx, { action: 'CREATE', entityType: 'Client', entityId: id, clientId: id });
        const opened = { id, organizationId: actor.organizationId };
        await recordAssignment(tx, opened, { caseManagerId: assignee, previousCaseManagerId: null, byStaffId: actor.staffId });
        await recordIntakeProfile(tx, this.deps.audit, opened, profile, actor.staffId);
        await recomputePriorities(tx, [id]);
        return this.answer(tx, id);
      });
    } catch (error) {
      // A retry racing the first request with the same key: answer with the first one's client, under the same checks.
      if (mutationId && (error as { code?: string }).code === '23505') {
        const earlier = await this.deps.dataSource
          .getRepository(ClientEntity)
          .findOneByOrFail({ createdBy: actor.staffId, clientMutationId: mutationId });
        return this.replay(actor, await withCaseTeam(this.deps.dataSource, earlier), fingerprint);
      }
      throw error;
    }
  }

  /**
   * A retried `openClient`: the client the key opened, read like any client
   * read — only if the caller may see it now (the case may have been
   * reassigned since), and audited — and only for the same input (else the
   * key is being reused for another request: CONFLICT, nothing returned).
   */
  private async replay(actor: Actor, earlier: CaseClient, fingerprint: string | null): Promise<Client> {
    const entity = { entityType: 'Client', entityId: earlier.id, clientId: earlier.id };
    const fingerprints = { stored: earlier.clientMutationFingerprint, given: fingerprint };
    await checkReplay(this.deps.audit, entity, fingerprints, () => hasCaseAccess(actor, earlier), "You may not see this client's record");
    return toClient(earlier, CASE_ACCESS);
  }

  async determineEligibility(actor: Actor, input: DetermineEligibilityInput): Promise<Client> {
    const program = requiredText('input.program', input.program, { max: NAME_MAX });
    const rationale = requiredText('input.rationale', input.rationale, { max: TEXT_MAX });
    return this.change(actor, input.clientId, 'input.clientId', 'eligibility', async (tx, client) => {
      checkNotClosed(client.status, 'A closed case must be re-opened before eligibility is determined');
      await tx.getRepository(EligibilityEntity).insert({
        clientId: client.id,
        eligible: input.eligible,
        program,
        rationale,
        determinedAt: new Date(),
        determinedBy: actor.staffId,
      });
    });
  }

  async activateClient(actor: Actor, clientId: string): Promise<Client> {
    return this.change(actor, clientId, 'clientId', 'status', async (tx, client) => {
      // The latest determination is read only where it decides (from INTAKE).
      checkActivation(client.status, client.status === 'INTAKE' ? await latestEligibility(tx, client.id) : null);
      await this.setStatus(tx, actor, client, 'ACTIVE', 'ACTIVATED');
    });
  }

  async updateContactPreference(actor: Actor, clientId: string, input: ContactPreferenceInput): Promise<Client> {
    const contact = checkContactPreference(input, 'input');
    return this.change(actor, clientId, 'clientId', 'contactPreference', async (tx, client) => {
      await updateClient(tx, client.id, {
        contactMethod: contact.method,
        contactPhone: contact.phone,
        contactEmail: contact.email,
        voicemailAllowed: contact.voicemailAllowed,
        publicGreeting: contact.publicGreeting,
        contactNotes: contact.notes,
      });
    });
  }

  async setKeyDates(actor: Actor, clientId: string, keyDates: KeyDateInput[]): Promise<Client> {
    const values = checkKeyDates(keyDates);
    return this.change(actor, clientId, 'clientId', 'keyDates', async (tx, client) => {
      await updateClient(tx, client.id, { keyDates: values });
    });
  }

  async scheduleFollowUp(actor: Actor, clientId: string, at: Date): Promise<Client> {
    checkFollowUp(at);
    return this.change(actor, clientId, 'clientId', 'nextFollowUpAt', async (tx, client) => {
      checkNotClosed(client.status, 'A closed case has no follow-up; re-open it first');
      await updateClient(tx, client.id, { nextFollowUpAt: at });
    });
  }

  async assignCaseManager(actor: Actor, clientId: string, staffMemberId: string, reason?: string | null): Promise<Client> {
    uuid('staffMemberId', staffMemberId);
    const why = optionalText('reason', reason, { max: TEXT_MAX });
    if (actor.role !== 'SUPERVISOR') {
      this.deps.audit.note(clientChangeDenied(clientId, 'assignCaseManager'));
      throw forbidden('Only a supervisor may reassign a client');
    }
    const assignee = await this.assignee(actor, staffMemberId, 'staffMemberId');
    return this.change(actor, clientId, 'clientId', 'assignedCaseManager', async (tx, client) => {
      await updateClient(tx, client.id, { assignedCaseManagerId: assignee });
      if (assignee) await endMembershipsOf(tx, [client.id], assignee, actor.staffId);
      await this.event(tx, actor, client.id, 'REASSIGNED', client.status, client.status, { note: why });
      const previousCaseManagerId = client.assignedCaseManagerId;
      await recordAssignment(tx, client, { caseManagerId: assignee, previousCaseManagerId, byStaffId: actor.staffId, reason: why });
    });
  }

  async closeCase(actor: Actor, input: CloseCaseInput): Promise<Client> {
    const nextSteps = optionalText('input.nextSteps', input.nextSteps, { max: 5000 });
    return this.change(actor, input.clientId, 'input.clientId', 'status', async (tx, client) => {
      await this.requireDirectClosure(tx, actor, client);
      await this.closeWithin(tx, actor, client, input.outcome, nextSteps);
    });
  }

  /**
   * Closes a case locked in `tx` (`lockClient`, access checked by the
   * caller): the one closing path, of `closeCase` and of an approved closure
   * request (closure/closure-request.commands.ts), which then finishes with
   * `recordChange` as `closeCase` does.
   */
  async closeWithin(
    tx: EntityManager,
    actor: Actor,
    client: ClientEntity,
    outcome: ClosureOutcome,
    nextSteps: string | null,
  ): Promise<void> {
    checkClosing(client.status);
    const latest = await latestEligibility(tx, client.id);
    await this.setStatus(tx, actor, client, 'CLOSED', 'CLOSED', { outcome, note: nextSteps, program: latest?.program ?? null });
    await updateClient(tx, client.id, { nextFollowUpAt: null });
  }

  /** While the agency's `closureNeedsApproval` is on, a case manager requests closure instead (FORBIDDEN, audited); supervisors close directly. */
  private async requireDirectClosure(tx: EntityManager, actor: Actor, client: ClientEntity): Promise<void> {
    if (actor.role !== 'CASE_MANAGER' || !(await closureNeedsApproval(tx, client.organizationId))) return;
    this.deps.audit.note(clientChangeDenied(client.id, 'status: closure needs approval'));
    throw forbidden("Your agency requires a supervisor's approval to close a case: request closure (requestClosure) instead");
  }

  async reopenCase(actor: Actor, clientId: string, reason: string): Promise<Client> {
    const why = requiredText('reason', reason, { max: TEXT_MAX });
    return this.change(actor, clientId, 'clientId', 'status', async (tx, client) => {
      checkReopening(client.status);
      await this.setStatus(tx, actor, client, await this.statusToReopenTo(tx, client.id), 'REOPENED', { note: why });
    });
  }

  /** Where a re-opened case returns (client.transitions.ts); the closure is read only when the eligibility allows it. */
  private async statusToReopenTo(tx: EntityManager, clientId: string): Promise<ClientStatus> {
    const eligibility = await latestEligibility(tx, clientId);
    if (!eligibility?.eligible) return reopenedStatus(eligibility, null);
    const closure = await tx.getRepository(CaseEventEntity).findOne({ where: { clientId, kind: 'CLOSED' }, order: { at: 'DESC' } });
    return reopenedStatus(eligibility, closure?.fromStatus);
  }

  /** Loads the client under a row lock, checks case access (auditing a denial), applies `apply`, recomputes priority. */
  private async change(
    actor: Actor,
    clientId: string,
    field: string,
    what: string,
    apply: (tx: EntityManager, client: ClientEntity) => Promise<void>,
  ): Promise<Client> {
    uuid(field, clientId);
    this.requireCaseRole(actor, 'change a case', clientId);
    return this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, clientId);
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note(clientChangeDenied(clientId, what));
        throw forbidden("You may not change this client's case");
      }
      await apply(tx, client);
      return this.recordChange(tx, client.id, what);
    });
  }

  /** What every change of the case ends with, in its transaction: the audit event, the recomputed priority, the answer. */
  async recordChange(tx: EntityManager, clientId: string, what: string): Promise<Client> {
    await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, detail: what });
    await recomputePriorities(tx, [clientId]);
    return this.answer(tx, clientId);
  }

  private async setStatus(
    tx: EntityManager,
    actor: Actor,
    client: ClientEntity,
    to: ClientStatus,
    kind: CaseEventKind,
    extra: { outcome?: CaseEventEntity['outcome']; note?: string | null; program?: string | null } = {},
  ): Promise<void> {
    await updateClient(tx, client.id, { status: to });
    await this.event(tx, actor, client.id, kind, client.status, to, extra);
  }

  private async event(
    tx: EntityManager,
    actor: Actor,
    clientId: string,
    kind: CaseEventKind,
    from: ClientStatus | null,
    to: ClientStatus,
    extra: { outcome?: CaseEventEntity['outcome']; note?: string | null; program?: string | null } = {},
  ): Promise<void> {
    await tx.getRepository(CaseEventEntity).insert({
      clientId,
      kind,
      fromStatus: from,
      toStatus: to,
      at: new Date(),
      actorId: actor.staffId,
      outcome: extra.outcome ?? null,
      note: extra.note ?? null,
      program: extra.program ?? null,
    });
  }

  private requireCaseRole(actor: Actor, doing: string, clientId?: string): void {
    if (mayHoldCaseload(actor)) return;
    this.deps.audit.note({
      action: clientId ? 'UPDATE' : 'CREATE',
      entityType: 'Client',
      entityId: clientId ?? null,
      clientId: clientId ?? null,
      outcome: 'DENIED',
      detail: `role ${actor.role}`,
    });
    throw forbidden(`Only case managers and supervisors may ${doing}`);
  }

  /** Who a client is assigned to: a case manager assigns to themselves; a supervisor to a case worker of the agency (or nobody). */
  private async assignee(actor: Actor, requested: string | null | undefined, field: string): Promise<string | null> {
    if (requested === null || requested === undefined) return actor.role === 'CASE_MANAGER' ? actor.staffId : null;
    uuid(field, requested);
    if (actor.role === 'CASE_MANAGER' && requested !== actor.staffId)
      throw forbidden('Only a supervisor may assign a client to someone else');
    const staff = await this.deps.dataSource.getRepository(StaffMemberEntity).findOneBy({ id: requested });
    if (!staff || staff.organizationId !== actor.organizationId || (staff.role !== 'CASE_MANAGER' && staff.role !== 'SUPERVISOR')) {
      throw badInput(field, 'must be a case manager or supervisor of your agency');
    }
    return staff.id;
  }

  /**
   * The answer to a change, read inside its transaction by the key of the row
   * it changed: if building it fails, the change rolls back, so a caller told
   * "error" can never find the change saved (and apply it twice on retry).
   */
  protected async answer(tx: EntityManager, id: string): Promise<Client> {
    const entity = await tx.getRepository(ClientEntity).findOneByOrFail({ id });
    this.deps.loaders.client.clear(id).prime(id, entity);
    return toClient(entity, CASE_ACCESS);
  }
}

/** A client row with its current case team's staff ids (a fact of the access rule). */
export type CaseClient = ClientEntity & { caseTeam: string[] };

/** The audit event of a refused change to a client's case; `detail` names the change or the reason. */
export function clientChangeDenied(clientId: string, detail: string): AuditEvent {
  return { action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, outcome: 'DENIED', detail };
}

/**
 * The client row under a write lock, inside a change's transaction: every
 * change to a client's case (its record, assessments, notes) takes it first,
 * so that changes to one case are serialised. NOT_FOUND when there is none.
 * It comes with its current case team, read under the same transaction.
 */
export async function lockClient(tx: EntityManager, clientId: string): Promise<CaseClient> {
  const client = await tx
    .getRepository(ClientEntity)
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.id = :id', { id: clientId })
    .getOne();
  if (!client) throw notFound('Client', clientId);
  return withCaseTeam(tx, client);
}

/** A plain update of the client row; TypeORM sets `updated_at` (the transaction's time, as `now()`). */
async function updateClient(tx: EntityManager, id: string, values: QueryDeepPartialEntity<ClientEntity>): Promise<void> {
  await tx.getRepository(ClientEntity).update({ id }, values);
}

/** The client's latest eligibility determination, if any. */
function latestEligibility(tx: EntityManager, clientId: string): Promise<EligibilityEntity | null> {
  return tx.getRepository(EligibilityEntity).findOne({ where: { clientId }, order: { determinedAt: 'DESC' } });
}
