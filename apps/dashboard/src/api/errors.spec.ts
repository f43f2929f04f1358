import { errorsUnder, fieldErrors, formFieldErrors, isUnauthenticated, mainCode, messageOf, partMissing } from './errors';

const bad = (field: string, message: string) => ({ message, extensions: { code: 'BAD_USER_INPUT', field } });

describe('GraphQL errors for the pages', () => {
  it('puts field errors beside their fields, without the field name the server puts first', () => {
    const error = {
      message: '',
      graphQLErrors: [
        bad('input.firstName', 'input.firstName must not be empty'),
        bad('input.contactPreference.phone', 'input.contactPreference.phone is required when the method is PHONE'),
      ],
    };
    expect(fieldErrors(error)).toEqual({
      'input.firstName': 'Must not be empty.',
      'input.contactPreference.phone': 'Is required when the method is PHONE.',
    });
    expect(formFieldErrors(error, ['firstName'])).toEqual({
      firstName: 'Must not be empty.',
      _form: 'input.contactPreference.phone: Is required when the method is PHONE.',
    });
    expect(formFieldErrors(error, (n) => n.startsWith('contactPreference.'))).toMatchObject({
      'contactPreference.phone': 'Is required when the method is PHONE.',
    });
  });

  it('knows an ended session by its code or a 401', () => {
    expect(isUnauthenticated({ message: '', graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
    expect(isUnauthenticated({ message: '', graphQLErrors: [], response: { status: 401 } })).toBe(true);
    expect(isUnauthenticated({ message: '', graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
  });

  it('says plainly what went wrong, keeping the server’s words for domain errors', () => {
    expect(messageOf({ message: '', graphQLErrors: [], networkError: new Error('Failed to fetch') })).toMatch(/could not be reached/);
    expect(
      messageOf({ message: '', graphQLErrors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    ).toMatch(/went wrong on the server/);
    expect(
      messageOf({
        message: '',
        graphQLErrors: [{ message: 'Only the receiving organization may accept a referral', extensions: { code: 'FORBIDDEN' } }],
      }),
    ).toBe('Only the receiving organization may accept a referral');
    expect(mainCode({ message: '', graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] })).toBe('CONFLICT');
  });

  it('finds the part of a partial answer that is missing', () => {
    const error = {
      message: '',
      graphQLErrors: [
        {
          message: 'A part of this answer is unavailable (plans); retry later',
          path: ['client', 'actionPlans'],
          extensions: { code: 'UNAVAILABLE' },
        },
        { message: 'no', path: ['myCaseload', 'edges', 3, 'node', 'referrals'], extensions: { code: 'UNAVAILABLE' } },
      ],
    };
    expect(partMissing(error, ['client', 'actionPlans'])).toEqual({
      code: 'UNAVAILABLE',
      message: 'A part of this answer is unavailable (plans); retry later',
    });
    expect(partMissing(error, ['client', 'referrals'])).toBeNull();
    expect(errorsUnder(error, ['myCaseload', 'edges', 3, 'node', 'referrals'])).toHaveLength(1);
  });

  it('finds a missing part by the service that owns it when the gateway names no path', () => {
    const error = {
      message: '',
      graphQLErrors: [
        {
          message: 'A part of this answer is unavailable (the plans service); retry later',
          extensions: { code: 'UNAVAILABLE', service: 'plans' },
        },
      ],
    };
    expect(partMissing(error, ['client', 'actionPlans'], 'plans')).toEqual({
      code: 'UNAVAILABLE',
      message: 'A part of this answer is unavailable (the plans service); retry later',
    });
    expect(partMissing(error, ['client', 'referrals'], 'referrals')).toBeNull();
    expect(partMissing(error, ['client', 'actionPlans'])).toBeNull();
  });
});
