import { collect, email, hasErrors, maxLength, pastDate, phone, required } from './validation';

describe('form checks', () => {
  it('names the first problem of each field', () => {
    const errors = collect({
      firstName: [required('  ', 'The first name')],
      email: [email('nope')],
      phone: [phone('12'), required('12')],
      note: [maxLength('x'.repeat(21), 20)],
    });
    expect(errors).toEqual({
      firstName: 'The first name is required.',
      email: 'Enter an email address like name@example.org.',
      phone: 'Enter a phone number of 7 to 15 digits.',
      note: 'Use at most 20 characters.',
    });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(collect({ a: [required('ok')] }))).toBe(false);
  });

  it('accepts what the API accepts', () => {
    expect(phone('+1 (902) 555-0100')).toBeUndefined();
    expect(email('casey@demo.caseflow')).toBeUndefined();
    expect(pastDate('1990-05-01', new Date(2018, 10, 23))).toBeUndefined();
    expect(pastDate('2018-11-23', new Date(2018, 10, 23))).toBe('The date must be in the past.');
    expect(pastDate('2018-13-01')).toBe('Enter a date.');
  });
});
