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

const UUID = '6f1c2b1e-0000-4000-8000-000000000001';

describe('cursors', () => {
  it('round-trip the sort values of a row', () => {
    const cursor = encodeCursor(['smith jo', '6f1c2b1e-0000-4000-8000-000000000001']);
    expect(cursor).not.toContain('smith');
    expect(decodeCursor(cursor, ['text', 'uuid'])).toEqual(['smith jo', '6f1c2b1e-0000-4000-8000-000000000001']);
  });

  it('treat a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, ['text', 'uuid'])).toBeNull();
    expect(decodeCursor('', ['text', 'uuid'])).toBeNull();
  });

  it('refuse a cursor that is not ours or has the wrong shape', () => {
    expect(codeOf(() => decodeCursor('garbage!', ['text', 'uuid']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(codeOf(() => decodeCursor('garbage', ['text', 'uuid']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(codeOf(() => decodeCursor(encodeCursor([1, 2, 3]), ['number', 'number']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    ['a timestamp that is not one', ['+44 7700 900123', UUID], ['timestamp', 'uuid']],
    ['an id that is not a UUID', ['2026-01-01T00:00:00.000Z', '+44 7700 900123'], ['timestamp', 'uuid']],
    ['a number given as text', ['12', UUID], ['number', 'uuid']],
    ['an integer that is not one', ['2026-01-01T00:00:00.000Z', 'clients', '1; drop'], ['timestamp', 'text', 'integer']],
    ['an object for a text', [{ a: 1 }, UUID], ['text', 'uuid']],
  ] as const)('refuse a forged cursor holding %s, before any SQL sees it', (_, values, shape) => {
    expect(codeOf(() => decodeCursor(encodeCursor(values), shape, 'caseNotes.after'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'caseNotes.after',
    });
  });

  it('accept every kind of value the lists put in their cursors', () => {
    const values = ['2026-01-01T00:00:00.123456Z', 'smith jo', 42.5, '9001', UUID];
    expect(decodeCursor(encodeCursor(values), ['timestamp', 'text', 'number', 'integer', 'uuid'])).toEqual(values);
  });
});
