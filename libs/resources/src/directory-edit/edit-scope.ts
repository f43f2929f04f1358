import type { DataSource, EntityManager } from 'typeorm';
import type { AuditTrail } from '@caseflow/audit';
import type { Actor } from '@caseflow/auth';
import { forbidden, notFound } from '@caseflow/core';
import { isReadOnlyClient, mayEditOrganization } from '../access/directory.policy';
import { ownershipOf } from './changes.sql';
import { OWNER_COLUMNS, type OwnerField, type Ownership } from './owner.rules';

/** The ownership of a phone or schedule row: through the first owner column it has. */
export async function ownershipOfRow(tx: EntityManager, row: Record<string, unknown>): Promise<Ownership> {
  for (const [field, { column }] of Object.entries(OWNER_COLUMNS) as Array<[OwnerField, (typeof OWNER_COLUMNS)[OwnerField]]>) {
    const id = row[column];
    if (typeof id === 'string') {
      const owner = await ownershipOf(tx, field, id);
      if (owner) return owner;
    }
  }
  if (typeof row.contact_id === 'string')
    return (await ownershipOf(tx, 'contact', row.contact_id)) ?? { organizationId: null, serviceId: null };
  return { organizationId: null, serviceId: null };
}

/** What every edit needs: the caller, the database, and the request's audit trail. */
export class EditScope {
  constructor(
    readonly dataSource: DataSource,
    readonly audit: AuditTrail,
  ) {}

  /** Refuses (FORBIDDEN, audited as a denial) unless the caller may edit this organization's entries. */
  assertMayEdit(actor: Actor, organizationId: string | null, entityType: string, entityId: string | null): void {
    if (mayEditOrganization(actor, organizationId)) return;
    this.audit.note({
      action: 'UPDATE',
      entityType,
      entityId,
      outcome: 'DENIED',
      detail: actor.client ? 'no directory:write' : actor.role === 'PARTNER' ? 'another organization' : `role ${actor.role}`,
    });
    if (isReadOnlyClient(actor)) throw forbidden('This client may only read the directory; editing needs the directory:write scope');
    throw forbidden(
      actor.role === 'PARTNER'
        ? "A partner may change only their own organization's directory entries"
        : 'Your role may not change the directory',
    );
  }

  /** Refuses roles that never edit before any input is looked at. */
  assertEditorRole(actor: Actor, entityType: string): void {
    if ((actor.role === 'PARTNER' || actor.role === 'ADMIN') && !isReadOnlyClient(actor)) return;
    this.assertMayEdit(actor, null, entityType, null);
  }

  /** The owner of a new phone or schedule, which must exist and be the caller's to edit. */
  async owner(tx: EntityManager, actor: Actor, field: OwnerField, id: string, entityType: string): Promise<Ownership> {
    const owner = await ownershipOf(tx, field, id);
    if (!owner) throw notFound(OWNER_COLUMNS[field].entity, id);
    this.assertMayEdit(actor, owner.organizationId, entityType, null);
    return owner;
  }
}
