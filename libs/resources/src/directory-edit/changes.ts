/**
 * What an edit changes, field by field: the HSDS `metadata` rows it writes
 * (one per changed field: previous value, new value) are built from these.
 * Pure; the statements that lock, write and record rows are in
 * `changes.sql.ts`.
 */

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
