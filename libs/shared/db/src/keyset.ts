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

/** Decodes a cursor made by `encodeCursor` with `arity` values, or BAD_USER_INPUT naming the argument. */
export function decodeCursor(cursor: string | null | undefined, arity: number, field = 'after'): unknown[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw badInput(field, 'is not a cursor this list issued');
}
