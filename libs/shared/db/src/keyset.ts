import { badInput } from '@caseflow/core';

/** Largest page any connection serves; larger requests are refused, not clamped. */
export const MAX_PAGE_SIZE = 100;

/** Validates a `first` argument: 0..100, or BAD_USER_INPUT naming the argument. */
export function pageSize(first: number | null | undefined, fallback: number, field = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw badInput(field, 'must be a whole number of 0 or more');
  if (n > MAX_PAGE_SIZE) throw badInput(field, `must be at most ${MAX_PAGE_SIZE}`);
  return n;
}

/** An opaque cursor for a keyset position (the sort values of the last row seen). */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** What one sort value of a cursor must be: a cursor's values go into SQL, so each is checked against its column's type. */
export type CursorPart = 'uuid' | 'timestamp' | 'text' | 'number' | 'integer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && value.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
    case 'text':
      return typeof value === 'string' && value.length <= 1_000 && !value.includes('\0');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return (
        (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && /^\d{1,18}$/.test(value))
      );
  }
}

/**
 * Decodes a cursor made by `encodeCursor` whose values have the types of
 * `shape`, or BAD_USER_INPUT naming the argument. A forged cursor (not ours,
 * the wrong length, a value of the wrong type) is refused here, before any
 * SQL: it never becomes a database error, and its value is never echoed.
 */
export function decodeCursor(cursor: string | null | undefined, shape: readonly CursorPart[], field = 'after'): unknown[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  let values: unknown = null;
  try {
    if (cursor.length <= 4_000) values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (Array.isArray(values) && values.length === shape.length && shape.every((part, i) => fits(part, values[i]))) return values;
  throw badInput(field, 'is not a cursor this list issued');
}
