import type { Actor } from '@caseflow/auth';
import { consentStatus, decideGrant, hasCaseAccess, type ConsentFacts } from './access.policy';

const HARBOUR = '00000000-0000-4000-8000-00000000000a';
const NORTHSIDE = '00000000-0000-4000-8000-00000000000b';
const EASTSIDE = '00000000-0000-4000-8000-00000000000c';
const casey: Actor = { staffId: '00000000-0000-4000-8000-000000000001', role: 'CASE_MANAGER', organizationId: HARBOUR };
const jordan: Actor = { staffId: '00000000-0000-4000-8000-000000000002', role: 'CASE_MANAGER', organizationId: HARBOUR };
const sam: Actor = { staffId: '00000000-0000-4000-8000-000000000003', role: 'SUPERVISOR', organizationId: HARBOUR };
const otherSupervisor: Actor = { ...sam, staffId: '00000000-0000-4000-8000-000000000009', organizationId: EASTSIDE };
const pat: Actor = { staffId: '00000000-0000-4000-8000-000000000004', role: 'PARTNER', organizationId: NORTHSIDE };
const robin: Actor = { staffId: '00000000-0000-4000-8000-000000000005', role: 'PARTNER', organizationId: EASTSIDE };
const alex: Actor = { staffId: '00000000-0000-4000-8000-000000000006', role: 'ANALYST', organizationId: HARBOUR };
const admin: Actor = { staffId: '00000000-0000-4000-8000-000000000007', role: 'ADMIN', organizationId: HARBOUR };

const now = new Date('2019-11-23T12:00:00Z');
const client = { id: '00000000-0000-4000-8000-0000000000c1', organizationId: HARBOUR, assignedCaseManagerId: casey.staffId, caseTeam: [] };
const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  clientId: client.id,
  recipientOrganizationId: NORTHSIDE,
  scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
  signedAt: new Date('2019-11-01T00:00:00Z'),
  expiresAt: new Date('2020-02-01T00:00:00Z'),
  revokedAt: null,
  ...overrides,
});

describe('decideGrant', () => {
  it('gives the assigned case manager the whole record and write access', () => {
    const grant = decideGrant(casey, client.id, client, [consent()], now);
    expect(grant).toMatchObject({ exists: true, write: true, organizationId: HARBOUR });
    expect(grant.read).toEqual(['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES']);
    expect(grant.consents).toEqual([
      { recipientOrganizationId: NORTHSIDE, scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'], expiresAt: '2020-02-01T00:00:00.000Z' },
    ]);
  });

  it('tells those who may change the case its status, and nobody else', () => {
    expect(decideGrant(casey, client.id, { ...client, status: 'CLOSED' }, [], now).status).toBe('CLOSED');
    expect(decideGrant(pat, client.id, { ...client, status: 'CLOSED' }, [consent()], now).status).toBeUndefined();
  });

  it("gives a current member of the case team the assigned case manager's access, within the client's agency only", () => {
    const teamed = { ...client, caseTeam: [jordan.staffId] };
    expect(decideGrant(jordan, client.id, teamed, [consent()], now)).toEqual(decideGrant(casey, client.id, client, [consent()], now));
    expect(hasCaseAccess(jordan, teamed)).toBe(true);
    expect(hasCaseAccess({ ...jordan, organizationId: NORTHSIDE }, teamed)).toBe(false);
    expect(hasCaseAccess({ ...jordan, role: 'ANALYST' }, teamed)).toBe(false);
  });

  it('denies another case manager of the same agency', () => {
    expect(decideGrant(jordan, client.id, client, [], now)).toEqual({
      clientId: client.id,
      exists: true,
      organizationId: null,
      read: [],
      write: false,
      consents: [],
    });
  });

  it("gives a supervisor their own agency's clients, not another agency's", () => {
    expect(decideGrant(sam, client.id, client, [], now).write).toBe(true);
    expect(decideGrant(otherSupervisor, client.id, client, [], now).read).toEqual([]);
  });

  it('gives a partner only what an active consent to their organization covers, read-only', () => {
    const grant = decideGrant(pat, client.id, client, [consent()], now);
    expect(grant).toMatchObject({ exists: true, write: false, read: ['CONTACT_INFO', 'REFERRAL_DETAILS'], consents: [] });
    expect(decideGrant(robin, client.id, client, [consent()], now).read).toEqual([]);
  });

  it('stops a partner at once when the consent expires or is revoked', () => {
    expect(decideGrant(pat, client.id, client, [consent({ expiresAt: now })], now).read).toEqual([]);
    expect(decideGrant(pat, client.id, client, [consent({ revokedAt: new Date('2019-11-22T00:00:00Z') })], now).read).toEqual([]);
  });

  it('gives analysts and admins nothing, whatever the consents', () => {
    expect(decideGrant(alex, client.id, client, [consent({ recipientOrganizationId: HARBOUR })], now).read).toEqual([]);
    expect(decideGrant(admin, client.id, client, [], now).write).toBe(false);
  });

  it('reports an unknown client as not existing', () => {
    expect(decideGrant(sam, 'x', null, [], now)).toMatchObject({ exists: false, read: [], write: false });
  });
});

describe('consentStatus', () => {
  it('is computed from the dates', () => {
    expect(consentStatus(consent(), now)).toBe('ACTIVE');
    expect(consentStatus(consent({ expiresAt: new Date('2019-11-23T11:59:59Z') }), now)).toBe('EXPIRED');
    expect(consentStatus(consent({ revokedAt: new Date('2019-11-23T11:00:00Z') }), now)).toBe('REVOKED');
  });
});
