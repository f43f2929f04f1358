/**
 * Who a request is for, as the gateway's limits count it: a staff member (by
 * staff id), a machine client (by its OAuth client id), or an anonymous
 * reader of the public directory (no key: counted by address).
 */
import type { Actor } from '@caseflow/auth';

export type PrincipalKind = 'staff' | 'machine' | 'anonymous';

export interface Principal {
  kind: PrincipalKind;
  /** The staff id or the client id; null for an anonymous reader (the caller's address stands in for it). */
  key: string | null;
}

/** The principal of a verified caller (GatewayContext.actor, or the actor an HSDS request was authenticated as). */
export function principalOf(actor: Actor): Principal {
  if (!actor.client) return { kind: 'staff', key: actor.staffId };
  if (actor.client.kind === 'machine') return { kind: 'machine', key: actor.client.id };
  return { kind: 'anonymous', key: null };
}
