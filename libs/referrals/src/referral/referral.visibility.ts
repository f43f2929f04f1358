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
