/**
 * The row statements of an edit, inside its transaction: lock a row (as
 * JSON, with its HSDS column names, which are also the metadata's field
 * names), insert, update and delete it, record its metadata, and who owns
 * it. Table and column names are code constants, never input.
 */
import type { EntityManager } from 'typeorm';
import { type Actor, clientLabel } from '@caseflow/auth';
import { type ActionType, asText, type FieldChange, type Row } from './changes';
import type { OwnerField, Ownership } from './owner.rules';

interface OwnershipRow {
  organization_id: string | null;
  service_id: string | null;
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
  const rows = await tx.query<OwnershipRow[]>(OWNERSHIP_SQL[kind], [id]);
  return rows[0] ? { organizationId: rows[0].organization_id, serviceId: rows[0].service_id } : null;
}

/** The row as JSON (dates and times as text, numbers as numbers), locked for the rest of the transaction. */
export async function lockRow(tx: EntityManager, table: string, id: string): Promise<Row | null> {
  const rows = await tx.query<Array<{ row: Row }>>(
    `SELECT to_jsonb(t) - 'search_vector' AS row FROM resources.${table} t WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0]?.row ?? null;
}

export async function insertRow(tx: EntityManager, table: string, values: Row): Promise<string> {
  const columns = Object.keys(values);
  const rows = await tx.query<Array<{ id: string }>>(
    `INSERT INTO resources.${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return rows[0].id;
}

export async function updateRow(tx: EntityManager, table: string, id: string, changes: FieldChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(`UPDATE resources.${table} SET ${changes.map((c, i) => `"${c.field}" = $${i + 2}`).join(', ')} WHERE id = $1`, [
    id,
    ...changes.map((c) => c.next),
  ]);
}

export async function deleteRow(tx: EntityManager, table: string, id: string): Promise<void> {
  await tx.query(`DELETE FROM resources.${table} WHERE id = $1`, [id]);
}

/** Writes one HSDS metadata row per change, in one statement. `updated_by` is the staff id of the caller, or `client <id>` for a machine client. */
export async function recordMetadata(
  tx: EntityManager,
  actor: Actor,
  resourceType: string,
  resourceId: string,
  action: ActionType,
  changes: FieldChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const values: unknown[] = [];
  const updatedBy = clientLabel(actor) ?? actor.staffId;
  const tuples = changes.map((change) => {
    values.push(resourceId, resourceType, action, change.field, asText(change.previous), asText(change.next), updatedBy, actor.staffId);
    const n = values.length;
    return `($${n - 7}, $${n - 6}, current_date, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  await tx.query(
    `INSERT INTO resources.metadata (resource_id, resource_type, last_action_date, last_action_type, field_name, previous_value, replacement_value, updated_by, actor_id)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}
