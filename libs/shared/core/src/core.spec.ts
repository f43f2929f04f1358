import { AppError, badInput, forbidden, isAppError } from './errors';

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
