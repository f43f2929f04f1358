/**
 * Who may see and change a client's record — the role table of the quality
 * requirements, in one pure function:
 * - the assigned case manager: everything, and may change the case;
 * - a current member of the client's case team: the same as the assigned
 *   case manager (team/team.sql.ts says who is current);
 * - a supervisor: everything for every client of their own agency;
 * - a partner: only the kinds of information an ACTIVE consent from the
 *   client to the partner's organization covers, read-only;
 * - analysts and admins: no client record at all.
 * Anything not granted here is denied.
 */
import { type Actor, type ClientGrant, INFORMATION_KINDS, type InformationKind, noGrant } from '@caseflow/auth';

export interface ClientFacts {
  id: string;
  organizationId: string;
  assignedCaseManagerId: string | null;
  /** Staff ids of the client's current case team (not removed, `until` not passed in the agency's time zone). */
  caseTeam: readonly string[];
  status?: 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';
}

export interface ConsentFacts {
  clientId: string;
  recipientOrganizationId: string;
  scope: InformationKind[];
  signedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type ConsentStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** A consent's status, computed from its dates at `now`. */
export function consentStatus(consent: Pick<ConsentFacts, 'signedAt' | 'expiresAt' | 'revokedAt'>, now: Date): ConsentStatus {
  if (consent.revokedAt && consent.revokedAt.getTime() <= now.getTime()) return 'REVOKED';
  if (consent.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/** True when the caller has the whole record and may change the case. */
export function hasCaseAccess(actor: Actor, client: ClientFacts): boolean {
  if (actor.role === 'SUPERVISOR') return client.organizationId === actor.organizationId;
  if (actor.role !== 'CASE_MANAGER') return false;
  if (client.assignedCaseManagerId === actor.staffId) return true;
  return client.organizationId === actor.organizationId && client.caseTeam.includes(actor.staffId);
}

/** Decides the caller's grant on one client from the client's facts and its consents. */
export function decideGrant(actor: Actor, clientId: string, client: ClientFacts | null, consents: ConsentFacts[], now: Date): ClientGrant {
  if (!client) return noGrant(clientId);
  const active = consents.filter((c) => c.clientId === client.id && consentStatus(c, now) === 'ACTIVE');
  if (hasCaseAccess(actor, client)) {
    return {
      clientId,
      exists: true,
      organizationId: client.organizationId,
      read: [...INFORMATION_KINDS],
      write: true,
      status: client.status ?? null,
      consents: active.map((c) => ({
        recipientOrganizationId: c.recipientOrganizationId,
        scope: c.scope,
        expiresAt: c.expiresAt.toISOString(),
      })),
    };
  }
  if (actor.role === 'PARTNER') {
    const kinds = new Set(active.filter((c) => c.recipientOrganizationId === actor.organizationId).flatMap((c) => c.scope));
    if (kinds.size > 0) {
      return {
        clientId,
        exists: true,
        organizationId: client.organizationId,
        read: INFORMATION_KINDS.filter((k) => kinds.has(k)),
        write: false,
        consents: [],
      };
    }
  }
  return noGrant(clientId, true);
}

/** True when the caller's role may ever read client records (used to refuse searches outright). */
export function mayHoldCaseload(actor: Actor): boolean {
  return actor.role === 'CASE_MANAGER' || actor.role === 'SUPERVISOR';
}
