import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { seriousViolations } from '../../testing/axe';
import { type Reply, STAFF, fakeGateway, renderApp } from '../../testing/harness';
import { agencyStaffReply } from '../../testing/fixtures';

const casey = { id: STAFF.casey.id, displayName: 'Casey Morgan', role: 'CASE_MANAGER' as const };
const jordan = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Jordan Lee', role: 'CASE_MANAGER' as const };
const sam = { id: STAFF.sam.id, displayName: 'Sam Okafor', role: 'SUPERVISOR' as const };
const open = [
  { id: 'c1', displayName: 'Dana Fontaine', status: 'ACTIVE' },
  { id: 'c2', displayName: 'Eli Brooks', status: 'INTAKE' },
  { id: 'c3', displayName: 'Farah Aziz', status: 'ON_HOLD' },
];

function gatewayFor(transfer: (input: Record<string, unknown>) => Reply) {
  return fakeGateway({
    AgencyCaseManagers: () => agencyStaffReply([casey, jordan, sam]),
    TransferCandidates: (v) => ({
      data: {
        clients: {
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: v.staffMemberId === casey.id ? open.map((node) => ({ node })) : [],
        },
      },
    }),
    TransferCaseload: (v) => transfer(v.input as Record<string, unknown>),
  });
}

describe('the transfer screen', () => {
  it('checks, asks to confirm, and names the client a refusal is about (nothing moved)', async () => {
    const gateway = gatewayFor(() => ({
      errors: [
        {
          message: 'input.clientIds[1] must be an open client of input.fromStaffMemberId in your agency',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.clientIds[1]' },
        },
      ],
    }));
    const { container } = renderApp({ path: '/transfers', as: 'sam', gateway });
    expect(await screen.findByRole('heading', { level: 1, name: 'Transfer clients' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Transfers' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    expect(await screen.findByText('Choose whose clients move.')).toBeTruthy();
    expect(screen.getByText('The reason is required.')).toBeTruthy();

    const from = screen.getByLabelText(/^From case manager/) as HTMLSelectElement;
    // Only case managers: the supervisor is not offered.
    await waitFor(() => expect([...from.options].map((o) => o.text)).toEqual(['Choose…', 'Casey Morgan', 'Jordan Lee']));
    fireEvent.change(from, { target: { value: casey.id } });
    fireEvent.change(screen.getByLabelText(/^To case manager/), { target: { value: jordan.id } });
    const clients = await screen.findByRole('group', { name: 'Clients to move' });
    fireEvent.click(within(clients).getByLabelText('Dana Fontaine (Active)'));
    fireEvent.click(within(clients).getByLabelText('Eli Brooks (Intake)'));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Casey is on leave' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Move 2 clients from Casey Morgan to Jordan Lee?');
    expect(gateway.called('TransferCaseload')).toHaveLength(0);
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Confirm the transfer' }));
    expect(
      await within(clients).findByText(
        'Eli Brooks cannot be moved: must be an open client of Casey Morgan in your agency. Nothing was moved.',
      ),
    ).toBeTruthy();
    expect(gateway.called('TransferCaseload')[0].variables.input).toEqual({
      fromStaffMemberId: casey.id,
      toStaffMemberId: jordan.id,
      clientIds: ['c1', 'c2'],
      reason: 'Casey is on leave',
    });
  });

  it('moves every open client when asked, and says how many moved to whom', async () => {
    const gateway = gatewayFor(() => ({
      data: {
        transferCaseload: {
          movedCount: 3,
          clients: open.map((c) => ({
            id: c.id,
            displayName: c.displayName,
            assignedCaseManager: { id: jordan.id, displayName: 'Jordan Lee' },
          })),
        },
      },
    }));
    renderApp({ path: '/transfers', as: 'sam', gateway });
    const from = (await screen.findByLabelText(/^From case manager/)) as HTMLSelectElement;
    await waitFor(() => expect(from.options).toHaveLength(3));
    fireEvent.change(from, { target: { value: casey.id } });
    fireEvent.change(screen.getByLabelText(/^To case manager/), { target: { value: jordan.id } });
    fireEvent.click(await screen.findByLabelText('Every open client (3)'));
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'New team split' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm the transfer' }));
    const done = await screen.findByText(/3 clients moved to Jordan Lee/);
    expect(
      within(done.closest('[role="status"]') ?? done)
        .getByRole('link', { name: 'Farah Aziz' })
        .getAttribute('href'),
    ).toBe('/clients/c3');
    expect(done.closest('[role="status"]')?.textContent).toContain(
      'Notified: Jordan Lee, once for all of them. Casey Morgan was not notified.',
    );
    expect(gateway.called('TransferCaseload')[0].variables.input).toEqual({
      fromStaffMemberId: casey.id,
      toStaffMemberId: jordan.id,
      clientIds: null,
      reason: 'New team split',
    });
  });

  it('is for supervisors only', async () => {
    renderApp({ path: '/transfers', as: 'casey', gateway: fakeGateway({}) });
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Transfers' })).toBeNull();
  });
});
