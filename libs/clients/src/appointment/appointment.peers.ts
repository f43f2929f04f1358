import { callPeer } from '@caseflow/auth';
import { badInput } from '@caseflow/core';

export interface ReferralPeer {
  referralsUrl?: string;
  internalToken: string;
  requestId: string;
  timeoutMs?: number;
}

const OPEN = new Set(['ACCEPTED', 'IN_PROGRESS']);

/**
 * A PARTNER_VISIT names an accepted or in-progress referral of the same
 * client. The referrals subgraph is asked for the referral as the caller
 * (its own access rule applies: a referral the caller may not see is
 * refused like one that does not exist); it fails closed.
 */
export async function requireOpenReferral(peer: ReferralPeer, referralId: string, clientId: string): Promise<void> {
  if (!peer.referralsUrl) throw badInput('input.referralId', 'cannot be checked: the referrals service is not configured');
  const data = await callPeer<{ _entities: Array<{ id: string; status: string; client: { id: string } | null } | null> }>({
    baseUrl: peer.referralsUrl,
    internalToken: peer.internalToken,
    requestId: peer.requestId,
    timeoutMs: peer.timeoutMs,
    peerName: 'The referrals service',
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id status client { id } } } }',
    variables: { r: [{ __typename: 'Referral', id: referralId }] },
  });
  const referral = data._entities[0];
  if (!referral || referral.client?.id !== clientId) throw badInput('input.referralId', "must be a referral of the appointment's client");
  if (!OPEN.has(referral.status)) throw badInput('input.referralId', 'must be an accepted or in-progress referral');
}
