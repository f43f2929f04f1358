import type { DataSource, EntityManager } from 'typeorm';
import type { AuditTrail } from '@caseflow/audit';
import type { Actor } from '@caseflow/auth';
import { forbidden, notFound } from '@caseflow/core';
import { mayEditOrganization } from '../access/directory.policy';

/** The tables a phone or a schedule can hang off, by the input field naming them. */
export const OWNER_COLUMNS = {
  organizationId: { column: 'organization_id', table: 'organization', entity: 'Organization' },
  serviceId: { column: 'service_id', table: 'service', entity: 'Service' },
  locationId: { column: 'location_id', table: 'location', entity: 'Location' },
  serviceAtLocationId: { column: 'service_at_location_id', table: 'service_at_location', entity: 'ServiceAtLocation' },
} as const;
export type OwnerField = keyof typeof OWNER_COLUMNS;

/** Whose entry a row is: its organization, and the service whose `last_modified` a change bumps. */
export interface Ownership {
  organizationId: string | null;
  serviceId: string | null;
}

const OWNERSHIP_SQL: Record<OwnerField | 'contact', string> = {
  organizationId: 'SELECT id AS organization_id, NULL::uuid AS service_id FROM resources.organization WHERE id = $1',
  serviceId: 'SELECT organization_id, id AS service_id FROM resources.service WHERE id = $1',
  locationId: 'SELECT organization_id, NULL::uuid AS service_id FROM resources.location WHERE id = $1',
  serviceAtLocationId: `SELECT s.organization_id, s.id AS service_id FROM resources.service_at_location sal
    JOIN resources.service s ON s.id = sal.service_id WHERE sal.id = $1`,
  contact: 'SELECT organization_id, service_id FROM resources.contact WHERE id = $1',
};

/** The ownership of the row `id` of the owner kind, or null when there is no such row. */
export async function ownershipOf(tx: EntityManager, kind: OwnerField | 'contact', id: string): Promise<Ownership | null> {
  const rows: Array<{ organization_id: string | null; service_id: string | null }> = await tx.query(OWNERSHIP_SQL[kind], [id]);
  return rows[0] ? { organizationId: rows[0].organization_id, serviceId: rows[0].service_id } : null;
}

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
      detail: actor.role === 'PARTNER' ? 'another organization' : `role ${actor.role}`,
    });
    throw forbidden(
      actor.role === 'PARTNER'
        ? "A partner may change only their own organization's directory entries"
        : 'Your role may not change the directory',
    );
  }

  /** Refuses roles that never edit before any input is looked at. */
  assertEditorRole(actor: Actor, entityType: string): void {
    if (actor.role === 'PARTNER' || actor.role === 'ADMIN') return;
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
