import { consentNotice, coveringConsent, defaultExpiryDate } from './consent';

// A fixed day of the spec's own, far from any real today: the notices are worded from `now`, never from the clock.
const now = new Date(2021, 10, 23, 12, 0);
const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const northside = { id: 'org-n', name: 'Northside Food Bank' };

describe('consents', () => {
  it('warns inside 14 days of expiry and says how many days are left', () => {
    expect(consentNotice({ status: 'ACTIVE', expiresAt: at(9), scope: [], recipient: northside }, now)).toMatchObject({
      tone: 'warning',
      days: 9,
      text: expect.stringContaining('in 9 days'),
    });
    expect(consentNotice({ status: 'ACTIVE', expiresAt: at(14), scope: [], recipient: northside }, now)).toMatchObject({
      tone: 'ok',
      days: 14,
    });
    expect(consentNotice({ status: 'EXPIRED', expiresAt: '2021-10-01T00:00:00Z', scope: [], recipient: northside }, now)).toMatchObject({
      tone: 'muted',
      text: 'Expired Oct 1, 2021',
    });
    expect(
      consentNotice({ status: 'REVOKED', expiresAt: at(40), revokedAt: '2021-11-02', scope: [], recipient: northside }, now),
    ).toMatchObject({ tone: 'muted', text: 'Revoked Nov 2, 2021' });
  });

  it('finds the consent that lets a referral be sent: active, to that organization, covering referral details', () => {
    const consents = [
      { id: 'a', status: 'ACTIVE' as const, expiresAt: at(30), scope: ['CONTACT_INFO'], recipient: northside },
      { id: 'b', status: 'REVOKED' as const, expiresAt: at(30), scope: ['REFERRAL_DETAILS'], recipient: northside },
      { id: 'c', status: 'ACTIVE' as const, expiresAt: at(30), scope: ['REFERRAL_DETAILS'], recipient: { id: 'org-e' } },
    ];
    expect(coveringConsent(consents, 'org-n', 'REFERRAL_DETAILS', now)).toBeUndefined();
    const withOne = [
      ...consents,
      { id: 'd', status: 'ACTIVE' as const, expiresAt: at(2), scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'], recipient: northside },
    ];
    expect(coveringConsent(withOne, 'org-n', 'REFERRAL_DETAILS', now)?.id).toBe('d');
  });

  it('expires three months after signing by default', () => {
    expect(defaultExpiryDate('2021-11-30')).toBe('2022-02-28');
  });
});
