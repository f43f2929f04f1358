import { checkScope, checkTerm } from './consent.rules';

function refusal(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return (error as { message: string }).message;
  }
}

describe('the terms of a consent', () => {
  it('needs at least one kind of information, none twice, and keeps them in the canonical order', () => {
    expect(refusal(() => checkScope([]))).toBe('input.scope must name at least one kind of information');
    expect(refusal(() => checkScope(['PLANS', 'PLANS']))).toBe('input.scope must not repeat a kind of information');
    expect(checkScope(['CASE_NOTES', 'CONTACT_INFO'])).toEqual(['CONTACT_INFO', 'CASE_NOTES']);
  });

  it('expires three months after signing by default, after signing and within five years when given', () => {
    const signedAt = new Date(Date.now() - 86_400_000);
    const months = (n: number) => {
      const d = new Date(signedAt);
      d.setUTCMonth(d.getUTCMonth() + n);
      return d;
    };
    const { expiresAt } = checkTerm(signedAt, null);
    const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
    expect(monthIndex(expiresAt) - monthIndex(signedAt)).toBe(3);
    expect(refusal(() => checkTerm(signedAt, signedAt))).toBe('input.expiresAt must be after signedAt');
    expect(refusal(() => checkTerm(signedAt, months(59)))).toBeNull();
    expect(refusal(() => checkTerm(signedAt, months(61)))).toBe('input.expiresAt must be within five years of signedAt');
    expect(refusal(() => checkTerm(new Date(Date.now() + 3_600_000), null))).toBe('input.signedAt must not be in the future');
  });
});
