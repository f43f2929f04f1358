/**
 * A supervisor's caseload transfer: clients of one case manager of the
 * agency move to another in one transaction, all or nothing. Every client
 * is reassigned as `assignCaseManager` does (case event, `client.assigned`,
 * audit, priority), and one `caseload.transferred` tells the new case
 * manager once of all of them.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, requiredText, uuid } from '@caseflow/core';
import { anyOf } from '@caseflow/db';
import { recordEvents } from '@caseflow/events';
import { recomputePriorities } from '../caseload/priority.store';
import { CaseEventEntity, ClientEntity } from '../client/client.entity';
import { recordAssignment } from '../client/client.events';
import { toClient } from '../client/client.mapper';
import { CASE_ACCESS } from '../client/client.policy';
import { TEXT_MAX } from '../shared/validation';
import { StaffMemberEntity } from '../staff/staff.entity';
import type { TransferCaseloadInput } from './team.inputs';
import { endMembershipsOf, lockClientsForTransfer, lockOpenCaseload, type TransferRow } from './team.sql';
import type { CaseloadTransfer } from './team.type';
import type { ClientsDeps } from '../deps';

/** At most this many clients named in one transfer (a whole caseload is moved by omitting the list). */
export const TRANSFER_MAX_IDS = 500;

export class TransferCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async transferCaseload(actor: Actor, input: TransferCaseloadInput): Promise<CaseloadTransfer> {
    if (actor.role !== 'SUPERVISOR') {
      this.deps.audit.note({ action: 'UPDATE', entityType: 'Client', outcome: 'DENIED', detail: 'transferCaseload' });
      throw forbidden('Only a supervisor may transfer a caseload');
    }
    const from = uuid('input.fromStaffMemberId', input.fromStaffMemberId).toLowerCase();
    const to = uuid('input.toStaffMemberId', input.toStaffMemberId).toLowerCase();
    if (from === to) throw badInput('input.toStaffMemberId', 'must differ from input.fromStaffMemberId');
    const reason = requiredText('input.reason', input.reason, { max: TEXT_MAX });
    const named = input.clientIds ?? null;
    if (named) checkNamedIds(named);
    await this.requireCaseManager(actor, from, 'input.fromStaffMemberId', false);
    await this.requireCaseManager(actor, to, 'input.toStaffMemberId', true);

    return this.deps.dataSource.transaction(async (tx) => {
      const rows = named ? await this.lockNamed(tx, actor, from, named) : await lockOpenCaseload(tx, from, actor.organizationId);
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return { movedCount: 0, clients: [] };
      const transferId = randomUUID();
      await tx.getRepository(ClientEntity).update({ id: anyOf(ids) }, { assignedCaseManagerId: to });
      await endMembershipsOf(tx, ids, to, actor.staffId);
      const at = new Date();
      await tx.getRepository(CaseEventEntity).insert(
        rows.map((r) => ({
          clientId: r.id,
          kind: 'REASSIGNED' as const,
          fromStatus: r.status,
          toStatus: r.status,
          at,
          actorId: actor.staffId,
          note: reason,
        })),
      );
      for (const r of rows) {
        const client = { id: r.id, organizationId: r.organization_id };
        await recordAssignment(tx, client, { caseManagerId: to, previousCaseManagerId: from, byStaffId: actor.staffId, transferId });
        const detail = `assignedCaseManager: caseload transfer ${transferId}`;
        await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: r.id, clientId: r.id, detail });
      }
      await recordEvents(tx, 'clients', [
        {
          type: 'caseload.transferred',
          aggregateType: 'CaseloadTransfer',
          aggregateId: transferId,
          organizationId: actor.organizationId,
          payload: {
            transferId,
            organizationId: actor.organizationId,
            fromStaffMemberId: from,
            toStaffMemberId: to,
            clientIds: ids,
            byStaffId: actor.staffId,
          },
        },
      ]);
      await recomputePriorities(tx, ids);
      const entities = await tx.getRepository(ClientEntity).findBy({ id: anyOf(ids) });
      const byId = new Map(entities.map((e) => [e.id, e]));
      const clients = ids.map((id) => byId.get(id) as ClientEntity);
      for (const entity of clients) this.deps.loaders.client.clear(entity.id).prime(entity.id, entity);
      return { movedCount: clients.length, clients: clients.map((e) => toClient(e, CASE_ACCESS)) };
    });
  }

  /** A case manager of the caller's agency (active, for the one who receives). */
  private async requireCaseManager(actor: Actor, id: string, field: string, mustBeActive: boolean): Promise<void> {
    const staff = await this.deps.dataSource.getRepository(StaffMemberEntity).findOneBy({ id });
    const ok = staff && staff.organizationId === actor.organizationId && staff.role === 'CASE_MANAGER' && (staff.active || !mustBeActive);
    if (!ok) throw badInput(field, `must be ${mustBeActive ? 'an active' : 'a'} case manager of your agency`);
  }

  /** The named clients under row locks; each must be an open client of `from` in the agency, else nothing moves. */
  private async lockNamed(tx: EntityManager, actor: Actor, from: string, named: string[]): Promise<TransferRow[]> {
    const rows = await lockClientsForTransfer(tx, named);
    const byId = new Map(rows.map((r) => [r.id, r]));
    named.forEach((id, i) => {
      const row = byId.get(id.toLowerCase());
      const open = row && row.organization_id === actor.organizationId && row.assigned_case_manager_id === from && row.status !== 'CLOSED';
      if (!open) throw badInput(`input.clientIds[${i}]`, 'must be an open client of input.fromStaffMemberId in your agency');
    });
    return named.map((id) => byId.get(id.toLowerCase()) as TransferRow);
  }
}

function checkNamedIds(named: string[]): void {
  if (named.length === 0) throw badInput('input.clientIds', 'must name at least one client (omit it to move the whole caseload)');
  if (named.length > TRANSFER_MAX_IDS) throw badInput('input.clientIds', `must name at most ${TRANSFER_MAX_IDS} clients`);
  const seen = new Set<string>();
  named.forEach((id, i) => {
    uuid(`input.clientIds[${i}]`, id);
    if (seen.has(id.toLowerCase())) throw badInput(`input.clientIds[${i}]`, 'is listed twice');
    seen.add(id.toLowerCase());
  });
}
