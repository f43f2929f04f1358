/**
 * Changes to a client's case team: adding (or changing) a member and
 * removing one, by the assigned case manager or a supervisor of the agency.
 * Each checks the caller, validates, then changes the team under the
 * client's row lock with its audit event, in one transaction. Nothing is
 * deleted: a removal keeps the row with who removed it, when and why.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, localDay, requiredText, uuid } from '@caseflow/core';
import { mayHoldCaseload } from '../access/access.policy';
import { type CaseClient, lockClient } from '../client/client.commands';
import { ClientEntity } from '../client/client.entity';
import { toClient } from '../client/client.mapper';
import { CASE_ACCESS } from '../client/client.policy';
import type { Client } from '../client/client.type';
import { organizationTimeZones } from '../organization/time-zone';
import { TEXT_MAX } from '../shared/validation';
import { StaffMemberEntity } from '../staff/staff.entity';
import { CaseTeamMemberEntity } from './team.entity';
import type { AddCaseTeamMemberInput } from './team.inputs';
import { checkUntil, TEAM_STAFF_ROLES } from './team.rules';
import { openMembershipForUpdate } from './team.sql';
import type { ClientsDeps } from '../deps';

/** True when the caller may change the client's case team: its assigned case manager, or a supervisor of its agency. */
export function mayManageTeam(actor: Actor, client: Pick<CaseClient, 'organizationId' | 'assignedCaseManagerId'>): boolean {
  if (actor.role === 'SUPERVISOR') return client.organizationId === actor.organizationId;
  return actor.role === 'CASE_MANAGER' && client.assignedCaseManagerId === actor.staffId;
}

export class TeamCommands {
  constructor(private readonly deps: ClientsDeps) {}

  /** Adds the staff member to the team, or changes the role and `until` of a member already on it. */
  async addMember(actor: Actor, input: AddCaseTeamMemberInput): Promise<Client> {
    uuid('input.clientId', input.clientId);
    uuid('input.staffMemberId', input.staffMemberId);
    return this.change(actor, input.clientId, async (tx, client, today) => {
      const until = checkUntil('input.until', input.until, today);
      const staff = await tx.getRepository(StaffMemberEntity).findOneBy({ id: input.staffMemberId });
      if (!staff || !staff.active || staff.organizationId !== client.organizationId || !TEAM_STAFF_ROLES.includes(staff.role)) {
        throw badInput('input.staffMemberId', "must be an active case manager or supervisor of the client's agency");
      }
      if (staff.id === client.assignedCaseManagerId) throw badInput('input.staffMemberId', 'is the assigned case manager already');
      const [open] = await openMembershipForUpdate(tx, client.id, staff.id);
      const members = tx.getRepository(CaseTeamMemberEntity);
      if (open) {
        await members.update({ id: open.id }, { role: input.role, until });
      } else {
        await members.insert({
          clientId: client.id,
          staffMemberId: staff.id,
          role: input.role,
          until,
          addedAt: new Date(),
          addedBy: actor.staffId,
        });
      }
      const detail = `caseTeam: ${open ? 'changed' : 'added'} ${staff.id} as ${input.role}${until ? ` until ${until}` : ''}`;
      await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: client.id, clientId: client.id, detail });
    });
  }

  /** Ends the staff member's membership now (their access ends with it), keeping the row and the reason. */
  async removeMember(actor: Actor, clientId: string, staffMemberId: string, reason: string): Promise<Client> {
    uuid('clientId', clientId);
    uuid('staffMemberId', staffMemberId);
    const why = requiredText('reason', reason, { max: TEXT_MAX });
    return this.change(actor, clientId, async (tx, client) => {
      const [open] = await openMembershipForUpdate(tx, client.id, staffMemberId);
      if (!open) throw badInput('staffMemberId', "is not on this client's case team");
      await tx
        .getRepository(CaseTeamMemberEntity)
        .update({ id: open.id }, { removedAt: new Date(), removedBy: actor.staffId, removalReason: why });
      const detail = `caseTeam: removed ${staffMemberId}`;
      await this.deps.audit.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: client.id, clientId: client.id, detail });
    });
  }

  /**
   * Refuses roles without a caseload outright, then takes the client's row
   * lock (NOT_FOUND when there is none), checks the caller may change its team
   * (FORBIDDEN, audited), and applies `apply` with the agency's today.
   */
  private async change(
    actor: Actor,
    clientId: string,
    apply: (tx: EntityManager, client: CaseClient, today: string) => Promise<void>,
  ): Promise<Client> {
    const denied = () => {
      this.deps.audit.note({ action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, outcome: 'DENIED', detail: 'caseTeam' });
      return forbidden("Only the client's assigned case manager or a supervisor of the agency may change its case team");
    };
    if (!mayHoldCaseload(actor)) throw denied();
    return this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, clientId);
      if (!mayManageTeam(actor, client)) throw denied();
      const zones = await organizationTimeZones(tx, [client.organizationId]);
      await apply(tx, client, localDay(new Date(), zones.get(client.organizationId)));
      const entity = await tx.getRepository(ClientEntity).findOneByOrFail({ id: client.id });
      this.deps.loaders.client.clear(client.id).prime(client.id, entity);
      this.deps.loaders.caseTeam.clear(client.id);
      return toClient(entity, CASE_ACCESS);
    });
  }
}
