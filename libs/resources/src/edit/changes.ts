/**
 * Row changes inside an edit's transaction, each recorded in HSDS `metadata`
 * (one row per changed field: previous value, new value, who, when). Table
 * and column names here are code constants, never input.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';

export type Row = Record<string, unknown>;
export type ActionType = 'create' | 'update' | 'delete';

export interface FieldChange {
  field: string;
  previous: unknown;
  next: unknown;
}

/** How a value is written in metadata (and compared): '' for none. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The fields of `next` whose value differs from `current` (missing keys of `next` are not changes). */
export function changedFields(current: Row, next: Row): FieldChange[] {
  return Object.entries(next)
    .filter(([field, value]) => value !== undefined && asText(value) !== asText(current[field]))
    .map(([field, value]) => ({ field, previous: current[field] ?? null, next: value }));
}

/** The row as JSON (dates and times as text, numbers as numbers), locked for the rest of the transaction. */
export async function lockRow(tx: EntityManager, table: string, id: string): Promise<Row | null> {
  const rows: Array<{ row: Row }> = await tx.query(
    `SELECT to_jsonb(t) - 'search_vector' AS row FROM resources.${table} t WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0]?.row ?? null;
}

export async function insertRow(tx: EntityManager, table: string, values: Row): Promise<string> {
  const columns = Object.keys(values);
  const rows: Array<{ id: string }> = await tx.query(
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

/** Writes one HSDS metadata row per change, in one statement. `updated_by` is the staff id of the caller. */
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
  const tuples = changes.map((change) => {
    values.push(resourceId, resourceType, action, change.field, asText(change.previous), asText(change.next), actor.staffId, actor.staffId);
    const n = values.length;
    return `($${n - 7}, $${n - 6}, current_date, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  await tx.query(
    `INSERT INTO resources.metadata (resource_id, resource_type, last_action_date, last_action_type, field_name, previous_value, replacement_value, updated_by, actor_id)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

/** Every field of a new row as a change from nothing. */
export function creationChanges(values: Row): FieldChange[] {
  return Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([field, value]) => ({ field, previous: null, next: value }));
}

/** Every field of a removed row as a change to nothing. */
export function deletionChanges(row: Row): FieldChange[] {
  return Object.entries(row)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([field, value]) => ({ field, previous: value, next: null }));
}

/** A service changed when anything under it changed (HSDS `last_modified`). */
export async function touchService(tx: EntityManager, serviceId: string): Promise<void> {
  await tx.query('UPDATE resources.service SET last_modified = now() WHERE id = $1', [serviceId]);
}
