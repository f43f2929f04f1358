import type DataLoader from 'dataloader';
import { canRead, type ClientGrant, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';

/**
 * Who may read plans, for one request. Plans are a client's information of
 * kind PLANS; whether the caller may read them is the clients subgraph's
 * decision, fetched through the request's grant loader (one HTTP round trip
 * for all the clients the request touches). A grant that cannot be fetched
 * fails the read with UNAVAILABLE rather than showing anything.
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
    return canRead(await this.grants.load(clientId), 'PLANS');
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
