import { canRead, type ClientGrant } from '@caseflow/auth';

/**
 * What a client's grant (the clients subgraph's answer for the caller) allows
 * with the client's plans and prioritizing grids. Plans are information of
 * kind PLANS: whoever the grant lets read PLANS reads them (a partner only
 * under a consent covering PLANS). Changing them is changing the case: only
 * a grant with write access and the client's agency (partners, analysts and
 * admins never have it).
 */
export function mayReadPlans(grant: ClientGrant): boolean {
  return canRead(grant, 'PLANS');
}

export function mayChangePlans(grant: ClientGrant): grant is ClientGrant & { organizationId: string } {
  return grant.write && !!grant.organizationId;
}
