import { type ClientGrant, INFORMATION_KINDS, noGrant } from '@caseflow/auth';
import { mayChangePlans, mayReadPlans } from './access.policy';

const AGENCY = '00000000-0000-4000-8000-000000000001';
const CLIENT = '00000000-0000-4000-8000-000000000002';
const caseAccess: ClientGrant = {
  clientId: CLIENT,
  exists: true,
  organizationId: AGENCY,
  read: [...INFORMATION_KINDS],
  write: true,
  consents: [],
};

describe('plans access policy', () => {
  it('lets case access read and change plans', () => {
    expect([mayReadPlans(caseAccess), mayChangePlans(caseAccess)]).toEqual([true, true]);
  });

  it('lets a consent covering PLANS read, never change, and one without PLANS do neither', () => {
    const partner = { ...caseAccess, read: ['PLANS' as const], write: false };
    expect([mayReadPlans(partner), mayChangePlans(partner)]).toEqual([true, false]);
    const contactOnly = { ...caseAccess, read: ['CONTACT_INFO' as const], write: false };
    expect([mayReadPlans(contactOnly), mayChangePlans(contactOnly)]).toEqual([false, false]);
  });

  it('allows nothing for an unknown client, a refused caller, or a write grant without the agency', () => {
    expect([mayReadPlans(noGrant(CLIENT)), mayChangePlans(noGrant(CLIENT))]).toEqual([false, false]);
    expect([mayReadPlans(noGrant(CLIENT, true)), mayChangePlans(noGrant(CLIENT, true))]).toEqual([false, false]);
    expect(mayChangePlans({ ...caseAccess, organizationId: null })).toBe(false);
  });
});
