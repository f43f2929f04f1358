import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CLIENT_ID, profile } from '../../testing/fixtures';
import { fakeGateway, renderApp } from '../../testing/harness';

describe('intake', () => {
  it('opens the client once (retry-safe key), then warns about possible duplicates on the next step', async () => {
    const gateway = fakeGateway({
      OpenClient: () => ({
        data: {
          openClient: {
            id: CLIENT_ID,
            displayName: 'Dana Fontaine',
            status: 'INTAKE',
            assignedCaseManager: null,
            possibleDuplicates: [{ id: 'other', displayName: 'Dana Fontaine' }],
          },
        },
      }),
      ClientProfile: () => ({
        data: profile({
          status: 'INTAKE',
          possibleDuplicates: [{ id: 'bbbbbbbb-0000-4000-8000-000000000009', displayName: 'Dana Fontaine' }],
        }),
      }),
    });
    renderApp({ path: '/intake', as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the client' }));
    expect(await screen.findByText('The first name is required.')).toBeTruthy();
    expect(screen.getByText('The contact method is required.')).toBeTruthy();
    expect(screen.getByLabelText(/^Preferred contact method/).getAttribute('aria-invalid')).toBe('true');
    expect(gateway.called('OpenClient')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^First name/), { target: { value: 'Dana' } });
    fireEvent.change(screen.getByLabelText(/^Last name/), { target: { value: 'Fontaine' } });
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: '1997-06-13' } });
    fireEvent.change(screen.getByLabelText(/^Preferred contact method/), { target: { value: 'PHONE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the client' }));
    expect(await screen.findByText('A phone number is required.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Phone/), { target: { value: '902-555-0100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the client' }));

    await waitFor(() => expect(window.location.pathname).toBe(`/intake/${CLIENT_ID}`));
    expect(await screen.findByText('This may be someone the agency already knows.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '2. Eligibility' })).toBeTruthy();
    const input = gateway.called('OpenClient')[0].variables.input as Record<string, unknown>;
    expect(input).toEqual({
      firstName: 'Dana',
      lastName: 'Fontaine',
      preferredName: null,
      dateOfBirth: '1997-06-13',
      contactPreference: {
        method: 'PHONE',
        phone: '902-555-0100',
        email: null,
        voicemailAllowed: false,
        publicGreeting: null,
        notes: null,
      },
      assignedCaseManagerId: null,
      clientMutationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('offers the address, household and languages after eligibility, each saved on its own, then goes on', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile({ status: 'INTAKE' }) }),
      ClientHome: () => ({
        data: { client: { id: CLIENT_ID, displayName: 'Dana Fontaine', address: null, household: [], demographics: null } },
      }),
      SetClientAddress: (v) => ({ data: { setClientAddress: { id: CLIENT_ID, address: v.address } } }),
    });
    renderApp({ path: `/intake/${CLIENT_ID}?step=eligibility`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Skip this step for now' }));
    expect(await screen.findByRole('heading', { name: '3. Home, household and languages' })).toBeTruthy();
    expect(window.location.search).toBe('?step=about');
    fireEvent.change(await screen.findByLabelText(/^Street address/), { target: { value: '12 Water St' } });
    fireEvent.change(screen.getByLabelText(/^City/), { target: { value: 'Halifax' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the address' }));
    expect(await screen.findByText('Saved: the address.')).toBeTruthy();
    expect(gateway.called('SetClientAddress')[0].variables).toMatchObject({
      clientId: CLIENT_ID,
      address: { line1: '12 Water St', city: 'Halifax', country: 'CA', noFixedAddress: false },
    });
    expect(screen.getByRole('button', { name: 'Save the household' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save what the client told us' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the needs assessment' }));
    await waitFor(() => expect(window.location.search).toBe('?step=assessment'));
  });
});
