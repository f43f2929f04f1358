import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { inbox, partnerReferral } from '../../testing/fixtures';
import { fakeGateway, renderApp } from '../../testing/harness';

describe('the partner inbox', () => {
  it('lists the referrals sent to the organization, and says when no consent covers the client’s name', async () => {
    const gateway = fakeGateway({ Inbox: () => ({ data: inbox([{ id: 'ref-0' }, { id: 'ref-1', client: null, status: 'WAITLISTED' }]) }) });
    renderApp({ path: '/inbox', as: 'pat', gateway });
    expect(await screen.findByRole('link', { name: 'Dana Fontaine' })).toBeTruthy();
    expect(screen.getByText('No consent covers the name')).toBeTruthy();
    expect(gateway.called('Inbox')[0].variables).toEqual({ status: ['SENT', 'WAITLISTED'], first: 20, after: null });
    fireEvent.click(screen.getByRole('link', { name: 'Closed' }));
    await waitFor(() =>
      expect(gateway.called('Inbox').at(-1)?.variables.status).toEqual(['DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED']),
    );
  });

  it('offers only the answers the status allows; declining needs a reason before anything is sent', async () => {
    const gateway = fakeGateway({
      PartnerReferral: () => ({ data: partnerReferral() }),
      PartnerClientNotes: () => ({
        errors: [
          {
            message: "The client's case notes are outside the consent to your organization",
            path: ['client', 'caseNotes'],
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      }),
      RespondToReferral: (v) => ({
        data: {
          respondToReferral: {
            id: 'ref-0',
            status: (v.input as { decision: string }).decision === 'DECLINE' ? 'DECLINED' : 'ACCEPTED',
            declineReason: null,
            history: [],
          },
        },
      }),
    });
    renderApp({ path: '/inbox/ref-0', as: 'pat', gateway });
    const answers = await screen.findByRole('group', { name: 'Answers' });
    expect(
      within(answers)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Accept', 'Waitlist', 'Decline']);
    expect(await screen.findByText(/Case notes are not covered/)).toBeTruthy();
    expect(screen.getByText('902-555-0100')).toBeTruthy();

    fireEvent.click(within(answers).getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Decline the referral' }));
    expect(await screen.findByText(/Give the reason for declining/)).toBeTruthy();
    expect(gateway.called('RespondToReferral')).toHaveLength(0);

    fireEvent.click(within(answers).getByRole('button', { name: 'Accept' }));
    fireEvent.change(screen.getByLabelText(/^Note for the case manager/), { target: { value: 'Intake booked for Tuesday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept the referral' }));
    expect(await screen.findByText(/Accepted: the case manager sees it/)).toBeTruthy();
    expect(gateway.called('RespondToReferral')[0].variables).toEqual({
      input: { referralId: 'ref-0', decision: 'ACCEPT', reason: null, note: 'Intake booked for Tuesday' },
    });
  });

  it('completes an accepted referral with its outcome, and shows what a missing consent hides', async () => {
    const gateway = fakeGateway({
      PartnerReferral: () => ({ data: partnerReferral({ status: 'ACCEPTED', client: null }) }),
      CompleteReferral: () => ({
        data: { completeReferral: { id: 'ref-0', status: 'COMPLETED', outcome: 'SERVICE_PROVIDED', history: [] } },
      }),
    });
    renderApp({ path: '/inbox/ref-0', as: 'pat', gateway });
    expect(await screen.findByText(/does not cover their name or contact details/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Answers' })).getByRole('button', { name: 'Complete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Complete the referral' }));
    expect(await screen.findByText('Choose the outcome of the service.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Outcome/), { target: { value: 'SERVICE_PROVIDED' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete the referral' }));
    await waitFor(() => expect(gateway.called('CompleteReferral')).toHaveLength(1));
    expect(gateway.called('CompleteReferral')[0].variables).toEqual({
      input: { referralId: 'ref-0', outcome: 'SERVICE_PROVIDED', note: null },
    });
  });

  it('shows the client’s address under the consent (no coordinates asked), and says when it is not covered', async () => {
    const base = partnerReferral({ status: 'ACCEPTED' }).referral!;
    const address = {
      line1: '12 Water St',
      line2: null,
      city: 'Halifax',
      region: 'NS',
      postalCode: null,
      country: 'CA',
      noFixedAddress: false,
    };
    const gateway = fakeGateway({ PartnerReferral: () => ({ data: { referral: { ...base, client: { ...base.client!, address } } } }) });
    renderApp({ path: '/inbox/ref-0', as: 'pat', gateway });
    expect(await screen.findByText('12 Water St, Halifax, NS, CA')).toBeTruthy();
    expect(screen.getByText('Address')).toBeTruthy();

    const hidden = fakeGateway({
      PartnerReferral: () => ({
        data: { referral: { ...base, client: { ...base.client!, address: null } } },
        errors: [{ message: 'Not covered by a consent', path: ['referral', 'client', 'address'], extensions: { code: 'FORBIDDEN' } }],
      }),
    });
    renderApp({ path: '/inbox/ref-0', as: 'pat', gateway: hidden });
    expect(await screen.findByText('Not covered by what you may see: the address.')).toBeTruthy();
  });
});
