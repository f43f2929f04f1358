import { refusedField } from '@caseflow/testing';
import { checkContactPreference, checkFollowUp, checkKeyDates, MAX_KEY_DATES } from './client.rules';

describe('the input rules of a case', () => {
  it('asks a phone number for PHONE and TEXT and an email address for EMAIL, naming the missing field', () => {
    const base = { voicemailAllowed: false };
    expect(refusedField(() => checkContactPreference({ ...base, method: 'PHONE' }, 'input'))).toBe('input.phone');
    expect(refusedField(() => checkContactPreference({ ...base, method: 'TEXT', email: 'a@b.example' }, 'input'))).toBe('input.phone');
    expect(refusedField(() => checkContactPreference({ ...base, method: 'EMAIL', phone: '555 123 4567' }, 'input'))).toBe('input.email');
    expect(refusedField(() => checkContactPreference({ ...base, method: 'MAIL' }, 'input.contactPreference'))).toBeNull();
    expect(checkContactPreference({ ...base, method: 'EMAIL', email: ' a@b.example ', notes: ' ' }, 'input')).toMatchObject({
      email: 'a@b.example',
      notes: null,
    });
  });

  it('keeps at most 20 labelled key dates', () => {
    const date = new Date().toISOString().slice(0, 10);
    const dates = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Date ${i}`, date }));
    expect(checkKeyDates(dates(MAX_KEY_DATES))).toHaveLength(MAX_KEY_DATES);
    expect(refusedField(() => checkKeyDates(dates(MAX_KEY_DATES + 1)))).toBe('keyDates');
    expect(refusedField(() => checkKeyDates([{ label: ' ', date }]))).toBe('keyDates[0].label');
  });

  it('takes a follow-up from a minute ago to two years ahead', () => {
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms);
    expect(refusedField(() => checkFollowUp(at(-30_000), now))).toBeNull();
    expect(refusedField(() => checkFollowUp(at(-120_000), now))).toBe('at');
    expect(refusedField(() => checkFollowUp(at(700 * 86_400_000), now))).toBeNull();
    expect(refusedField(() => checkFollowUp(at(800 * 86_400_000), now))).toBe('at');
  });
});
