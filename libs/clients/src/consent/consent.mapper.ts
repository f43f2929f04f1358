import { pick } from '@caseflow/core';
import { consentStatus } from '../access/access.policy';
import type { ConsentEntity } from './consent.entity';
import type { Consent } from './consent.type';

export function toConsent(entity: ConsentEntity, now = new Date()): Consent {
  return {
    ...pick(entity, ['id', 'clientId', 'scope', 'purpose', 'signedAt', 'expiresAt', 'revokedAt', 'witness']),
    recipient: { id: entity.recipientOrganizationId },
    status: consentStatus(entity, now),
  };
}
