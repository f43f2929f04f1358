import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agencyStaffReply, caseload, caseloadRow } from '../../testing/fixtures';
import { STAFF, fakeGateway, renderApp } from '../../testing/harness';

const urgent = caseloadRow(1, {
  displayName: 'Dana Fontaine',
  nextFollowUpAt: '2020-01-01T10:00:00Z',
  priority: { level: 'URGENT', score: 69, reasons: ['EI claim ends in 2 days', 'Follow-up overdue by 1 day'] },
  activePlan: {
    id: 'p1',
    version: 4,
    agreement: null,
    progress: { stepsTotal: 5, stepsComplete: 3, overdueSteps: 1, percentComplete: 60 },
  },
  referrals: [
    {
      id: 'r1',
      status: 'SENT',
      urgency: 'URGENT',
      service: { id: 's1', name: 'Weekly Food Pantry', organization: { id: 'o1', name: 'Northside Food Bank' } },
    },
  ],
});

describe('the caseload', () => {
  it('shows the most urgent first with the reasons, follow-up, plan progress and open referrals', async () => {
    const gateway = fakeGateway({ Caseload: () => ({ data: caseload([urgent, caseloadRow(2, { activePlan: null })]) }) });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    const rows = await screen.findAllByRole('row');
    const first = within(rows[1]);
    expect(first.getByRole('link', { name: 'Dana Fontaine' })).toBeTruthy();
    expect(first.getByText('Urgent')).toBeTruthy();
    expect(first.getByText('EI claim ends in 2 days')).toBeTruthy();
    expect(first.getByText(/overdue,/)).toBeTruthy();
    expect(first.getByRole('progressbar', { name: 'Plan progress of Dana Fontaine' }).getAttribute('aria-valuenow')).toBe('60');
    expect(first.getByText(/Weekly Food Pantry \(Northside Food Bank\)/)).toBeTruthy();
    expect(within(rows[2]).getByText('No active plan')).toBeTruthy();
    expect(gateway.called('Caseload')[0].variables).toEqual({
      first: 20,
      after: null,
      status: ['INTAKE', 'ACTIVE', 'ON_HOLD'],
      caseManagerId: null,
    });
  });

  it('marks active plans that wait for the client’s agreement to their current version', async () => {
    const revised = caseloadRow(3, {
      displayName: 'Eli Brooks',
      activePlan: { id: 'p3', version: 5, agreement: { planVersion: 4 }, progress: urgent.activePlan!.progress },
    });
    const agreed = caseloadRow(4, { displayName: 'Farah Said' });
    const gateway = fakeGateway({ Caseload: () => ({ data: caseload([urgent, revised, agreed]) }) });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]).getByText('Awaiting agreement')).toBeTruthy();
    expect(within(rows[2]).getByText('Awaiting agreement')).toBeTruthy();
    expect(within(rows[3]).queryByText('Awaiting agreement')).toBeNull();
  });

  it('says which column is missing when the plans service is down, and shows the rest', async () => {
    const gateway = fakeGateway({
      Caseload: () => ({
        data: caseload([caseloadRow(1, { displayName: 'Dana Fontaine', activePlan: null })]),
        // As the gateway answers when a whole subgraph is down: no path, the service named.
        errors: [
          {
            message: 'A part of this answer is unavailable (the plans service); retry later',
            extensions: { code: 'UNAVAILABLE', service: 'plans' },
          },
        ],
      }),
    });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    expect(await screen.findByRole('link', { name: 'Dana Fontaine' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Plan progress could not be loaded right now');
    expect(screen.getByText('Unavailable')).toBeTruthy();
  });

  it('pages with cursors, forward and back', async () => {
    const gateway = fakeGateway({
      Caseload: (v) =>
        v.after === 'end-1'
          ? { data: caseload([caseloadRow(21)], { totalCount: 21 }) }
          : { data: caseload([caseloadRow(1)], { hasNextPage: true, endCursor: 'end-1', totalCount: 21 }) },
    });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Client 21' })).toBeTruthy();
    expect(gateway.called('Caseload').map((c) => c.variables.after)).toEqual([null, 'end-1']);
    expect(new URLSearchParams(window.location.search).get('after')).toBe('end-1');
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'Client 1' })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('after')).toBeNull();
  });

  it('filters by status and searches by name (by name order, through clients)', async () => {
    const gateway = fakeGateway({
      Caseload: () => ({ data: caseload([caseloadRow(1)]) }),
      ClientSearch: () => ({ data: { clients: caseload([caseloadRow(7, { displayName: 'Zélie Doucette' })]).myCaseload } }),
    });
    renderApp({ path: '/caseload', as: 'casey', gateway });
    await screen.findByRole('link', { name: 'Client 1' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Closed' }));
    await waitFor(() => expect(gateway.called('Caseload').at(-1)?.variables.status).toEqual(['INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED']));
    fireEvent.change(screen.getByLabelText(/^Search by name/), { target: { value: 'zelie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('link', { name: 'Zélie Doucette' })).toBeTruthy();
    expect(gateway.called('ClientSearch')[0].variables).toEqual({
      first: 20,
      after: null,
      filter: { nameContains: 'zelie', status: ['INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED'], assignedCaseManagerId: STAFF.casey.id },
    });
    expect(window.location.search).toContain('q=zelie');
  });

  it('lets a supervisor switch case manager and reassign a client', async () => {
    const jordan = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Jordan Lee', role: 'CASE_MANAGER' as const };
    const casey = { id: STAFF.casey.id, displayName: 'Casey Morgan', role: 'CASE_MANAGER' as const };
    const gateway = fakeGateway({
      AgencyCaseManagers: () => agencyStaffReply([jordan, casey]),
      Caseload: (v) => ({
        data: caseload([
          caseloadRow(v.caseManagerId === jordan.id ? 2 : 1, { assignedCaseManager: v.caseManagerId === jordan.id ? jordan : casey }),
        ]),
      }),
      AssignCaseManager: (v) => ({ data: { assignCaseManager: { id: v.clientId, assignedCaseManager: jordan } } }),
    });
    renderApp({ path: '/caseload', as: 'sam', gateway });
    expect(await screen.findByRole('link', { name: 'Client 1' })).toBeTruthy();
    expect(gateway.called('Caseload')[0].variables.caseManagerId).toBe(casey.id);

    fireEvent.change(screen.getByLabelText('Case manager'), { target: { value: jordan.id } });
    expect(await screen.findByRole('link', { name: 'Client 2' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Case manager'), { target: { value: casey.id } });
    await screen.findByRole('link', { name: 'Client 1' });
    fireEvent.change(screen.getByLabelText('Reassign Client 1 to'), { target: { value: jordan.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Reassign' }));
    expect(await screen.findByText('The reason is required.')).toBeTruthy();
    expect(screen.getByLabelText('Why Client 1 moves (required)').getAttribute('aria-invalid')).toBe('true');
    expect(gateway.called('AssignCaseManager')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Why Client 1 moves (required)'), { target: { value: ' Casey is on leave. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reassign' }));
    await waitFor(() => expect(gateway.called('AssignCaseManager')).toHaveLength(1));
    expect(gateway.called('AssignCaseManager')[0].variables).toEqual({
      clientId: caseloadRow(1).id,
      staffMemberId: jordan.id,
      reason: 'Casey is on leave.',
    });
    expect(await screen.findByText('Client 1 is now with Jordan Lee. Notified: Jordan Lee. Casey Morgan was not notified.')).toBeTruthy();
  });
});
