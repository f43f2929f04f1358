import { AppError, badInput, forbidden, isAppError } from './errors';
import { pick } from './pick';

describe('errors', () => {
  it('carry a stable code, a message for the caller and the field at fault', () => {
    const error = badInput('input.dateOfBirth', 'must be in the past');
    expect(error).toBeInstanceOf(AppError);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'input.dateOfBirth must be in the past',
      details: { field: 'input.dateOfBirth' },
    });
    expect(isAppError(forbidden())).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});

describe('pick', () => {
  it('copies the named fields as they are, and no other', () => {
    const row = { id: 'a', at: new Date(0), note: null, secret: 'kept out' };
    const picked = pick(row, ['id', 'at', 'note']);
    expect(picked).toStrictEqual({ id: 'a', at: row.at, note: null });
    expect(Object.keys(picked)).toEqual(['id', 'at', 'note']);
    expect(row.secret).toBe('kept out');
  });
});
