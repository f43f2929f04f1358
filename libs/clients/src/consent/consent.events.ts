/**
 * The domain events about consents, recorded in the transaction of the
 * change (see @caseflow/events): identifiers and dates only, never the
 * purpose, scope or witness.
 */
import type { EntityManager } from 'typeorm';
import { type NewDomainEvent, recordEvents } from '@caseflow/events';

export interface ConsentFacts {
  consentId: string;
  clientId: string;
  /** The client's agency. */
  organizationId: string;
}

function consentEvent<T extends 'consent.recorded' | 'consent.revoked'>(type: T, facts: ConsentFacts): NewDomainEvent<T> {
  return {
    type,
    aggregateType: 'Consent',
    aggregateId: facts.consentId,
    organizationId: facts.organizationId,
    payload: { consentId: facts.consentId, clientId: facts.clientId, organizationId: facts.organizationId },
  } as NewDomainEvent<T>;
}

export async function recordConsentEvent(
  tx: EntityManager,
  type: 'consent.recorded' | 'consent.revoked',
  facts: ConsentFacts,
): Promise<void> {
  await recordEvents(tx, 'clients', [consentEvent(type, facts)]);
}

/** `consent.expiring` for a consent expiring on `expiresOn` (the agency's local day), once per (consent, agency day `day`). */
export function consentExpiring(facts: ConsentFacts, expiresOn: string, day: string): NewDomainEvent<'consent.expiring'> {
  return {
    type: 'consent.expiring',
    aggregateType: 'Consent',
    aggregateId: facts.consentId,
    organizationId: facts.organizationId,
    payload: { consentId: facts.consentId, clientId: facts.clientId, organizationId: facts.organizationId, expiresOn },
    onceKey: `consent.expiring:${facts.consentId}:${day}`,
  };
}
