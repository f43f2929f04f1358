import { AppError } from '@caseflow/core';
import { decodeCursor, encodeCursor, pageSize } from './keyset';

function codeOf(fn: () => unknown): { code: string; field: unknown } | null {
  try {
    fn();
    return null;
  } catch (error) {
    const e = error as AppError;
    return { code: e.code, field: e.details.field };
  }
}

describe('pageSize', () => {
  it('uses the default when first is not given and accepts 0..100', () => {
    expect(pageSize(undefined, 25)).toBe(25);
    expect(pageSize(0, 25)).toBe(0);
    expect(pageSize(100, 25)).toBe(100);
  });

  it('refuses more than 100 and negative or fractional sizes, naming the argument', () => {
    expect(codeOf(() => pageSize(101, 25))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(codeOf(() => pageSize(-1, 25))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(codeOf(() => pageSize(2.5, 25, 'limit'))).toEqual({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});

describe('cursors', () => {
  it('round-trip the sort values of a row', () => {
    const cursor = encodeCursor(['smith jo', '6f1c2b1e-0000-4000-8000-000000000001']);
    expect(cursor).not.toContain('smith');
    expect(decodeCursor(cursor, 2)).toEqual(['smith jo', '6f1c2b1e-0000-4000-8000-000000000001']);
  });

  it('treat a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });

  it('refuse a cursor that is not ours or has the wrong shape', () => {
    expect(codeOf(() => decodeCursor('garbage!', 2))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(codeOf(() => decodeCursor(encodeCursor([1, 2, 3]), 2))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
