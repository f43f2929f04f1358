import type { Actor, ClientGrant } from '@caseflow/auth';
import { caseSideSees, partnerSees, partnerView, visibilityRule } from './referral.policy';

const HARBOUR = '00000000-0000-4000-8000-00000000000a';
const NORTHSIDE = '00000000-0000-4000-8000-00000000000b';
const EASTSIDE = '00000000-0000-4000-8000-00000000000c';
const actor = (role: Actor['role'], organizationId = HARBOUR): Actor => ({
  staffId: '00000000-0000-4000-8000-000000000001',
  role,
  organizationId,
});
const pat = actor('PARTNER', NORTHSIDE);
const sent = new Date('2026-11-01T00:00:00Z');
const grant = (overrides: Partial<ClientGrant> = {}): ClientGrant => ({
  clientId: '00000000-0000-4000-8000-0000000000c1',
  exists: true,
  organizationId: HARBOUR,
  read: ['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES'],
  write: true,
  consents: [],
  ...overrides,
});

describe('visibilityRule', () => {
  it('asks the clients subgraph only for the case side, and gives analysts and admins nothing', () => {
    expect(visibilityRule(actor('CASE_MANAGER'))).toBe('case-access');
    expect(visibilityRule(actor('SUPERVISOR'))).toBe('case-access');
    expect(visibilityRule(pat)).toBe('receiving-organization');
    expect(visibilityRule(actor('ANALYST'))).toBe('none');
    expect(visibilityRule(actor('ADMIN'))).toBe('none');
  });
});

describe('partnerSees', () => {
  it('shows a partner the referrals sent to its own organization only', () => {
    expect(partnerSees(pat, { organizationId: NORTHSIDE, sentAt: sent })).toBe(true);
    expect(partnerSees(pat, { organizationId: EASTSIDE, sentAt: sent })).toBe(false);
  });

  it('hides a draft (never sent) from the receiving organization', () => {
    expect(partnerSees(pat, { organizationId: NORTHSIDE, sentAt: null })).toBe(false);
  });

  it('does not apply to staff of the receiving organization in other roles', () => {
    expect(partnerSees(actor('SUPERVISOR', NORTHSIDE), { organizationId: NORTHSIDE, sentAt: sent })).toBe(false);
  });
});

describe('caseSideSees', () => {
  it('requires case access (write), not a consent-scoped read', () => {
    expect(caseSideSees(grant())).toBe(true);
    expect(caseSideSees(grant({ write: false }))).toBe(false);
    expect(caseSideSees(grant({ write: false, read: ['CONTACT_INFO', 'REFERRAL_DETAILS'] }))).toBe(false);
  });

  it('denies an unknown client or a missing grant', () => {
    expect(caseSideSees(grant({ exists: false }))).toBe(false);
    expect(caseSideSees(null)).toBe(false);
  });
});

describe('partnerView', () => {
  const partnerGrant = (read: ClientGrant['read']) => grant({ write: false, read });
  const plain = { consentOverrideAt: null };

  it('shows details and the client under an active consent covering REFERRAL_DETAILS', () => {
    expect(partnerView(partnerGrant(['CONTACT_INFO', 'REFERRAL_DETAILS']), plain)).toEqual({ details: true, client: true });
  });

  it('keeps only status and dates when no consent covers the client any more', () => {
    expect(partnerView(grant({ exists: true, write: false, read: [] }), plain)).toEqual({ details: false, client: false });
    expect(partnerView(null, plain)).toEqual({ details: false, client: false });
    expect(partnerView(grant({ exists: false, read: ['REFERRAL_DETAILS'] }), plain)).toEqual({ details: false, client: false });
  });

  it('withholds details under a consent of another scope, keeping the client reference', () => {
    expect(partnerView(partnerGrant(['CONTACT_INFO']), plain)).toEqual({ details: false, client: true });
  });

  it('shows details of a referral sent under a recorded supervisor override, without the client', () => {
    expect(partnerView(partnerGrant([]), { consentOverrideAt: sent })).toEqual({ details: true, client: false });
  });
});
