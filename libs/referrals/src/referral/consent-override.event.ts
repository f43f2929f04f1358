/**
 * `consent.override_used`: a supervisor sent a referral without a consent
 * covering it (the agency's supervisors are told). Recorded in the
 * transaction of the send, on the referral's aggregate so that it follows
 * the send in order; identifiers only, never the override's reason.
 */
import type { EntityManager } from 'typeorm';
import type { Actor, ClientGrant } from '@caseflow/auth';
import { recordEvents } from '@caseflow/events';

export async function recordConsentOverride(
  tx: EntityManager,
  referral: { id: string; clientId: string },
  actor: Actor,
  grant: ClientGrant | null,
): Promise<void> {
  // Only a supervisor of the client's agency may override, so the client's agency is theirs.
  const organizationId = grant?.organizationId ?? actor.organizationId;
  await recordEvents(tx, 'referrals', [
    {
      type: 'consent.override_used',
      aggregateType: 'Referral',
      aggregateId: referral.id,
      organizationId,
      payload: { clientId: referral.clientId, organizationId, referralId: referral.id, byStaffId: actor.staffId },
    },
  ]);
}
