/**
 * Who may see a referral — deny by default:
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
 */
import type { Actor, ClientGrant } from '@caseflow/auth';

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
