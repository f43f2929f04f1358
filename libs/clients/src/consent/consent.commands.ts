/**
 * Consents (releases of information): a client authorizes named kinds of
 * information to a recipient organization for a purpose, for a period
 * (default three months from signing), revocable at once. Status is computed
 * from the dates. The client-access mechanism reads the same rows, so a
 * revocation ends a partner's view on the next request.
 */
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, invalidTransition, notFound, optionalText, requiredText, uuid } from '@caseflow/core';
import { consentStatus, hasCaseAccess } from '../access/access.policy';
import { ClientEntity } from '../client/client.entity';
import { isDirectoryOrganization } from '../organization/organization.peers';
import { NAME_MAX, TEXT_MAX } from '../shared/validation';
import { withCaseTeam } from '../team/team.access';
import { ConsentEntity } from './consent.entity';
import { recordConsentEvent } from './consent.events';
import type { RecordConsentInput } from './consent.inputs';
import { toConsent } from './consent.mapper';
import { checkScope, checkTerm } from './consent.rules';
import type { Consent } from './consent.type';
import type { ClientsDeps } from '../deps';

export class ConsentCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async record(actor: Actor, input: RecordConsentInput): Promise<Consent> {
    uuid('input.clientId', input.clientId);
    uuid('input.recipientOrganizationId', input.recipientOrganizationId);
    const scope = checkScope(input.scope);
    const purpose = requiredText('input.purpose', input.purpose, { max: TEXT_MAX });
    const witness = optionalText('input.witness', input.witness, { max: NAME_MAX });
    const { signedAt, expiresAt } = checkTerm(input.signedAt, input.expiresAt);

    const found = await this.deps.dataSource.getRepository(ClientEntity).findOneBy({ id: input.clientId });
    const client = found && (await withCaseTeam(this.deps.dataSource, found));
    if (!client) throw notFound('Client', input.clientId);
    if (!hasCaseAccess(actor, client)) {
      this.deps.audit.note({ action: 'CREATE', entityType: 'Consent', clientId: client.id, outcome: 'DENIED' });
      throw forbidden('You may not record consents for this client');
    }
    await this.requireOrganization(input.recipientOrganizationId);

    const saved = await this.deps.dataSource.transaction(async (tx) => {
      const consent = await tx.getRepository(ConsentEntity).save(
        tx.getRepository(ConsentEntity).create({
          clientId: client.id,
          recipientOrganizationId: input.recipientOrganizationId,
          scope,
          purpose,
          signedAt,
          expiresAt,
          revokedAt: null,
          witness,
          recordedBy: actor.staffId,
        }),
      );
      await this.deps.audit.write(tx, {
        action: 'CREATE',
        entityType: 'Consent',
        entityId: consent.id,
        clientId: client.id,
        detail: scope.join(','),
      });
      await recordConsentEvent(tx, 'consent.recorded', {
        consentId: consent.id,
        clientId: client.id,
        organizationId: client.organizationId,
      });
      return consent;
    });
    return toConsent(saved);
  }

  async revoke(actor: Actor, consentId: string): Promise<Consent> {
    uuid('consentId', consentId);
    const revoked = await this.deps.dataSource.transaction(async (tx) => {
      const consent = await tx
        .getRepository(ConsentEntity)
        .createQueryBuilder('k')
        .setLock('pessimistic_write')
        .where('k.id = :id', { id: consentId })
        .getOne();
      if (!consent) throw notFound('Consent', consentId);
      const client = await withCaseTeam(tx, await tx.getRepository(ClientEntity).findOneByOrFail({ id: consent.clientId }));
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note({ action: 'UPDATE', entityType: 'Consent', entityId: consentId, clientId: client.id, outcome: 'DENIED' });
        throw forbidden("You may not change this client's consents");
      }
      const status = consentStatus(consent, new Date());
      if (status !== 'ACTIVE') throw invalidTransition(`The consent is already ${status.toLowerCase()}`, { from: status, to: 'REVOKED' });
      consent.revokedAt = new Date();
      await tx.getRepository(ConsentEntity).update({ id: consent.id }, { revokedAt: consent.revokedAt });
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'Consent',
        entityId: consent.id,
        clientId: client.id,
        detail: 'revoked',
      });
      await recordConsentEvent(tx, 'consent.revoked', {
        consentId: consent.id,
        clientId: client.id,
        organizationId: client.organizationId,
      });
      return consent;
    });
    this.deps.loaders.consentsByClient.clear(revoked.clientId);
    return toConsent(revoked);
  }

  /** The recipient must be an organization of the directory; the resources subgraph is asked (fails closed). */
  private async requireOrganization(id: string): Promise<void> {
    const field = 'input.recipientOrganizationId';
    if (
      !(await isDirectoryOrganization(this.deps.peers.directory, id, () =>
        badInput(field, 'cannot be checked: the directory is not configured'),
      ))
    )
      throw badInput(field, 'must be an organization of the directory');
  }
}
