import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReferContextQuery, SearchServicesQuery } from '../../graphql/generated';
import { CLIENT_ID } from '../../testing/fixtures';
import { fakeGateway, renderApp } from '../../testing/harness';

function context(consents: NonNullable<ReferContextQuery['client']>['consents']): ReferContextQuery {
  return {
    client: {
      id: CLIENT_ID,
      displayName: 'Dana Fontaine',
      status: 'ACTIVE',
      consents,
      latestAssessment: { id: 'a', barriers: [{ domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Food and housing' }] },
      activePlan: { id: 'p', goals: [{ id: 'goal-1', description: 'Obtain a class 5 driver licence', status: 'OPEN' }] },
    },
  };
}

const hamper: SearchServicesQuery = {
  searchServices: {
    totalCount: 1,
    pageInfo: { hasNextPage: false, endCursor: null },
    edges: [
      {
        cursor: 'h',
        node: {
          distanceKm: 1.2,
          openNow: true,
          service: {
            id: 'svc-hamper',
            name: 'Emergency Food Hamper',
            description: 'Same-day food hamper.',
            status: 'active',
            eligibilityDescription: null,
            applicationProcess: null,
            feesDescription: null,
            languages: ['English'],
            url: null,
            taxonomyTerms: [{ id: 't', name: 'Emergency Food' }],
            organization: { id: 'org-northside', name: 'Northside Food Bank', website: null },
            phones: [],
            schedules: [
              {
                id: 'h1',
                freq: 'WEEKLY',
                byDay: 'MO,TU,WE,TH,FR',
                byMonthDay: null,
                opensAt: '09:00',
                closesAt: '17:00',
                validFrom: null,
                validTo: null,
                description: null,
              },
            ],
          },
          serviceAtLocation: {
            id: 'sal-1',
            location: {
              id: 'l',
              name: 'Main office',
              addresses: [
                {
                  id: 'ad',
                  address1: '135 North Street',
                  address2: null,
                  city: 'Harbour City',
                  stateProvince: 'NS',
                  postalCode: 'B3K 1A1',
                },
              ],
            },
            schedules: [],
          },
        },
      },
    ],
  },
};

describe('referring a client', () => {
  it('finds a service with its hours and address, explains the missing consent, records it, then creates and sends the referral', async () => {
    let consents: NonNullable<ReferContextQuery['client']>['consents'] = [];
    const gateway = fakeGateway({
      ReferContext: () => ({ data: context(consents) }),
      TaxonomyTerms: () => ({ data: { taxonomyTerms: [{ id: 't-food', code: '1100', name: 'Food' }] } }),
      SearchServices: () => ({ data: hamper }),
      RecordConsent: () => {
        consents = [
          {
            id: 'c',
            recipient: { id: 'org-northside', name: 'Northside Food Bank' },
            scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
            status: 'ACTIVE',
            expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
          },
        ];
        return { data: { recordConsent: { id: 'c', status: 'ACTIVE', expiresAt: consents[0].expiresAt } } };
      },
      CreateReferral: () => ({ data: { createReferral: { id: 'ref-new', status: 'DRAFT' } } }),
      SendReferral: () => ({
        data: { sendReferral: { id: 'ref-new', status: 'SENT', sentAt: new Date().toISOString(), respondBy: null, history: [] } },
      }),
      ClientProfile: () => ({ data: null }),
      ClientReferrals: () => ({ data: { client: { id: CLIENT_ID, displayName: 'Dana Fontaine', referrals: [] } } }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}/refer`, as: 'casey', gateway });
    expect(await screen.findByText('135 North Street, Harbour City NS B3K 1A1')).toBeTruthy();
    expect(screen.getByText('Mon–Fri 09:00–17:00')).toBeTruthy();
    expect(gateway.called('SearchServices')[0].variables.input).toEqual({
      text: null,
      taxonomyTermIds: null,
      near: { latitude: 44.6, longitude: -63.5 },
      radiusKm: 10,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Refer to Emergency Food Hamper' }));
    expect(await screen.findByText('No consent covers this referral yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save as a draft' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Record a consent now' }));
    expect((screen.getByRole('radio', { name: 'Northside Food Bank' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Record the consent' }));
    expect(await screen.findByText(/Covered: Dana Fontaine has an active consent to Northside Food Bank/)).toBeTruthy();
    expect(gateway.called('RecordConsent')[0].variables.input).toMatchObject({
      recipientOrganizationId: 'org-northside',
      scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
      purpose: 'Referral to Emergency Food Hamper',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Create and send the referral' }));
    expect(await screen.findByText('Why it is necessary is required.')).toBeTruthy();
    expect(gateway.called('CreateReferral')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('It addresses'), { target: { value: 'goal:goal-1' } });
    expect((screen.getByLabelText(/^Need/) as HTMLInputElement).value).toBe('Obtain a class 5 driver licence');
    fireEvent.change(screen.getByLabelText(/^Why it is necessary/), { target: { value: 'No food at home this week.' } });
    fireEvent.change(screen.getByLabelText(/^Why this service is appropriate/), { target: { value: 'Same-day hamper close by.' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Urgent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create and send the referral' }));
    await waitFor(() => expect(window.location.search).toBe('?tab=referrals'));
    expect(gateway.called('CreateReferral')[0].variables.input).toEqual({
      clientId: CLIENT_ID,
      serviceId: 'svc-hamper',
      serviceAtLocationId: 'sal-1',
      goalId: 'goal-1',
      need: 'Obtain a class 5 driver licence',
      necessaryRationale: 'No food at home this week.',
      appropriateRationale: 'Same-day hamper close by.',
      paidByContract: false,
      urgency: 'URGENT',
      respondBy: null,
      followUpAt: null,
      clientMutationId: expect.any(String),
    });
    expect(gateway.called('SendReferral')[0].variables).toEqual({ referralId: 'ref-new', overrideConsentReason: null });
  });

  it('searches near the client’s address by its id, without the point ever reaching the page', async () => {
    const gateway = fakeGateway({
      ReferContext: () => ({ data: context([]) }),
      SearchServices: () => ({ data: hamper }),
      TaxonomyTerms: () => ({ data: { taxonomyTerms: [] } }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}/refer`, as: 'casey', gateway });
    expect(await screen.findByText('Emergency Food Hamper')).toBeTruthy();
    expect(gateway.called('SearchServices')[0].variables.input).toMatchObject({ near: { latitude: 44.6, longitude: -63.5 } });
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'client' } });
    fireEvent.change(screen.getByLabelText('Within'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(gateway.called('SearchServices').length).toBeGreaterThan(1));
    const input = gateway.called('SearchServices').at(-1)?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ nearClientId: CLIENT_ID, radiusKm: 5 });
    expect(input.near).toBeUndefined();
  });
});
