import type { Actor, ActiveConsent, ClientGrant } from '@caseflow/auth';
import { clearToSend, hasReferralConsent } from './referral.policy';

const HARBOUR = '00000000-0000-4000-8000-00000000000a';
const NORTHSIDE = '00000000-0000-4000-8000-00000000000b';
const EASTSIDE = '00000000-0000-4000-8000-00000000000c';
const now = new Date('2026-11-23T12:00:00Z');
const later = '2027-01-01T00:00:00.000Z';
const casey: Actor = { staffId: '00000000-0000-4000-8000-000000000001', role: 'CASE_MANAGER', organizationId: HARBOUR };
const sam: Actor = { ...casey, staffId: '00000000-0000-4000-8000-000000000002', role: 'SUPERVISOR' };
const grant = (consents: ActiveConsent[]): ClientGrant => ({
  clientId: '00000000-0000-4000-8000-0000000000c1',
  exists: true,
  organizationId: HARBOUR,
  read: ['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES'],
  write: true,
  consents,
});
const toNorthside = (scope: ActiveConsent['scope'], expiresAt = later): ActiveConsent => ({
  recipientOrganizationId: NORTHSIDE,
  scope,
  expiresAt,
});

describe('hasReferralConsent', () => {
  it('needs a consent to the receiving organization that covers REFERRAL_DETAILS and has not expired', () => {
    expect(hasReferralConsent(grant([toNorthside(['CONTACT_INFO', 'REFERRAL_DETAILS'])]), NORTHSIDE, now)).toBe(true);
    expect(hasReferralConsent(grant([toNorthside(['CONTACT_INFO'])]), NORTHSIDE, now)).toBe(false);
    expect(hasReferralConsent(grant([toNorthside(['REFERRAL_DETAILS'])]), EASTSIDE, now)).toBe(false);
    expect(hasReferralConsent(grant([toNorthside(['REFERRAL_DETAILS'], '2026-11-23T12:00:00.000Z')]), NORTHSIDE, now)).toBe(false);
    expect(hasReferralConsent(grant([]), NORTHSIDE, now)).toBe(false);
  });
});

describe('clearToSend', () => {
  it('clears a send under a consent, for a case manager and a supervisor alike', () => {
    const g = grant([toNorthside(['REFERRAL_DETAILS'])]);
    expect(clearToSend(casey, g, NORTHSIDE, null, now)).toEqual({ by: 'consent' });
    expect(clearToSend(sam, g, NORTHSIDE, 'not needed', now)).toEqual({ by: 'consent' });
  });

  it('refuses a send without a consent with FORBIDDEN saying so', () => {
    expect(() => clearToSend(casey, grant([toNorthside(['CONTACT_INFO'])]), NORTHSIDE, null, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('no active consent') }),
    );
  });

  it('lets only a supervisor override a missing consent, with the reason', () => {
    expect(clearToSend(sam, grant([]), NORTHSIDE, 'Client consented by phone; form follows', now)).toEqual({
      by: 'override',
      reason: 'Client consented by phone; form follows',
    });
    expect(() => clearToSend(casey, grant([]), NORTHSIDE, 'urgent', now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only a supervisor may override a missing consent' }),
    );
    expect(() => clearToSend(casey, grant([toNorthside(['REFERRAL_DETAILS'])]), NORTHSIDE, 'urgent', now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
