/**
 * Changes to a client's profile: the address, the household and the
 * demographics. Each is checked field by field before anything is written,
 * then made under the client's row lock by a caller with case access (the
 * one access rule), in one transaction with its audit events; the client
 * record's `updated_at` moves with it.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { forbidden, uuid } from '@caseflow/core';
import { hasCaseAccess, mayHoldCaseload } from '../access/access.policy';
import { clientChangeDenied, lockClient } from '../client/client.commands';
import { ClientEntity } from '../client/client.entity';
import { toClient } from '../client/client.mapper';
import { CASE_ACCESS } from '../client/client.policy';
import type { Client } from '../client/client.type';
import type { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from './profile.inputs';
import type { ProfileQueries } from './profile.queries';
import { checkAddress, checkDemographics, checkHousehold } from './profile.rules';
import { touchClient } from './profile.sql';
import { agencyDay, LATEST_DAY, writeAddress, writeDemographics, writeHousehold } from './profile.writes';
import type { ClientsDeps } from '../deps';

export class ProfileCommands {
  constructor(
    private readonly deps: ClientsDeps,
    private readonly reads: ProfileQueries,
  ) {}

  /** Sets the address (null clears it). */
  async setAddress(actor: Actor, clientId: string, input: ClientAddressInput | null | undefined): Promise<Client> {
    const address = input ? checkAddress(input) : null;
    return this.change(actor, clientId, 'address', (tx, client) => writeAddress(tx, this.deps.audit, client.id, address, actor.staffId));
  }

  /** Replaces the household: listed members with an id are updated, new ones added, the others removed (their rows kept). */
  async setHousehold(actor: Actor, clientId: string, members: readonly HouseholdMemberInput[]): Promise<Client> {
    // Shape and lengths first; the birth dates against the agency's day once the client (its agency) is known.
    checkHousehold(members, LATEST_DAY);
    return this.change(actor, clientId, 'household', async (tx, client) => {
      const wanted = checkHousehold(members, await agencyDay(tx, client.organizationId));
      return writeHousehold(tx, this.deps.audit, client.id, wanted, actor.staffId, 'members');
    });
  }

  /** Changes the given demographics fields; the others stay as they were. */
  async setDemographics(actor: Actor, clientId: string, input: DemographicsInput): Promise<Client> {
    const change = checkDemographics(input);
    return this.change(actor, clientId, 'demographics', (tx, client) =>
      writeDemographics(tx, this.deps.audit, client.id, change, actor.staffId),
    );
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
      this.deps.audit.note(clientChangeDenied(clientId, `role ${actor.role}`));
      throw forbidden('Only case managers and supervisors may change a case');
    }
    return this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, clientId);
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note(clientChangeDenied(clientId, what));
        throw forbidden("You may not change this client's case");
      }
      if (await apply(tx, client)) await touchClient(tx, client.id);
      const entity = await tx.getRepository(ClientEntity).findOneByOrFail({ id: client.id });
      this.deps.loaders.client.clear(client.id).prime(client.id, entity);
      this.reads.forget(client.id);
      return toClient(entity, CASE_ACCESS);
    });
  }
}
