/**
 * Consents (releases of information): a client authorizes named kinds of
 * information to a recipient organization for a purpose, for a period
 * (default three months from signing), revocable at once. Status is computed
 * from the dates. The client-access mechanism reads the same rows, so a
 * revocation ends a partner's view on the next request.
 */
import type { DataSource } from 'typeorm';
import { type Actor, INFORMATION_KINDS, callPeer } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, forbidden, invalidTransition, notFound, optionalText, requiredText, uuid } from '@caseflow/core';
import { consentStatus, hasCaseAccess } from '../access/access.policy';
import { ClientEntity } from '../client/client.entity';
import type { Client } from '../client/client.type';
import type { ClientsLoaders } from '../loaders';
import { TEXT_MAX, NAME_MAX, addMonths, notInFuture } from '../shared/validation';
import { ConsentEntity } from './consent.entity';
import type { Consent, RecordConsentInput } from './consent.type';

export function toConsent(entity: ConsentEntity, now = new Date()): Consent {
  return {
    id: entity.id,
    clientId: entity.clientId,
    recipient: { id: entity.recipientOrganizationId },
    scope: entity.scope,
    purpose: entity.purpose,
    signedAt: entity.signedAt,
    expiresAt: entity.expiresAt,
    revokedAt: entity.revokedAt,
    witness: entity.witness,
    status: consentStatus(entity, now),
  };
}

export interface PeerContext {
  resourcesUrl?: string;
  internalToken: string;
  requestId: string;
  timeoutMs?: number;
}

export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ClientsLoaders,
    private readonly audit: AuditTrail,
    private readonly peer: PeerContext,
  ) {}

  async forClient(client: Client): Promise<Consent[]> {
    if (!client.access.caseRecord) throw forbidden("The client's consents are part of the case record");
    const rows = await this.loaders.consentsByClient.load(client.id);
    for (const row of rows) this.audit.note({ action: 'READ', entityType: 'Consent', entityId: row.id, clientId: client.id });
    return rows.sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime()).map((row) => toConsent(row));
  }

  async record(actor: Actor, input: RecordConsentInput): Promise<Consent> {
    uuid('input.clientId', input.clientId);
    uuid('input.recipientOrganizationId', input.recipientOrganizationId);
    if (input.scope.length === 0) throw badInput('input.scope', 'must name at least one kind of information');
    if (new Set(input.scope).size !== input.scope.length) throw badInput('input.scope', 'must not repeat a kind of information');
    const scope = INFORMATION_KINDS.filter((k) => input.scope.includes(k));
    const purpose = requiredText('input.purpose', input.purpose, { max: TEXT_MAX });
    const witness = optionalText('input.witness', input.witness, { max: NAME_MAX });
    const signedAt = notInFuture('input.signedAt', input.signedAt);
    const expiresAt = input.expiresAt ?? addMonths(signedAt, 3);
    if (expiresAt.getTime() <= signedAt.getTime()) throw badInput('input.expiresAt', 'must be after signedAt');
    if (expiresAt.getTime() > addMonths(signedAt, 60).getTime()) throw badInput('input.expiresAt', 'must be within five years of signedAt');

    const client = await this.dataSource.getRepository(ClientEntity).findOneBy({ id: input.clientId });
    if (!client) throw notFound('Client', input.clientId);
    if (!hasCaseAccess(actor, client)) {
      this.audit.note({ action: 'CREATE', entityType: 'Consent', clientId: client.id, outcome: 'DENIED' });
      throw forbidden('You may not record consents for this client');
    }
    await this.requireOrganization(input.recipientOrganizationId);

    const saved = await this.dataSource.transaction(async (tx) => {
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
      await this.audit.write(tx, {
        action: 'CREATE',
        entityType: 'Consent',
        entityId: consent.id,
        clientId: client.id,
        detail: scope.join(','),
      });
      return consent;
    });
    return toConsent(saved);
  }

  async revoke(actor: Actor, consentId: string): Promise<Consent> {
    uuid('consentId', consentId);
    const revoked = await this.dataSource.transaction(async (tx) => {
      const consent = await tx
        .getRepository(ConsentEntity)
        .createQueryBuilder('k')
        .setLock('pessimistic_write')
        .where('k.id = :id', { id: consentId })
        .getOne();
      if (!consent) throw notFound('Consent', consentId);
      const client = await tx.getRepository(ClientEntity).findOneByOrFail({ id: consent.clientId });
      if (!hasCaseAccess(actor, client)) {
        this.audit.note({ action: 'UPDATE', entityType: 'Consent', entityId: consentId, clientId: client.id, outcome: 'DENIED' });
        throw forbidden("You may not change this client's consents");
      }
      const status = consentStatus(consent, new Date());
      if (status !== 'ACTIVE') throw invalidTransition(`The consent is already ${status.toLowerCase()}`, { from: status, to: 'REVOKED' });
      consent.revokedAt = new Date();
      await tx.query('UPDATE clients.consent SET revoked_at = $2 WHERE id = $1', [consent.id, consent.revokedAt]);
      await this.audit.write(tx, { action: 'UPDATE', entityType: 'Consent', entityId: consent.id, clientId: client.id, detail: 'revoked' });
      return consent;
    });
    this.loaders.consentsByClient.clear(revoked.clientId);
    return toConsent(revoked);
  }

  /** The recipient must be an organization of the directory; the resources subgraph is asked (fails closed). */
  private async requireOrganization(id: string): Promise<void> {
    if (!this.peer.resourcesUrl) throw badInput('input.recipientOrganizationId', 'cannot be checked: the directory is not configured');
    const data = await callPeer<{ _entities: Array<{ id: string } | null> }>({
      baseUrl: this.peer.resourcesUrl,
      internalToken: this.peer.internalToken,
      requestId: this.peer.requestId,
      timeoutMs: this.peer.timeoutMs,
      peerName: 'The directory',
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id } } }',
      variables: { r: [{ __typename: 'Organization', id }] },
    });
    if (!data._entities[0]) throw badInput('input.recipientOrganizationId', 'must be an organization of the directory');
  }
}
