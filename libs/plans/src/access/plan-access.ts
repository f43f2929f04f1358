import type DataLoader from 'dataloader';
import { type Actor, assertCaseOpen, type ClientGrant, isUuid } from '@caseflow/auth';
import type { AuditAction, AuditTrail } from '@caseflow/audit';
import { forbidden, notFound } from '@caseflow/core';
import { mayChangePlans, mayReadPlans } from './access.policy';

/**
 * Who may read and change plans, for one request. Plans are a client's
 * information of kind PLANS; whether the caller may read them, or change the
 * case, is the clients subgraph's decision (access.policy.ts reads it), fetched
 * through the request's grant loader (one HTTP round trip for all the clients the request touches).
 * A grant that cannot be fetched fails with UNAVAILABLE rather than showing
 * or changing anything.
 */
export class PlanAccess {
  private readonly noted = new Set<string>();

  constructor(
    private readonly grants: DataLoader<string, ClientGrant>,
    private readonly audit: AuditTrail,
  ) {}

  /** True when the caller may read the client's plans; false for unknown clients and ids that are not UUIDs. */
  async mayRead(clientId: string): Promise<boolean> {
    if (!isUuid(clientId)) return false;
    return mayReadPlans(await this.grants.load(clientId));
  }

  /**
   * The caller's grant on a client whose plans they are about to change:
   * NOT_FOUND when the client does not exist, FORBIDDEN (and an audited
   * denial) when the caller may not change the case — partners, analysts
   * and admins never may.
   */
  async assertMayWrite(
    actor: Actor,
    clientId: string,
    action: AuditAction,
    entityType: string,
    entityId: string | null,
  ): Promise<ClientGrant & { organizationId: string }> {
    const grant = await this.grants.load(clientId);
    if (!grant.exists) throw notFound('Client', clientId);
    if (!mayChangePlans(grant)) {
      this.audit.note({ action, entityType, entityId, clientId, outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden("You may not change this client's plans");
    }
    assertCaseOpen(grant);
    return grant;
  }

  /** Records an allowed read, once per request however many fields reach the same record. */
  noteRead(entityType: string, entityId: string, clientId: string): void {
    this.noteOnce('ALLOWED', entityType, entityId, clientId);
  }

  /** Records a refused read (entityId null when the caller asked for a client's plans as a whole). */
  noteDenied(entityType: string, entityId: string | null, clientId: string): void {
    this.noteOnce('DENIED', entityType, entityId, clientId);
  }

  private noteOnce(outcome: 'ALLOWED' | 'DENIED', entityType: string, entityId: string | null, clientId: string): void {
    const key = `${outcome}:${entityType}:${entityId ?? ''}:${clientId}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.audit.note({ action: 'READ', entityType, entityId, clientId: isUuid(clientId) ? clientId : null, outcome });
  }
}
