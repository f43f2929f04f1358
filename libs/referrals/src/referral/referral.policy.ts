/**
 * Who may see and send a referral, pure. Who may see it — deny by default:
 * - a partner: referrals that were SENT to its own organization (a draft
 *   has not passed the consent gate of sending, so the receiving agency must
 *   not learn of it); what the partner may see of the client itself is the
 *   clients subgraph's decision, under the client's consent;
 * - a case manager or supervisor: referrals of clients they have case access
 *   to, as the clients subgraph answers through the client-access mechanism
 *   (`grant.write`);
 * - analysts and admins: none (they read aggregates only).
 *
 * How much a partner sees of a referral it may see follows the client's
 * consent as the clients subgraph answers it on every request (so a revoked
 * or expired consent takes effect on the next one): the status, dates,
 * urgency and outcome always; the need, rationales, decline reason, goal and
 * history only under an ACTIVE consent to the partner covering
 * REFERRAL_DETAILS, or when a supervisor sent it without one (a recorded
 * override); the client reference only under an active consent of any scope.
 *
 * The consent gate of sending a referral (QUALITY.md): a referral goes to the
 * receiving organization only under an ACTIVE consent from the client to that
 * organization covering REFERRAL_DETAILS, unless a supervisor overrides the
 * missing consent with a reason (recorded in the history and the audit
 * trail). The client's active consents come from the clients subgraph with
 * the caller's grant, so a revoked or expired consent no longer counts.
 */
import type { Actor, ClientGrant } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';

/** How a caller's right to a referral is decided. */
export type VisibilityRule = 'receiving-organization' | 'case-access' | 'none';

export function visibilityRule(actor: Actor): VisibilityRule {
  switch (actor.role) {
    case 'PARTNER':
      return 'receiving-organization';
    case 'CASE_MANAGER':
    case 'SUPERVISOR':
      return 'case-access';
    default:
      return 'none';
  }
}

export interface ReferralFacts {
  organizationId: string;
  sentAt: Date | null;
}

/** True when a partner may see the referral: it was sent to the partner's organization. */
export function partnerSees(actor: Actor, referral: ReferralFacts): boolean {
  return actor.role === 'PARTNER' && referral.organizationId === actor.organizationId && referral.sentAt !== null;
}

/** True when the grant gives case access (reading REFERRAL_DETAILS alone is not enough on the case side). */
export function caseSideSees(grant: ClientGrant | null | undefined): boolean {
  return grant?.exists === true && grant.write === true;
}

/** How much of a referral the caller is shown (the case side sees all of it). */
export interface ReferralView {
  /** Need, rationales, decline reason, goal and history. */
  details: boolean;
  /** The reference to the client. */
  client: boolean;
}

export const FULL_VIEW: ReferralView = { details: true, client: true };

/** What a partner may see of a referral sent to it, from its grant on the client (null: none asked, nothing shown). */
export function partnerView(grant: ClientGrant | null | undefined, referral: { consentOverrideAt: Date | null }): ReferralView {
  const read = grant?.exists ? grant.read : [];
  return { details: read.includes('REFERRAL_DETAILS') || referral.consentOverrideAt !== null, client: read.length > 0 };
}

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
