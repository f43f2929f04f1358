import { consentStatus } from '../access/access.policy';
import type { ConsentEntity } from './consent.entity';
import type { Consent } from './consent.type';

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
