/**
 * What the subgraphs' stand-ins for the clients subgraph answer, so that a
 * domain's tests run against the same role table as the real access rule
 * (libs/clients/src/access/access.policy.ts) without starting it: the
 * client's case manager and the supervisors of its agency read everything
 * and write; a partner reads the kinds its consent covers; anyone else
 * learns only that the client exists.
 */
import { type Actor, type ClientGrant, INFORMATION_KINDS, type InformationKind, noGrant } from '@caseflow/auth';
import type { DemoClient } from '@caseflow/demo';

/** The grant `actor` holds on `clientId` (`client` as the demo world has it, if at all); `partnerKinds`: what a partner's consent covers. */
export function demoClientGrant(
  actor: Actor,
  clientId: string,
  client: DemoClient | undefined,
  partnerKinds: readonly InformationKind[] = [],
): ClientGrant {
  if (!client) return noGrant(clientId);
  const caseAccess =
    (actor.role === 'CASE_MANAGER' && client.caseManagerId === actor.staffId) ||
    (actor.role === 'SUPERVISOR' && client.organizationId === actor.organizationId);
  const grant = { clientId, exists: true, organizationId: client.organizationId, consents: [] };
  if (caseAccess) return { ...grant, read: [...INFORMATION_KINDS], write: true };
  const kinds = actor.role === 'PARTNER' ? INFORMATION_KINDS.filter((k) => partnerKinds.includes(k)) : [];
  return kinds.length > 0 ? { ...grant, read: kinds, write: false } : noGrant(clientId, true);
}

/** An audit row as a domain's tests read it from its audit table. */
export interface AuditRow {
  action: string;
  outcome: string;
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
  actor_id: string;
  detail: string | null;
}
