import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClientConsentsQuery } from '../../graphql/generated';
import { CLIENT_ID, notes, plans, profile } from '../../testing/fixtures';
import { fakeGateway, renderApp } from '../../testing/harness';

const base = { ClientProfile: () => ({ data: profile() }) };

function consents(list: NonNullable<ClientConsentsQuery['client']>['consents']): ClientConsentsQuery {
  return { client: { id: CLIENT_ID, displayName: 'Dana Fontaine', consents: list } };
}

describe('the client file', () => {
  it('says which part is unavailable and keeps the others working', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({
        data: { client: null },
        errors: [
          { message: 'A part of this answer is unavailable (clients); retry later', path: ['client'], extensions: { code: 'UNAVAILABLE' } },
        ],
      }),
      ClientPlans: () => ({
        data: { client: { ...plans().client!, actionPlans: null, priorityRankings: null } },
        errors: [
          {
            message: 'A part of this answer is unavailable (the plans service); retry later',
            extensions: { code: 'UNAVAILABLE', service: 'plans' },
          },
        ],
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}`, as: 'casey', gateway });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "The client's profile could not be loaded. A part of this answer is unavailable (clients); retry later",
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Action plan' }));
    expect((await screen.findByText('Unavailable right now: the action plans.')).closest('[role="note"]')?.textContent).toContain(
      '(the plans service); retry later',
    );
    expect(screen.getByText('Unavailable right now: the prioritizing grids.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Prioritizing grid' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rank needs with the client' })).toBeTruthy();
  });

  it('refuses another case manager’s client once, with none of the parts or their forms', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({
        data: { client: null },
        errors: [{ message: "You may not see this client's record", path: ['client'], extensions: { code: 'FORBIDDEN' } }],
      }),
      ClientNotes: () => ({ data: notes([]) }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=notes`, as: 'casey', gateway });
    expect(await screen.findByRole('heading', { level: 1, name: "You may not see this client's record" })).toBeTruthy();
    expect(screen.queryByText('Client not found')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Parts of the client file' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a case note' })).toBeNull();
    expect(gateway.called('ClientNotes')).toHaveLength(0);
  });

  it('checks a note before sending it and says what is wrong beside each field', async () => {
    const gateway = fakeGateway({ ...base, ClientNotes: () => ({ data: notes([]) }) });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=notes`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case note' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    expect(await screen.findByText('Choose the kind of contact.')).toBeTruthy();
    expect(screen.getByText('The note is required.')).toBeTruthy();
    const body = screen.getByLabelText(/^Note/);
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(body.getAttribute('aria-describedby')).toContain('error');
    expect(gateway.called('AddCaseNote')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Contact/)));
  });

  it('puts the server’s field error (extensions.field) beside the field and keeps what was typed', async () => {
    const gateway = fakeGateway({
      ...base,
      ClientConsents: () => ({ data: consents([]) }),
      FindOrganizations: () => ({
        data: { organizations: { totalCount: 1, edges: [{ node: { id: 'org-n', name: 'Northside Food Bank' } }] } },
      }),
      RecordConsent: () => ({
        errors: [{ message: 'input.signedAt must not be in the future', extensions: { code: 'BAD_USER_INPUT', field: 'input.signedAt' } }],
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=consents`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Record a consent' }));
    fireEvent.change(screen.getByLabelText('Find in the directory'), { target: { value: 'food' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Northside Food Bank' }));
    fireEvent.change(screen.getByLabelText(/^Purpose/), { target: { value: 'Referral for food' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the consent' }));
    const error = await screen.findByText('Must not be in the future.');
    expect(error.id).toBe(screen.getByLabelText(/^Signed/).getAttribute('aria-describedby'));
    expect(gateway.called('RecordConsent')[0].variables.input).toMatchObject({
      clientId: CLIENT_ID,
      recipientOrganizationId: 'org-n',
      scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
      purpose: 'Referral for food',
      expiresAt: null,
    });
    expect((screen.getByLabelText(/^Purpose/) as HTMLInputElement).value).toBe('Referral for food');
  });

  it('shows each consent’s status and days to expiry, warning inside 14 days', async () => {
    // Noon five calendar days ahead: "in 5 days" whatever the hour the test runs at.
    const fiveDays = new Date();
    fiveDays.setDate(fiveDays.getDate() + 5);
    fiveDays.setHours(12, 0, 0, 0);
    const soon = fiveDays.toISOString();
    const later = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const signed = new Date(Date.now() - 90 * 86_400_000).toISOString();
    // A consent that ran out last year: always in the past, on any day the suite runs.
    const lastYear = new Date().getUTCFullYear() - 1;
    const gateway = fakeGateway({
      ...base,
      ClientConsents: () => ({
        data: consents([
          {
            id: 'c1',
            recipient: { id: 'o1', name: 'Northside Food Bank' },
            scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
            purpose: 'Food',
            signedAt: signed,
            expiresAt: soon,
            revokedAt: null,
            witness: null,
            status: 'ACTIVE',
            signedForm: null,
          },
          {
            id: 'c2',
            recipient: { id: 'o2', name: 'Eastside Housing Help' },
            scope: ['PLANS'],
            purpose: 'Housing',
            signedAt: signed,
            expiresAt: later,
            revokedAt: null,
            witness: null,
            status: 'ACTIVE',
            signedForm: null,
          },
          {
            id: 'c3',
            recipient: { id: 'o3', name: 'Bayview Community Health Centre' },
            scope: ['ASSESSMENTS'],
            purpose: 'Health',
            signedAt: `${lastYear - 1}-01-01T10:00:00Z`,
            expiresAt: `${lastYear}-04-01T10:00:00Z`,
            revokedAt: null,
            witness: null,
            status: 'EXPIRED',
            signedForm: null,
          },
        ]),
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=consents`, as: 'casey', gateway });
    const northside = (await screen.findByRole('rowheader', { name: 'Northside Food Bank' })).closest('tr') as HTMLElement;
    expect(northside.className).toBe('row-warning');
    expect(within(northside).getByText(/Expires in 5 days/)).toBeTruthy();
    expect(within(northside).getByText('Ask the client to renew it soon.')).toBeTruthy();
    const eastside = screen.getByRole('rowheader', { name: 'Eastside Housing Help' }).closest('tr') as HTMLElement;
    expect(eastside.className).toBe('');
    expect(
      within(screen.getByRole('rowheader', { name: 'Bayview Community Health Centre' }).closest('tr') as HTMLElement).getByText(
        `Expired Apr 1, ${lastYear}`,
      ),
    ).toBeTruthy();
  });

  it('completes a step naming the plan version it read, and reloads the plan on a conflict', async () => {
    let version = 3;
    const gateway = fakeGateway({
      ...base,
      ClientPlans: () => ({ data: plans({ version }) }),
      UpdateStep: (v) => {
        const input = v.input as { expectedVersion: number; completedAt: string };
        if (input.expectedVersion !== version)
          return { errors: [{ message: 'The plan was changed by someone else (version 4)', extensions: { code: 'CONFLICT' } }] };
        return {
          data: {
            updateStep: { id: 'step-2', outcome: 'COMPLETE', completedAt: input.completedAt, dueDate: input.completedAt, overdue: false },
          },
        };
      },
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    const overdueRow = (await screen.findByText('Apply to three postings')).closest('tr') as HTMLElement;
    expect(overdueRow.className).toBe('row-overdue');
    expect(within(overdueRow).getByText('Overdue')).toBeTruthy();
    expect(screen.getByText(/Not SMART yet: measurable/)).toBeTruthy();

    version = 4;
    fireEvent.click(within(overdueRow).getByRole('button', { name: /Update step/ }));
    fireEvent.change(screen.getByLabelText(/^Why/), { target: { value: 'Applied on Friday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the step' }));
    expect(await screen.findByText(/Someone else changed this plan/)).toBeTruthy();
    expect(gateway.called('UpdateStep')[0].variables.input).toEqual({
      stepId: 'step-2',
      expectedVersion: 3,
      outcome: 'COMPLETE',
      completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      rationale: 'Applied on Friday',
    });
    await waitFor(() => expect(screen.getByText(/version 4/)).toBeTruthy());

    // The form stays open with what was typed: sending again names the version now shown.
    expect((screen.getByLabelText(/^Why/) as HTMLTextAreaElement).value).toBe('Applied on Friday');
    fireEvent.click(screen.getByRole('button', { name: 'Save the step' }));
    expect(await screen.findByText('Step “Apply to three postings” saved.')).toBeTruthy();
    expect(gateway.called('UpdateStep')[1].variables.input).toMatchObject({ expectedVersion: 4 });
  });

  it('ranks needs pairwise: the ranking follows the choices and the grid is sent whole', async () => {
    const gateway = fakeGateway({
      ...base,
      ClientPlans: () => ({ data: plans() }),
      RankPriorities: () => ({ data: { rankPriorities: { id: 'r', items: [] } } }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Rank needs with the client' }));
    fireEvent.change(screen.getByLabelText('Need 1'), { target: { value: 'Housing' } });
    fireEvent.change(screen.getByLabelText('Need 2'), { target: { value: 'Childcare' } });
    fireEvent.change(screen.getByLabelText('Need 3'), { target: { value: 'Food' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the ranking' }));
    expect(await screen.findByText('Compare “Housing” with “Childcare”.')).toBeTruthy();
    expect(gateway.called('RankPriorities')).toHaveLength(0);

    const pick = (a: string, b: string, winner: string) =>
      fireEvent.click(within(screen.getByRole('group', { name: new RegExp(`${a} or ${b}`) })).getByRole('radio', { name: winner }));
    pick('Housing', 'Childcare', 'Childcare');
    expect(await screen.findByText('Compare “Housing” with “Food”.')).toBeTruthy();
    pick('Housing', 'Food', 'Food');
    pick('Childcare', 'Food', 'Childcare');
    await waitFor(() => expect(screen.queryByText(/^Compare “/)).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    const preview = screen.getByRole('heading', { name: 'Ranking so far' }).parentElement as HTMLElement;
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Childcare (2 wins)', 'Food (1 win)', 'Housing (0 wins)']);
    fireEvent.click(screen.getByRole('button', { name: 'Save the ranking' }));
    await waitFor(() => expect(gateway.called('RankPriorities')).toHaveLength(1));
    expect(gateway.called('RankPriorities')[0].variables.input).toEqual({
      clientId: CLIENT_ID,
      items: ['Housing', 'Childcare', 'Food'],
      choices: [
        { a: 0, b: 1, winner: 1 },
        { a: 0, b: 2, winner: 2 },
        { a: 1, b: 2, winner: 1 },
      ],
    });
  });

  it('ranks again from the last ranking: its needs in order, every pair decided', async () => {
    const ranked = plans();
    const gateway = fakeGateway({
      ...base,
      ClientPlans: () => ({
        data: {
          client: {
            ...ranked.client!,
            priorityRankings: [
              {
                id: 'r-1',
                createdAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
                createdBy: { displayName: 'Casey Morgan' },
                items: [
                  { item: 'Food', wins: 2, rank: 1 },
                  { item: 'Housing', wins: 1, rank: 2 },
                  { item: 'Childcare', wins: 0, rank: 3 },
                ],
              },
            ],
          },
        },
      }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Rank needs with the client' }));
    expect(['Need 1', 'Need 2', 'Need 3'].map((n) => (screen.getByLabelText(n) as HTMLInputElement).value)).toEqual([
      'Food',
      'Housing',
      'Childcare',
    ]);
    expect(screen.getByText('Which matters more now? (3 of 3 compared)')).toBeTruthy();
    const preview = screen.getByRole('heading', { name: 'Ranking so far' }).parentElement as HTMLElement;
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Food (2 wins)', 'Housing (1 win)', 'Childcare (0 wins)']);
  });

  it('Escape closes a plan step’s form and a case note form, and the keyboard goes back to the button', async () => {
    const gateway = fakeGateway({ ...base, ClientPlans: () => ({ data: plans() }), ClientNotes: () => ({ data: notes([]) }) });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    const row = (await screen.findByText('Apply to three postings')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: /Update step/ }));
    const why = screen.getByLabelText(/^Why/);
    fireEvent.keyDown(why, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByLabelText(/^Why/)).toBeNull());
    const update = within(row).getByRole('button', { name: /Update step/ });
    expect(update.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(update);

    fireEvent.click(screen.getByRole('link', { name: 'Case notes' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a case note' }));
    fireEvent.keyDown(screen.getByLabelText(/^Note/), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByLabelText(/^Note/)).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a case note' }));
  });
});
