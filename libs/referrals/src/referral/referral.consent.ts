/**
 * The consent gate of sending a referral (QUALITY.md): a referral goes to the
 * receiving organization only under an ACTIVE consent from the client to that
 * organization covering REFERRAL_DETAILS, unless a supervisor overrides the
 * missing consent with a reason (recorded in the history and the audit
 * trail). The client's active consents come from the clients subgraph with
 * the caller's grant, so a revoked or expired consent no longer counts.
 */
import type { Actor, ClientGrant } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';

/** True when an active consent from the client to `organizationId` covers REFERRAL_DETAILS at `now`. */
export function hasReferralConsent(grant: ClientGrant, organizationId: string, now: Date): boolean {
  return grant.consents.some(
    (c) => c.recipientOrganizationId === organizationId && c.scope.includes('REFERRAL_DETAILS') && Date.parse(c.expiresAt) > now.getTime(),
  );
}

/** How a send is cleared: by a consent, or by a supervisor's override with its reason. */
export type SendClearance = { by: 'consent' } | { by: 'override'; reason: string };

/**
 * Decides whether the caller may send now. An override reason from anyone
 * but a supervisor is refused outright; a supervisor's reason is used only
 * when no consent covers the send (a consent makes the override moot).
 */
export function clearToSend(
  actor: Actor,
  grant: ClientGrant,
  organizationId: string,
  overrideReason: string | null,
  now: Date,
): SendClearance {
  if (overrideReason !== null && actor.role !== 'SUPERVISOR') throw forbidden('Only a supervisor may override a missing consent');
  if (hasReferralConsent(grant, organizationId, now)) return { by: 'consent' };
  if (overrideReason !== null) return { by: 'override', reason: overrideReason };
  throw forbidden(
    'The client has no active consent to the receiving organization covering REFERRAL_DETAILS; record one, or ask a supervisor to override with a reason',
  );
}
