import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CLIENT_ID, caseload, caseloadRow, notes, profile } from '../testing/fixtures';
import { fakeGateway, renderApp } from '../testing/harness';

describe('signing in and out', () => {
  it('lists the demo staff, signs in as the one chosen and opens their start page with their token', async () => {
    const gateway = fakeGateway({ Caseload: () => ({ data: caseload([caseloadRow(1, { displayName: 'Dana Fontaine' })]) }) });
    const app = renderApp({ path: '/', as: null, gateway });
    expect(await screen.findByRole('heading', { name: 'Sign in to Caseflow' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /Casey Morgan/ }));
    expect(await screen.findByRole('link', { name: 'Dana Fontaine' })).toBeTruthy();
    expect(window.location.pathname).toBe('/caseload');
    expect(gateway.called('Caseload')[0].authorization).toBe('Bearer token-casey');
    expect(JSON.parse(app.storage.getItem('caseflow.session') as string)).toMatchObject({ token: 'token-casey', method: 'demo' });
  });

  it('opens a link followed while signed out once signed in', async () => {
    const gateway = fakeGateway({ ClientProfile: () => ({ data: profile() }) });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: null, gateway });
    fireEvent.click(await screen.findByRole('button', { name: /Casey Morgan/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dana Fontaine' })).toBeTruthy();
    expect(window.location.pathname).toBe(`/clients/${CLIENT_ID}`);
  });

  it('sends each role to its own start page', async () => {
    const gateway = fakeGateway({
      Inbox: () => ({ data: { incomingReferrals: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    renderApp({ path: '/', as: 'pat', gateway });
    expect(await screen.findByRole('heading', { name: 'Referral inbox' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('Our directory entries');
    expect(screen.queryByRole('link', { name: 'Caseload' })).toBeNull();
  });

  it('returns to sign-in when the gateway refuses the token, then back to the same page with the typed note kept', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientNotes: () => ({ data: notes(['Interview booked']) }),
      AddCaseNote: () => ({ data: { addCaseNote: { id: 'n2', occurredAt: new Date().toISOString() } } }),
    });
    const app = renderApp({ path: `/clients/${CLIENT_ID}?tab=notes`, as: 'casey', gateway });
    expect(await screen.findByText('Interview booked')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a case note' }));
    fireEvent.change(screen.getByLabelText(/^Contact/), { target: { value: 'PHONE' } });
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: 'Called about the interview; will call back Friday.' } });

    gateway.tokens.delete('token-casey');
    fireEvent.click(screen.getByRole('button', { name: 'Add the note' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Caseflow' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Your session has ended');
    expect(app.storage.getItem('caseflow.session')).toBeNull();
    expect(gateway.called('AddCaseNote')).toHaveLength(1);

    gateway.tokens.set('token-casey', 'casey');
    fireEvent.click(await screen.findByRole('button', { name: /Casey Morgan/ }));
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe(`/clients/${CLIENT_ID}?tab=notes`));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case note' }));
    expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Called about the interview; will call back Friday.');
    expect((screen.getByLabelText(/^Contact/) as HTMLSelectElement).value).toBe('PHONE');
  });

  it('ends the session when its token runs out, even while nobody clicks', async () => {
    const gateway = fakeGateway({ Caseload: () => ({ data: caseload([caseloadRow(1)]) }) });
    const app = renderApp({ path: '/caseload', as: null, gateway });
    // A token that ends a moment after the safety margin: the app's own timer ends the session.
    app.storage.setItem(
      'caseflow.session',
      JSON.stringify({ token: 'token-casey', expiresAt: new Date(Date.now() + 30_000 + 200).toISOString(), method: 'demo' }),
    );
    app.unmount();
    renderApp({ path: '/caseload', as: null, gateway, storage: app.storage });
    expect(await screen.findByRole('link', { name: 'Client 1' })).toBeTruthy();
    expect(await screen.findByText(/Your session has ended/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(app.storage.getItem('caseflow.returnTo')).toBe('/caseload');
  });

  it('signs out: the session and every draft are gone', async () => {
    const gateway = fakeGateway({ ClientProfile: () => ({ data: profile() }), ClientNotes: () => ({ data: notes([]) }) });
    const app = renderApp({ path: `/clients/${CLIENT_ID}?tab=notes`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case note' }));
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: 'Private words' } });
    expect(Object.keys(app.storage.dump()).some((k) => k.startsWith('caseflow.draft.'))).toBe(true);
    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Caseflow' })).toBeTruthy();
    expect(app.storage.dump()).toEqual({});
  });
});
