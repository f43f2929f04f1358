/**
 * Changes to a client's profile: the address, the household and the
 * demographics. Each is checked field by field before anything is written,
 * then made under the client's row lock by a caller with case access (the
 * one access rule), in one transaction with its audit events; the client
 * record's `updated_at` moves with it.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden, localDay, uuid } from '@caseflow/core';
import { hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import { lockClient } from '../client/client.commands';
import { ClientEntity } from '../client/client.entity';
import { toClient } from '../client/client.mapper';
import { CASE_ACCESS } from '../client/client.policy';
import type { Client } from '../client/client.type';
import type { ClientsLoaders } from '../loaders';
import { organizationTimeZones } from '../organization/time-zone';
import type { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from './profile.inputs';
import { checkAddress, checkDemographics, checkHousehold, type MemberValues } from './profile.rules';
import {
  clearAddress,
  householdsOf,
  insertMember,
  type MemberRow,
  removeMembers,
  saveAddress,
  saveDemographics,
  touchClient,
  updateMember,
} from './profile.sql';

export class ProfileCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ClientsLoaders,
    private readonly audit: AuditTrail,
  ) {}

  /** Sets the address (null clears it). */
  async setAddress(actor: Actor, clientId: string, input: ClientAddressInput | null | undefined): Promise<Client> {
    const address = input ? checkAddress(input) : null;
    return this.change(actor, clientId, 'address', async (tx, client) => {
      if (address) await saveAddress(tx, client.id, address, actor.staffId);
      else if (!(await clearAddress(tx, client.id, actor.staffId))) return false;
      await this.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'ClientAddress',
        entityId: client.id,
        clientId: client.id,
        detail: address ? 'set' : 'cleared',
      });
      return true;
    });
  }

  /** Replaces the household: listed members with an id are updated, new ones added, the others removed (their rows kept). */
  async setHousehold(actor: Actor, clientId: string, members: readonly HouseholdMemberInput[]): Promise<Client> {
    // Shape and lengths first; the birth dates against the agency's day once the client (its agency) is known.
    checkHousehold(members, '9999-12-31');
    return this.change(actor, clientId, 'household', async (tx, client) => {
      const zones = await organizationTimeZones(tx, [client.organizationId]);
      const wanted = checkHousehold(members, localDay(new Date(), zones.get(client.organizationId)));
      const current = new Map((await householdsOf(tx, [client.id])).map((row) => [row.id, row]));
      wanted.forEach((member, i) => {
        if (member.id !== null && !current.has(member.id)) throw badInput(`members[${i}].id`, 'is not a member of this household');
      });
      const kept = new Set(wanted.flatMap((member) => (member.id ? [member.id] : [])));
      const removed = [...current.keys()].filter((id) => !kept.has(id));
      await removeMembers(tx, removed, actor.staffId);
      let changes = removed.length;
      for (const [position, member] of wanted.entries()) {
        const event = { entityType: 'HouseholdMember', clientId: client.id };
        if (member.id === null) {
          const id = await insertMember(tx, client.id, position, member, actor.staffId);
          await this.audit.write(tx, { action: 'CREATE', ...event, entityId: id });
          changes += 1;
          continue;
        }
        const changed = differs(current.get(member.id) as MemberRow, member);
        await updateMember(tx, position, member, changed, actor.staffId);
        if (changed) {
          await this.audit.write(tx, { action: 'UPDATE', ...event, entityId: member.id });
          changes += 1;
        }
      }
      for (const id of removed) {
        await this.audit.write(tx, {
          action: 'UPDATE',
          entityType: 'HouseholdMember',
          entityId: id,
          clientId: client.id,
          detail: 'removed',
        });
      }
      return changes > 0;
    });
  }

  /** Changes the given demographics fields; the others stay as they were. */
  async setDemographics(actor: Actor, clientId: string, input: DemographicsInput): Promise<Client> {
    const change = checkDemographics(input);
    const fields = Object.keys(change);
    return this.change(actor, clientId, 'demographics', async (tx, client) => {
      if (fields.length === 0) return false;
      await saveDemographics(tx, client.id, change, actor.staffId);
      // The audit names the fields changed, never their values.
      await this.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'Demographics',
        entityId: client.id,
        clientId: client.id,
        detail: fields.sort().join(','),
      });
      return true;
    });
  }

  /**
   * Loads the client under its row lock and checks the caller may change the
   * case (FORBIDDEN and an audited denial otherwise, as every change to a
   * client), applies `apply`; when it changed something, the client record
   * is marked changed. Answers with the client as now stored.
   */
  private async change(
    actor: Actor,
    clientId: string,
    what: string,
    apply: (tx: EntityManager, client: ClientEntity) => Promise<boolean>,
  ): Promise<Client> {
    uuid('clientId', clientId);
    if (!mayHoldCaseload(actor)) {
      this.audit.note({
        action: 'UPDATE',
        entityType: 'Client',
        entityId: clientId,
        clientId,
        outcome: 'DENIED',
        detail: `role ${actor.role}`,
      });
      throw forbidden('Only case managers and supervisors may change a case');
    }
    return this.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, clientId);
      if (!hasCaseAccess(actor, client)) {
        this.audit.note({ action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, outcome: 'DENIED', detail: what });
        throw forbidden("You may not change this client's case");
      }
      if (await apply(tx, client)) await touchClient(tx, client.id);
      const entity = await tx.getRepository(ClientEntity).findOneByOrFail({ id: client.id });
      this.loaders.client.clear(client.id).prime(client.id, entity);
      return toClient(entity, CASE_ACCESS);
    });
  }
}

function differs(row: MemberRow, member: MemberValues): boolean {
  return (
    row.first_name !== member.firstName ||
    row.last_name !== member.lastName ||
    row.relationship !== member.relationship ||
    row.date_of_birth !== member.dateOfBirth ||
    row.dependent !== member.dependent
  );
}
