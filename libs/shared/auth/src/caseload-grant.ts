/**
 * A case manager's open caseload as the clients subgraph saw it for a
 * supervisor's `teamCaseloads`: the agency, the case manager and the ids of
 * their open clients, signed into `CaseloadSummary.caseloadGrant`
 * (inaccessible) for this caller and this request only (grant-token.ts).
 * Plans and referrals count their part over exactly those clients, without
 * asking the clients subgraph who is assigned to whom.
 */
import { GRANT_TOKEN_TTL_SECONDS, type GrantBinding, signBoundToken, verifyBoundToken } from './grant-token';
import { isUuid } from '@caseflow/core';

const VERSION = 'cl2';
/** A caseload of several thousand clients still fits; anything longer is refused unread. */
const MAX_TOKEN_LENGTH = 400_000;

export interface CaseloadGrant {
  staffMemberId: string;
  organizationId: string;
  clientIds: string[];
}

export function signCaseloadGrant(
  grant: CaseloadGrant,
  binding: GrantBinding,
  secret: string,
  ttlSeconds = GRANT_TOKEN_TTL_SECONDS,
): string {
  return signBoundToken(VERSION, { s: grant.staffMemberId, o: grant.organizationId, c: grant.clientIds }, binding, secret, ttlSeconds);
}

/** The caseload a token carries when it verifies for this caller, this request and this staff member; otherwise null. Never throws. */
export function verifyCaseloadGrant(
  token: unknown,
  binding: GrantBinding & { staffMemberId: string },
  secret: string,
): CaseloadGrant | null {
  const data = verifyBoundToken(VERSION, token, binding, secret, MAX_TOKEN_LENGTH) as { s?: unknown; o?: unknown; c?: unknown } | null;
  if (!data || typeof data !== 'object') return null;
  const { s, o, c } = data;
  if (s !== binding.staffMemberId || typeof o !== 'string' || !Array.isArray(c) || !c.every((id) => typeof id === 'string' && isUuid(id)))
    return null;
  return { staffMemberId: s, organizationId: o, clientIds: c as string[] };
}
