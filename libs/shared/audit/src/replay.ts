import { conflict, forbidden } from '@caseflow/core';
import type { AuditTrail } from './audit';

/** What a create made, as its audit events name it. */
export interface ReplayedEntity {
  entityType: string;
  entityId: string;
  clientId: string;
}

/**
 * A retried create (the same `clientMutationId`) answers with what the first
 * request made, checked and audited like a read: with another input the key
 * is being reused for another request (CONFLICT naming
 * `input.clientMutationId`, nothing returned); a caller who may not see it
 * now (the case may have been reassigned since) is FORBIDDEN with `refusal`.
 * A stored fingerprint of null (a key kept before fingerprints) matches any input.
 */
export async function checkReplay(
  audit: AuditTrail,
  entity: ReplayedEntity,
  fingerprints: { stored: string | null; given: string | null },
  mayRead: () => boolean | Promise<boolean>,
  refusal: string,
): Promise<void> {
  if (fingerprints.stored !== null && fingerprints.stored !== fingerprints.given) {
    audit.note({ action: 'CREATE', ...entity, outcome: 'DENIED', detail: 'clientMutationId reused with another input' });
    throw conflict('This clientMutationId was used for a different input; send a new clientMutationId', {
      field: 'input.clientMutationId',
    });
  }
  if (!(await mayRead())) {
    audit.note({ action: 'READ', ...entity, outcome: 'DENIED', detail: 'idempotent retry' });
    throw forbidden(refusal);
  }
  audit.note({ action: 'READ', ...entity, detail: 'idempotent retry' });
}
